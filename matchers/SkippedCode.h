//===- SkippedCode.h - GUP code in #if branches this build does not see ---===//
//
// One compile DB is one configuration: code under inactive #if branches has
// no AST (the !CONFIG_MMU stub of get_user_pages_remote() in mm/gup.c, the
// !CONFIG_HUGETLB_PAGE stub of follow_hugetlb_page() in hugetlb.h). The
// preprocessor still reports the ranges it skipped; this scans them for
// names of the family and applies a conservative, token-level version of
// the prototype and NULL-drop rules there. Every site it finds is reported,
// fixed or not, so nothing is skipped silently.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_SKIPPEDCODE_H
#define GUP_MATCHERS_SKIPPEDCODE_H

#include "Finding.h"
#include "GupApi.h"
#include "MigrationOptions.h"

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/TokenKinds.h"
#include "clang/Lex/PPCallbacks.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clang {
class LangOptions;
class SourceManager;
} // namespace clang

namespace gup {

class VersionGuards;

/// A token of code the build skips, lexed raw (no macro expansion, no
/// comments): its kind, spelling and [Begin, End) offsets in its file.
struct RawTok {
  clang::tok::TokenKind Kind;
  llvm::StringRef Text;
  unsigned Begin, End;
  bool StartOfLine;
};

/// The raw tokens of \p File that start in [\p Begin, \p End).
std::vector<RawTok> lexRange(clang::FileID File, unsigned Begin, unsigned End,
                             const clang::SourceManager &SM, const clang::LangOptions &LO);

/// A function outside the table whose vmas parameter(s) the whole
/// migration removes (a module's own wrapper): code the build skips must
/// follow it, or that configuration stops building.
struct ChangedFunction {
  std::string Name;
  /// The removed parameters (0-based), and how many it had before.
  std::set<unsigned> Indices;
  unsigned Arity = 0;
  /// The files that declare it: a static function is named nowhere else.
  std::set<clang::FileID> Files;
};

class SkippedCode {
public:
  SkippedCode(const MigrationOptions &Options, FindingSink &Sink)
      : Options(Options), Sink(Sink) {}

  /// Callbacks to add to the preprocessor: they record skipped ranges.
  std::unique_ptr<clang::PPCallbacks> callbacks();

  /// Scans what was recorded, reports, and forgets it. \p Helpers are
  /// functions outside the table that the TU's migration changes too: a
  /// skipped call passing NULL where a removed parameter was loses that
  /// argument; any other mention in skipped code (another argument, a
  /// declaration, a use as a function pointer) is a warning that holds the
  /// function's change back.
  /// Code only compiled for kernels before 6.5 (\p Versions) is left alone.
  void finish(const clang::SourceManager &SM, const clang::LangOptions &LO,
              llvm::ArrayRef<ChangedFunction> Helpers = {},
              const VersionGuards *Versions = nullptr);

  /// The ranges recorded so far (finish() forgets them).
  llvm::ArrayRef<clang::SourceRange> ranges() const { return Ranges; }

  /// The rule name of every finding made here.
  static constexpr llvm::StringLiteral Rule = "skipped-code";

private:
  friend class SkippedRangeRecorder;
  const MigrationOptions &Options;
  FindingSink &Sink;
  std::vector<clang::SourceRange> Ranges;
};

} // namespace gup

#endif
