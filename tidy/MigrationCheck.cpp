//===- MigrationCheck.cpp - One gup-* clang-tidy check --------------------===//
#include "MigrationCheck.h"

#include "RuleTable.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace gup::tidy {
namespace {

constexpr llvm::StringLiteral TargetKernelOption = "TargetKernel";
constexpr llvm::StringLiteral DropVmaChecksOption = "DropVmaChecks";
constexpr llvm::StringLiteral DefaultTargetKernel = "6.5";

/// "X.Y" as X * 100 + Y, or nothing when it is not a kernel of 6.5 or later
/// (the same rule as gup-rewrite --target-kernel).
std::optional<unsigned> parseTargetKernel(llvm::StringRef Text) {
  auto [MajorText, MinorText] = Text.trim().split('.');
  unsigned Major = 0, Minor = 0;
  if (MajorText.getAsInteger(10, Major) || MinorText.getAsInteger(10, Minor) ||
      Minor > 99 || Major * 100 + Minor < 605)
    return std::nullopt;
  return Major * 100 + Minor;
}

FixItHint toFixIt(const TextEdit &Edit) {
  const CharSourceRange &R = Edit.Range;
  if (R.getBegin() == R.getEnd())
    return FixItHint::CreateInsertion(R.getBegin(), Edit.Replacement);
  if (Edit.Replacement.empty())
    return FixItHint::CreateRemoval(R);
  return FixItHint::CreateReplacement(R, Edit.Replacement);
}

} // namespace

MigrationCheck::MigrationCheck(llvm::StringRef Name,
                               clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Context(Context),
      TargetKernelText(
          Options.getLocalOrGlobal(TargetKernelOption, DefaultTargetKernel).str()),
      DropVmaChecks(Options.getLocalOrGlobal(DropVmaChecksOption, false)) {
  if (std::optional<unsigned> Kernel = parseTargetKernel(TargetKernelText)) {
    Migration.TargetKernel = *Kernel;
  } else {
    // Name the key the value came from: the check's own or the global one.
    std::string Key = Options.get(TargetKernelOption)
                          ? (Name + "." + TargetKernelOption).str()
                          : TargetKernelOption.str();
    configurationDiag("invalid value '%0' for option '%1': expected a kernel "
                      "version X.Y of 6.5 or later; using %2")
        << TargetKernelText << Key << DefaultTargetKernel;
    Migration.TargetKernel = *parseTargetKernel(DefaultTargetKernel);
  }
  Migration.DropVmaChecks = DropVmaChecks;
  for (const RuleInfo &Info : allRuleInfos())
    if (Info.TidyCheck == Name)
      OwnRules.insert(Info.Name);
}

std::vector<std::string> MigrationCheck::checkNames() {
  std::vector<std::string> Names;
  for (const RuleInfo &Info : allRuleInfos())
    if (!llvm::is_contained(Names, Info.TidyCheck))
      Names.push_back(Info.TidyCheck.str());
  return Names;
}

void MigrationCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, TargetKernelOption, TargetKernelText);
  Options.store(Opts, DropVmaChecksOption, DropVmaChecks);
}

void MigrationCheck::registerMatchers(MatchFinder *Finder) {
  MigrationAnalysis::registerMatchers(*Finder, this);
}

void MigrationCheck::onStartOfTranslationUnit() {
  Attached.clear();
  Analysis.reset();
  SM = nullptr;
}

void MigrationCheck::check(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  if (!Analysis)
    Analysis.emplace(Migration, Findings);
  Analysis->run(Result);
}

void MigrationCheck::onEndOfTranslationUnit() {
  if (Analysis)
    Analysis->onEndOfTranslationUnit();
  Analysis.reset();
}

void MigrationCheck::Sink::report(Finding F) { Check.emit(F); }

std::optional<std::string>
MigrationCheck::uneditable(const TextEdit &Edit) const {
  // clang-tidy shows (and fixes) the diagnostics of the main file and of the
  // headers its header filter selects. An edit elsewhere (a macro body in a
  // header the run leaves alone) is held back, like gup-rewrite holds back
  // edits outside --root; clang's fix-it machinery would drop an edit in a
  // system header without a word.
  SourceLocation Loc = Edit.Range.getBegin();
  FileID File = SM->getFileID(Loc);
  if (File == SM->getMainFileID())
    return std::nullopt;
  OptionalFileEntryRef Entry = SM->getFileEntryRefForID(File);
  if (!Entry)
    return std::string("cannot migrate this site: the text to change is not in "
                       "a file (a command-line macro?); edit it by hand");
  llvm::StringRef Name = Entry->getName();
  if (SM->isInSystemHeader(Loc))
    return ("cannot migrate this site: the text to change is in '" + Name +
            "', a system header clang-tidy does not edit; edit it by hand")
        .str();
  const clang::tidy::ClangTidyOptions &Opts = Context->getOptions();
  llvm::Regex Include(Opts.HeaderFilterRegex.value_or(""));
  bool Shown = Include.match(Name);
  if (Shown && Opts.ExcludeHeaderFilterRegex &&
      !Opts.ExcludeHeaderFilterRegex->empty() &&
      llvm::Regex(*Opts.ExcludeHeaderFilterRegex).match(Name))
    Shown = false;
  if (Shown)
    return std::nullopt;
  return ("cannot migrate this site: the text to change is in '" + Name +
          "', which this run does not change (not the main file, and outside "
          "the header filter); edit it by hand or widen --header-filter")
      .str();
}

void MigrationCheck::emit(const Finding &F) {
  if (!OwnRules.contains(F.Rule))
    return;
  std::string Message = F.Message;
  llvm::SmallVector<FixItHint, 4> FixIts;
  std::optional<SourceLocation> SharedWith;
  // Only a rewrite carries fix-its; a site that needs a human or a report is
  // a plain warning.
  if (F.Kind == FindingKind::Rewrite) {
    for (const TextEdit &Edit : F.Edits) {
      if (std::optional<std::string> Why = uneditable(Edit)) {
        Message = std::move(*Why);
        FixIts.clear();
        SharedWith.reset();
        break;
      }
      auto Key = std::make_tuple(Edit.Range.getBegin().getRawEncoding(),
                                 Edit.Range.getEnd().getRawEncoding(),
                                 Edit.Replacement);
      auto Found = Attached.find(Key);
      // When each diagnostic's fix-its are applied on their own (clangd),
      // every warning keeps all of its edits.
      if (Found != Attached.end() && !areDiagsSelfContained()) {
        SharedWith = Found->second;
        continue;
      }
      FixIts.push_back(toFixIt(Edit));
    }
  }
  // The message is an argument, never the format string: it may hold '%'.
  {
    auto Diag = diag(F.Loc, "%0") << Message;
    for (const FixItHint &FixIt : FixIts)
      Diag << FixIt;
  }
  if (F.Kind == FindingKind::Rewrite)
    for (const TextEdit &Edit : F.Edits)
      Attached.try_emplace(std::make_tuple(Edit.Range.getBegin().getRawEncoding(),
                                           Edit.Range.getEnd().getRawEncoding(),
                                           Edit.Replacement),
                           F.Loc);
  if (SharedWith)
    diag(*SharedWith, "the same edit is part of the fix-it of this warning",
         DiagnosticIDs::Note);
}

} // namespace gup::tidy
