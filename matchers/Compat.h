//===- Compat.h - Output that builds before and after Linux 6.5 -----------===//
//
// Out-of-tree modules must build on kernels on both sides of the change.
// Two shapes (--compat):
//
//  guard   every edit that needs the 6.5 API (ApiSide::New) is placed in a
//          version test around the whole statements it touches:
//            #if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
//            <the statements, migrated>
//            #else
//            <the statements as they were (plus ApiSide::Old edits)>
//            #endif
//          Statement level only: a test never splits an expression. Every
//          test asks the same question, so any number of them gives, on each
//          kernel, either the whole new program or the whole old one.
//  header  sites are migrated once and call wrappers of a generated header
//          (compatHeaderText()) that pick the API by version and backport
//          get_user_page_vma_remote() to older kernels.
//
// The rules do not know about this: CompatSink sits between them and the
// front end's sink, and the composition of one file's edits happens after
// all TUs are merged (composeVersionGuards()/composeCompatHeader(), pure
// text functions; the front end reads the files).
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_COMPAT_H
#define GUP_MATCHERS_COMPAT_H

#include "EditSet.h"
#include "Finding.h"
#include "MigrationOptions.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FileID;
class SourceLocation;
} // namespace clang

namespace gup {

class Conditionals;

/// Every rule reports through it. In every mode, a finding whose edits would
/// take part of an #if group (or of a directive line) becomes a warning.
/// With --compat, findings are adapted: guard spans for ApiSide::New and
/// ::Old edits (guard mode), wrapper renames (header mode, with a warning
/// where the file keeps code for kernels the wrappers do not support);
/// definitions of the family are dropped (a module does not define the
/// API); code the build skips, which has no statements to guard, is
/// reported instead.
class CompatSink : public FindingSink {
public:
  CompatSink(const MigrationOptions &Options, FindingSink &Next);
  ~CompatSink() override;
  /// The TU's AST, needed to find statements; set before findings arrive.
  void setContext(clang::ASTContext *Ctx);
  void report(Finding F) override;
  /// Composes the version tests of the TU's sites of the other specs
  /// (held until now, since several sites of different specs can share
  /// lines), folds into them the held findings (GUP's, header mode's
  /// wrapper calls) on lines they enclose, and reports everything held.
  /// Call before setContext(nullptr).
  void finishTranslationUnit();

private:
  struct StatementIndex;
  /// A finding of a spec other than GUP's, with edits (Finding::Migration
  /// set): guard mode holds it for finishTranslationUnit(); header mode
  /// renames it to the wrapper (a macro's, or a function's written from
  /// the entry's prototype), or guards it in place when the header cannot
  /// provide the change (a removed initialiser, a function whose entry has
  /// no prototype).
  void reportSpecFinding(Finding F);
  /// The whole lines a version test around the edit can enclose.
  llvm::Expected<std::pair<size_t, size_t>> guardLines(clang::FileID File,
                                                        unsigned Begin, unsigned End);
  std::vector<Finding> PendingGuards;
  /// Passes a finding on, or, when other specs than GUP's are selected,
  /// holds it in Held until finishTranslationUnit(): its edits may be on
  /// lines a spec's version test encloses, and must then join that test.
  void release(Finding F);
  std::vector<Finding> Held;
  /// Header mode: the files that will include the compat header (they
  /// have wrapper edits), which brings <linux/version.h> with it.
  std::set<clang::FileID> IncludeTheHeader;
  /// Header mode: the callee written at \p Name becomes \p Wrapper, and
  /// continuation lines aligned after the call's '(' move with it.
  void renameToWrapper(Finding &F, clang::SourceLocation Name, llvm::StringRef Wrapper);
  const Conditionals &directives(clang::FileID File);
  std::optional<std::string> cutsGroup(const TextEdit &E);
  std::optional<Finding> olderThanTheWrappers(clang::FileID File, unsigned Offset,
                                              llvm::StringRef Wrapper,
                                              const Finding &Site);
  const MigrationOptions &Options;
  FindingSink &Next;
  clang::ASTContext *Ctx = nullptr;
  std::unique_ptr<StatementIndex> Index;
  /// The conditionals of each file of the TU (by FileID hash), read once.
  llvm::DenseMap<unsigned, std::unique_ptr<Conditionals>> Directives;
};

/// The test both modes write (the first kernel without the parameter).
llvm::StringRef newApiTest();

/// The name of the compat header's wrapper for \p Api ("gup_compat_" + name).
std::string compatWrapperName(llvm::StringRef Api);

/// The whole compat header: one static inline wrapper per public function
/// of the family, and get_user_page_vma_remote() for kernels before 6.5.
/// Always the same text, so a second run finds it up to date.
std::string compatHeaderText(llvm::StringRef FileName);

/// The compat header of a run of the migrations \p Options selects: the
/// GUP part above when GUP is one of them, then one section per other spec
/// under its own version test (a moved header picked by version, macro
/// wrappers of macros that lost a parameter, static inline wrappers of
/// functions that did when the entry gives their prototype and header, a
/// new name for kernels older than the spec's NewNameSince). For a GUP-only run, the text above.
std::string compatHeaderText(llvm::StringRef FileName, const MigrationOptions &Options);

/// True when \p Text is a header compatHeaderText() wrote (any version).
bool isOurCompatHeader(llvm::StringRef Text);

/// The edits that make \p Original the guarded file: Any edits as they are,
/// each group of overlapping guard spans replaced by one version test, and
/// `#include <linux/version.h>` after the file's includes when missing.
llvm::Expected<std::vector<FileEdit>>
composeVersionGuards(llvm::StringRef Original, const std::vector<FileEdit> &Edits);

/// The edits for header mode: Any and New edits, no Old ones, and
/// `#include "<IncludeSpelling>"` after the file's includes when missing.
std::vector<FileEdit> composeCompatHeader(llvm::StringRef Original,
                                          const std::vector<FileEdit> &Edits,
                                          llvm::StringRef IncludeSpelling);

} // namespace gup

#endif
