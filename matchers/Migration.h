//===- Migration.h - Run the rule tables over one translation unit --------===//
//
// The single entry point of the rule library for every front end: register
// the matchers with a MatchFinder, forward each match to run(), collect the
// findings from the sink.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_MIGRATION_H
#define GUP_MATCHERS_MIGRATION_H

#include "Finding.h"
#include "MigrationOptions.h"
#include "SkippedCode.h"
#include "WholeMigration.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace gup {

class MigrationAnalysis
    : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  MigrationAnalysis(const MigrationOptions &Options, FindingSink &Sink)
      : Options(Options), Sink(Sink), Whole(this->Options, Sink),
        Skipped(this->Options, Sink) {}

  /// Preprocessor callbacks the front end must install before parsing:
  /// they record the code inactive #if branches hide (SkippedCode.h).
  std::unique_ptr<clang::PPCallbacks> ppCallbacks() { return Skipped.callbacks(); }

  /// Registers the GUP-family matchers; matches go to \p Receiver, which
  /// must forward them to run() (a clang-tidy check does so from check()).
  static void registerMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Receiver);

  /// Registers with this object as the receiver.
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) {
    registerMatchers(Finder, this);
  }

  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

  /// Runs what needs the whole TU (definitions, plumbing, the helper).
  /// MatchFinder calls it; a clang-tidy check forwards its own.
  void onEndOfTranslationUnit() override;

private:
  MigrationOptions Options;
  FindingSink &Sink;
  WholeMigration Whole;
  SkippedCode Skipped;
  clang::ASTContext *Context = nullptr;
};

} // namespace gup

#endif
