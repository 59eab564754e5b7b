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
// The same pass serves a spec's parameter-removed entry for a function the
// tree declares itself (RemovedParameter): its prototypes and definition
// lose the parameter, the statics that only feed it lose theirs, and its
// calls that pass such a parameter on drop it; the calls of the API itself
// stay the spec rule's (rules/spec/ParameterRemoved.cpp), decided by the
// same classifier and ownerOf() (VmasArgument.h).
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
#include "MigrationSpec.h"
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

/// What a whole migration removes: GUP's vmas parameter from the family
/// (no entry), or the parameter of one parameter-removed entry of a spec.
struct RemovedParameter {
  const MigrationSpec *Spec = nullptr;
  const SpecEntry *Entry = nullptr;
  /// Tells this entry's matches from other entries' (its bound ids).
  unsigned Number = 0;
};

class WholeMigration {
public:
  /// Calls in code only compiled before 6.5 (\p Versions) are left alone.
  WholeMigration(const MigrationOptions &Options, FindingSink &Sink,
                 const VersionGuards *Versions = nullptr, RemovedParameter Removed = {});

  static void registerMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Receiver);
  /// The matchers of a spec entry's pass.
  static void registerMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Receiver,
                               const RemovedParameter &Removed);
  /// Takes the matches meant for this pass; false for others.
  bool collect(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  /// Runs the pass over what was collected, then forgets it. Returns the
  /// functions outside the table that lose a parameter, so code the
  /// preprocessor skipped can follow them.
  std::vector<ChangedFunction> finish(clang::ASTContext &Ctx);
  /// Forgets what was collected without running (a spec entry whose API
  /// this TU does not declare inside the tree: its calls stay the spec
  /// rule's, as in a module).
  void clear();

  const RemovedParameter &removed() const { return Removed; }

private:
  const MigrationOptions &Options;
  FindingSink &Sink;
  const VersionGuards *Versions;
  RemovedParameter Removed;
  std::string FunctionId, CallId;
  llvm::SetVector<const clang::FunctionDecl *> Functions;
  llvm::SetVector<const clang::CallExpr *> Calls;
};

} // namespace gup

#endif
