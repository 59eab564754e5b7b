//===- WholeMigration.h - Definitions, plumbing and the new helper --------===//
//
// The call-site rules migrate users of the API one call at a time. The whole
// migration also changes the functions themselves: every function of the
// family (public and internal) and every static helper whose `vmas`
// parameter only fed removed parameters loses it, with a dead-parameter
// elimination in its body (the parameter is NULL from now on), its
// kernel-doc cleaned, and its internal callers' arguments dropped. When the
// prototype of get_user_pages_remote() changes and the tree has no
// get_user_page_vma_remote(), the helper is added after it.
//
// This needs the whole translation unit (which statics only feed removed
// parameters is a fixpoint), so matches are collected and processed at the
// end of the TU.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_WHOLEMIGRATION_H
#define GUP_MATCHERS_WHOLEMIGRATION_H

#include "Finding.h"
#include "GupApi.h"
#include "MigrationOptions.h"
#include "SkippedCode.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SetVector.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace gup {

class VersionGuards;

class WholeMigration {
public:
  /// Calls in code only compiled before 6.5 (\p Versions) are left alone.
  WholeMigration(const MigrationOptions &Options, FindingSink &Sink,
                 const VersionGuards *Versions = nullptr)
      : Options(Options), Sink(Sink), Versions(Versions) {}

  static void registerMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Receiver);
  /// Takes the matches meant for this pass; false for others.
  bool collect(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  /// Runs the pass over what was collected, then forgets it. Returns the
  /// functions outside the table that lose a parameter, so code the
  /// preprocessor skipped can follow them.
  std::vector<ChangedFunction> finish(clang::ASTContext &Ctx);

private:
  const MigrationOptions &Options;
  FindingSink &Sink;
  const VersionGuards *Versions;
  llvm::SetVector<const clang::FunctionDecl *> Functions;
  llvm::SetVector<const clang::CallExpr *> Calls;
};

} // namespace gup

#endif
