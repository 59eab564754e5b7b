//===- Output.h - Diff, in-place, YAML and report output ------------------===//
#ifndef GUP_TOOL_OUTPUT_H
#define GUP_TOOL_OUTPUT_H

#include "EditSet.h"
#include "MigrationSpec.h"
#include "UnreadFiles.h"

#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace gup {

/// A file the plan changes: what is on disk now and what it becomes.
struct ChangedFile {
  std::string Path; ///< canonical absolute
  std::string Original;
  std::string New;
  bool Created = false; ///< the file does not exist yet (the compat header)
};

/// Reads every file the plan edits and applies the edits. A file that
/// cannot be read, or that changed on disk since a TU parsed it, is left out
/// and described in \p Problems.
std::vector<ChangedFile> computeChanges(const ChangePlan &Plan,
                                        std::vector<std::string> &Problems);

/// One unified diff for the whole tree, paths relative to \p Root.
std::string renderDiff(const std::vector<ChangedFile> &Files,
                       const std::string &Root);

/// clang-apply-replacements YAML: one diagnostic per migrated site.
/// \p Specs: the selected migrations (a spec may name its rules' checks).
std::string renderFixesYaml(const ChangePlan &Plan,
                            const std::vector<ChangedFile> &Files,
                            llvm::ArrayRef<const MigrationSpec *> Specs);

/// One "path:line:col: rule: message" line per site (coccicheck style),
/// a "rule: review: ..." line after a site whose rewrite a reviewer must
/// confirm, and one "unread-file: ..." line per file of \p Unread.
std::string renderReport(const ChangePlan &Plan,
                         const std::vector<const UnreadFile *> &Unread,
                         const std::string &Root);

/// What the run could not see: sites in skipped #if branches (fixed or
/// not) and every mention of the family in files under \p Root that no TU
/// read (scanUnreadFiles()).
std::string renderCoverage(const ChangePlan &Plan,
                           const std::vector<UnreadFile> &Unread,
                           const std::string &Root);

/// Writes \p Content to \p Path through a temporary file in the same
/// directory and a rename, keeping the file mode of an existing file.
llvm::Error writeFileAtomically(const std::string &Path, llvm::StringRef Content);

/// Writes every changed file, all or nothing: every new content is first
/// written to a temporary file beside its target; only when all of them are
/// ready (and no target changed meanwhile) are they renamed into place.
llvm::Error writeInPlace(const std::vector<ChangedFile> &Files);

} // namespace gup

#endif
