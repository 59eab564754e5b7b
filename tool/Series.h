//===- Series.h - The migration as a bisectable patch series --------------===//
//
// --series=DIR writes the migration as git format-patch files: one patch
// per public API (its prototype, definition and callers), the users of a
// vmas array just before the API they used, and a last patch for the
// internal plumbing. Other migrations (MigrationSpec.h) are one patch each,
// all in the migrations' series order. Each patch is the difference between two states the
// plan knows how to build: the tree migrated with the APIs of patches
// 1..k and with those of 1..k-1 (the others held back, as when a site
// blocks them), so every prefix of the series compiles.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_SERIES_H
#define GUP_TOOL_SERIES_H

#include "EditSet.h"
#include "Output.h"

#include "llvm/Support/Error.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace gup {

struct MigrationSpec;

struct SeriesOptions {
  std::string Dir;
  std::string Root;
  /// "Name <address>", or empty for a placeholder author.
  std::string From;
  bool Signoff = false;
  /// Turns the plan's edits of one file into its new content (formatting).
  std::function<std::string(const std::string &Path, llvm::StringRef Original,
                            const std::vector<FileEdit> &Edits)>
      Render;
  /// The coverage report's text, summarised in the cover letter.
  std::string Coverage;
  /// The Date: header (RFC 2822); empty for the current time.
  std::string Date;
  /// The migrations of the run, in series order (empty: gup-vmas alone).
  /// Each is one unit of the series; gup-vmas is several (see above).
  std::vector<const MigrationSpec *> Migrations;
};

struct SeriesPatch {
  std::string FileName; ///< e.g. 0001-mm-gup-drop-the-vmas-parameter-of.patch
  std::string Subject;  ///< without [PATCH k/n]
  std::string Diffstat;
};

/// True when \p From looks like "Name <user@host>".
bool isValidIdentity(llvm::StringRef From);

/// Computes the series from \p Unfinalized (a plan with every site added
/// but not finalized) and writes it into Options.Dir, cover letter first.
/// Files that cannot be read are described in \p Problems and left out.
llvm::Expected<std::vector<SeriesPatch>>
writeSeries(const ChangePlan &Unfinalized, const SeriesOptions &Options,
            std::vector<std::string> &Problems);

} // namespace gup

#endif
