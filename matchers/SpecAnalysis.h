//===- SpecAnalysis.h - Feed the spec kinds' rules from one TU ------------===//
//
// For the selected migrations other than the GUP vmas one (whose C++ rules
// MigrationAnalysis runs as before), this finds the sites of each entry and
// hands them to the generic rules of matchers/rules/spec/:
//  - AST matches: references to the entries' functions (calls included),
//    calls of a function that lost a parameter, designated initialisers of
//    the entries' records;
//  - preprocessor callbacks: invocations of the entries' macros, #include
//    lines of moved headers, and the names in the #define bodies of the
//    tree's own macros (a name in a body is decided there, once);
//  - the ranges of inactive #if branches (SkippedCode): a name of an entry
//    there is reported, since this build cannot migrate it.
// A parameter-removed entry for a function (not a macro) has also a
// whole-TU pass (WholeMigration, the one GUP's vmas removal uses): when the
// TU declares the function inside the tree, the pass changes its
// prototypes, its definition and the static helpers that feed the
// parameter; the call rule edits the calls, and a site it cannot edit holds
// the API back (the definition and its callers change together).
// Everything else (which version tests already decide a site, what the run
// may edit, whether the tree defines the API itself) the rules ask
// SpecSiteContext.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_SPECANALYSIS_H
#define GUP_MATCHERS_SPECANALYSIS_H

#include "Finding.h"
#include "MigrationOptions.h"
#include "MigrationSpec.h"
#include "WholeMigration.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace gup {

class VersionGuards;

/// The selected specs whose sites the generic rules decide: every one of
/// \p Options.Migrations but the GUP vmas migration.
std::vector<const MigrationSpec *> dataDrivenSpecs(const MigrationOptions &Options);

/// True when the GUP vmas migration runs (no --migration given, or it is
/// among the selected ones).
bool gupMigrationSelected(const MigrationOptions &Options);

/// The names whose uses are sites of \p Specs (functions and macros of
/// their entries, the old values of removed initialisers): what a body must
/// name to be kept (NeededBodies) and a file to be traversed.
std::vector<std::string> specSiteNames(llvm::ArrayRef<const MigrationSpec *> Specs);

/// The parameter types (as spelled) that \p Specs' parameter-removed
/// entries of functions remove.
std::vector<std::string> specRemovedParameterTypes(llvm::ArrayRef<const MigrationSpec *> Specs);

class SpecAnalysis {
public:
  SpecAnalysis(const MigrationOptions &Options, FindingSink &Sink,
               const VersionGuards &Versions);
  ~SpecAnalysis();

  /// False when no data-driven spec is selected (a GUP-only run): nothing
  /// here runs then.
  bool active() const { return !Specs.empty(); }

  /// Records macro invocations, #include lines and #define bodies.
  std::unique_ptr<clang::PPCallbacks> callbacks();

  static void registerMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Receiver,
                               llvm::ArrayRef<const MigrationSpec *> Specs);
  llvm::ArrayRef<const MigrationSpec *> specs() const { return Specs; }

  /// Handles a match of registerMatchers(); false when it is not one.
  bool run(const clang::ast_matchers::MatchFinder::MatchResult &Result);

  /// Decides what the preprocessor recorded and what \p Skipped (ranges of
  /// inactive #if branches) names, then forgets the TU.
  void finish(clang::ASTContext &Ctx, llvm::ArrayRef<clang::SourceRange> Skipped);

  struct Recorded; ///< what the preprocessor callbacks saw

private:
  const MigrationOptions &Options;
  FindingSink &Sink;
  const VersionGuards &Versions;
  std::vector<const MigrationSpec *> Specs;
  std::unique_ptr<Recorded> Seen;
  /// Offsets (by file) of the values of initialisers the rules decided:
  /// the removed-api report of the same name skips them.
  std::set<std::pair<unsigned, unsigned>> DecidedValues;
  /// Designated initialisers already decided (both forms of a list).
  llvm::DenseSet<const void *> DecidedInits;
  /// One whole-TU pass per parameter-removed entry of a function, in the
  /// order of removedFunctionParameters().
  std::vector<std::unique_ptr<WholeMigration>> Passes;
};

} // namespace gup

#endif
