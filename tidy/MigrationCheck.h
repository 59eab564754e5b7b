//===- MigrationCheck.h - One gup-* clang-tidy check ----------------------===//
//
// Every gup-* check is this class under another name. The rule library
// decides each site exactly as it does for the gup-rewrite tool; a check
// shows the findings of the rules whose RuleInfo::TidyCheck is its own name,
// as warnings at the finding's location, with the rule's edits as fix-its.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TIDY_MIGRATIONCHECK_H
#define GUP_TIDY_MIGRATIONCHECK_H

#include "Finding.h"
#include "Migration.h"
#include "MigrationOptions.h"

#include "ClangTidyCheck.h"

#include "llvm/ADT/StringSet.h"

#include <optional>
#include <string>
#include <vector>

namespace gup::tidy {

/// Reports the sites of the GUP API migration (Linux 6.5 removed the vmas
/// parameter of get_user_pages() and friends) that belong to the rules of
/// one rule family, with the edits that migrate them as fix-its. Findings
/// the tool only diagnoses (a site that needs a human, a dangling VMA read)
/// are warnings without fix-its.
///
/// Options (every gup-* check reads all of them, so that all of them decide a
/// site the same way; set them once as global CheckOptions):
///   TargetKernel   kernel the output must build on, "X.Y", 6.5 or later
///                  (default "6.5"); from 6.7 get_user_page_vma_remote()
///                  never returns NULL.
///   DropVmaChecks  delete io_uring-style loops that re-check the VMAs of a
///                  long-term pin instead of keeping them with vma_lookup()
///                  (default false; a behaviour change, see docs/rules.md).
///   DisabledRules  rule names (gup-rewrite --list-rules), separated by ','
///                  or ';', that decide no site, as gup-rewrite
///                  --disable-rule (default none; for testing the tests).
///                  An unknown name is a configuration error and is ignored.
///   Migrations     the migrations to report (gup-rewrite --list-migrations),
///                  ids separated by ',' or ';', or "all" (default
///                  "gup-vmas"). An unknown id is a configuration error and
///                  is ignored; with none left, gup-vmas.
class MigrationCheck : public clang::tidy::ClangTidyCheck {
public:
  MigrationCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

  /// The distinct check names of the rule table, in table order.
  static std::vector<std::string> checkNames();

private:
  /// Fills Migration.Migrations from MigrationsText (diagnosing bad ids
  /// under the option key of \p CheckName when the value is its own).
  void selectMigrations(llvm::StringRef CheckName);

  /// Turns one finding of the rule library into a diagnostic, if it is ours.
  void emit(const Finding &F);

  /// Why \p Edit must not become a fix-it (it would change a file whose
  /// diagnostics this run hides), or nothing.
  std::optional<std::string> uneditable(const TextEdit &Edit) const;

  /// Gives the rule library's findings to emit().
  class Sink : public FindingSink {
  public:
    explicit Sink(MigrationCheck &Check) : Check(Check) {}
    void report(Finding F) override;

  private:
    MigrationCheck &Check;
  };

  clang::tidy::ClangTidyContext *Context;
  const std::string TargetKernelText;
  const bool DropVmaChecks;
  const std::string DisabledRulesText;
  const std::string MigrationsText;
  MigrationOptions Migration;
  llvm::StringSet<> OwnRules;
  Sink Findings{*this};
  /// One analysis per TU: the rule library may keep what it matched until
  /// the end of the TU, where the check forwards onEndOfTranslationUnit().
  std::optional<MigrationAnalysis> Analysis;
  const clang::SourceManager *SM = nullptr;
};

} // namespace gup::tidy

#endif
