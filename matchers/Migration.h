//===- Migration.h - Run the rule tables over one translation unit --------===//
//
// The single entry point of the rule library for every front end: register
// the matchers with a MatchFinder, forward each match to run(), collect the
// findings from the sink.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_MIGRATION_H
#define GUP_MATCHERS_MIGRATION_H

#include "Compat.h"
#include "Finding.h"
#include "MigrationOptions.h"
#include "SkippedCode.h"
#include "SpecAnalysis.h"
#include "VersionGuards.h"
#include "WholeMigration.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace gup {

/// What the rules of --disable-rule report becomes: nothing for a report
/// (it changes no code), otherwise a warning with no edit that says the rule
/// is disabled, so the site is still named and its API held back. Used for
/// the rules that have no fallback after them (a disabled rule of the
/// call-site table is skipped, and the next rule decides the site).
class DisabledRuleSink : public FindingSink {
public:
  DisabledRuleSink(const MigrationOptions &Options, FindingSink &Next)
      : Options(Options), Next(Next) {}
  void report(Finding F) override;

private:
  const MigrationOptions &Options;
  FindingSink &Next;
};

class MigrationAnalysis
    : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  MigrationAnalysis(const MigrationOptions &Options, FindingSink &Sink)
      : Options(Options), Compat(this->Options, Sink), Gate(this->Options, Compat),
        Whole(this->Options, Gate, &Versions), Skipped(this->Options, Gate),
        Specs(this->Options, Gate, Versions) {}

  /// Preprocessor callbacks the front end must install before parsing:
  /// they record the code inactive #if branches hide (SkippedCode.h) and
  /// the version tests code is already under (VersionGuards.h).
  std::unique_ptr<clang::PPCallbacks> ppCallbacks();

  /// Registers the GUP-family matchers; matches go to \p Receiver, which
  /// must forward them to run() (a clang-tidy check does so from check()).
  static void registerMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Receiver);
  /// The matchers of the migrations \p Options selects: the GUP family's
  /// when it is one of them, those of the other specs' entries.
  static void registerMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Receiver,
                               const MigrationOptions &Options);

  /// Registers with this object as the receiver.
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) {
    registerMatchers(Finder, this, Options);
  }

  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

  /// The top-level declarations of the TU that can hold a site: those of
  /// the main file and of every file that names a function of the family,
  /// or a macro whose body does (transitively). A kernel TU pulls in tens of
  /// thousands of declarations from headers that can hold none; a front end
  /// that owns its traversal (the tool) matches only these. It must call
  /// startTranslationUnit() then, since the TU itself is not traversed.
  static std::vector<clang::Decl *> declsThatCanHoldSites(clang::ASTContext &Ctx,
                                                          clang::Preprocessor &PP);
  /// The same, where naming one of \p SiteNames (siteNames()) also counts.
  static std::vector<clang::Decl *>
  declsThatCanHoldSites(clang::ASTContext &Ctx, clang::Preprocessor &PP,
                        llvm::ArrayRef<std::string> SiteNames);
  /// The names whose uses are sites of the selected specs other than GUP's
  /// (for the traversal scope above and NeededBodies).
  std::vector<std::string> siteNames() const { return specSiteNames(Specs.specs()); }
  /// The types of the parameters those specs remove from functions (the
  /// whole-TU pass reads the bodies of functions that have one).
  std::vector<std::string> removedParameterTypes() const {
    return specRemovedParameterTypes(Specs.specs());
  }
  void startTranslationUnit(clang::ASTContext &Ctx) { Context = &Ctx; }

  /// Runs what needs the whole TU (definitions, plumbing, the helper).
  /// MatchFinder calls it; a clang-tidy check forwards its own.
  void onEndOfTranslationUnit() override;

private:
  /// A disabled rule of a table is skipped, so the next rule decides the
  /// site, unless it is the last: then it still decides, and the gate turns
  /// what it finds into a warning (no site is left unnamed).
  template <typename RuleT>
  bool enabledOrLast(const RuleT *Rule, llvm::ArrayRef<const RuleT *> Table) const;

  MigrationOptions Options;
  /// Every rule reports through it (a plain pass-through without --compat).
  CompatSink Compat;
  /// ... after the findings of disabled rules are turned into warnings.
  DisabledRuleSink Gate;
  VersionGuards Versions;
  WholeMigration Whole;
  SkippedCode Skipped;
  SpecAnalysis Specs;
  clang::ASTContext *Context = nullptr;
};

} // namespace gup

#endif
