//===- MigrationCheck.cpp - One gup-* clang-tidy check --------------------===//
#include "MigrationCheck.h"

#include "clang/Lex/Preprocessor.h"

#include "MigrationSpec.h"
#include "RuleTable.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <map>
#include <tuple>

using namespace clang;
using namespace clang::ast_matchers;

namespace gup::tidy {
namespace {
/// The GUP rules and those of the spec kinds: a check exists for each
/// (registered before the Migrations option is read; a spec-kind check
/// finds nothing unless its migration is selected).
std::vector<RuleInfo> everyRule() {
  std::vector<RuleInfo> Rules = allRuleInfos();
  for (const RuleInfo &Info : specKindRuleInfos())
    Rules.push_back(Info);
  return Rules;
}


constexpr llvm::StringLiteral TargetKernelOption = "TargetKernel";
constexpr llvm::StringLiteral DropVmaChecksOption = "DropVmaChecks";
constexpr llvm::StringLiteral DisabledRulesOption = "DisabledRules";
constexpr llvm::StringLiteral DefaultTargetKernel = "6.5";
constexpr llvm::StringLiteral MigrationsOption = "Migrations";
constexpr llvm::StringLiteral DefaultMigrations = "gup-vmas";

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

/// The items of an option's list, separated by ',' or ';', trimmed; empty
/// ones dropped.
std::vector<std::string> listItems(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Text.split(Parts, ',');
  std::vector<std::string> Items;
  for (llvm::StringRef Part : Parts) {
    llvm::SmallVector<llvm::StringRef, 4> Inner;
    Part.split(Inner, ';');
    for (llvm::StringRef Item : Inner)
      if (!Item.trim().empty())
        Items.push_back(Item.trim().str());
  }
  return Items;
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
      DropVmaChecks(Options.getLocalOrGlobal(DropVmaChecksOption, false)),
      DisabledRulesText(Options.getLocalOrGlobal(DisabledRulesOption, "").str()),
      MigrationsText(
          Options.getLocalOrGlobal(MigrationsOption, DefaultMigrations).str()) {
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
  for (const std::string &Rule : listItems(DisabledRulesText)) {
    if (findRuleInfo(Rule))
      Migration.DisabledRules.insert(Rule);
    else
      configurationDiag("invalid value '%0' for option '%1': no such rule (see "
                        "gup-rewrite --list-rules); ignored")
          << Rule << DisabledRulesOption;
  }
  selectMigrations(Name);
  for (const RuleInfo &Info : everyRule())
    if (Info.TidyCheck == Name)
      OwnRules.insert(Info.Name);
}

void MigrationCheck::selectMigrations(llvm::StringRef CheckName) {
  for (const std::string &Id : listItems(MigrationsText)) {
    if (Id == "all") {
      for (const MigrationSpec &Spec : builtinMigrations())
        if (!llvm::is_contained(Migration.Migrations, &Spec))
          Migration.Migrations.push_back(&Spec);
      continue;
    }
    if (const MigrationSpec *Spec = findBuiltinMigration(Id)) {
      if (!llvm::is_contained(Migration.Migrations, Spec))
        Migration.Migrations.push_back(Spec);
      continue;
    }
    std::string Known;
    for (const MigrationSpec &Spec : builtinMigrations())
      Known += (Known.empty() ? "" : ", ") + Spec.Id;
    // Name the key the value came from: the check's own or the global one.
    std::string Key = Options.get(MigrationsOption)
                          ? (CheckName + "." + MigrationsOption).str()
                          : MigrationsOption.str();
    configurationDiag("invalid value '%0' for option '%1': no migration '%2' "
                      "(the built-in ones are %3, or 'all'); ignored")
        << MigrationsText << Key << Id << Known;
  }
  if (Migration.Migrations.empty())
    Migration.Migrations.push_back(&gupVmasMigration());
  // In series order, as the tool runs them.
  llvm::sort(Migration.Migrations, [](const MigrationSpec *A,
                                             const MigrationSpec *B) {
    return std::tie(A->SeriesOrder, A->Id) < std::tie(B->SeriesOrder, B->Id);
  });
}

std::vector<std::string> MigrationCheck::checkNames() {
  std::vector<std::string> Names;
  for (const RuleInfo &Info : everyRule())
    if (!llvm::is_contained(Names, Info.TidyCheck))
      Names.push_back(Info.TidyCheck.str());
  return Names;
}

void MigrationCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, TargetKernelOption, TargetKernelText);
  Options.store(Opts, DropVmaChecksOption, DropVmaChecks);
  Options.store(Opts, DisabledRulesOption, DisabledRulesText);
  Options.store(Opts, MigrationsOption, MigrationsText);
}

void MigrationCheck::registerMatchers(MatchFinder *Finder) {
  MigrationAnalysis::registerMatchers(*Finder, this, Migration);
}

void MigrationCheck::registerPPCallbacks(const clang::SourceManager &,
                                         clang::Preprocessor *PP,
                                         clang::Preprocessor *) {
  // Before parsing: the analysis records the ranges inactive #if branches
  // hide, and reports the family in them at the end of the TU.
  Analysis.emplace(Migration, Findings);
  PP->addPPCallbacks(Analysis->ppCallbacks());
}

void MigrationCheck::onStartOfTranslationUnit() {
  if (!Analysis)
    Analysis.emplace(Migration, Findings);
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

namespace {

/// An edit already attached as a fix-it, and the warning that carries it.
struct AttachedEdit {
  const SourceManager *TU; ///< identifies the TU, with MainFile
  std::string MainFile;
  SourceLocation Loc;
  std::string Where; ///< Loc as "file:line:col", for other TUs
};
using EditKey = std::tuple<std::string, unsigned, unsigned, std::string>;

/// The edits attached so far by the gup checks of one clang-tidy run. The
/// tool applies an edit reached from several sites once (a #define body used
/// twice, or from two TUs); clang-tidy would see overlapping fix-its and
/// apply none of them, within a TU and across the TUs of one invocation.
/// run-clang-tidy gives each TU its own process and its YAML to
/// clang-apply-replacements, which merges identical replacements.
std::map<EditKey, AttachedEdit> &
attachedEdits(const clang::tidy::ClangTidyContext *Context) {
  static std::map<const clang::tidy::ClangTidyContext *,
                  std::map<EditKey, AttachedEdit>>
      PerRun;
  return PerRun[Context];
}

EditKey keyOf(const TextEdit &Edit, const SourceManager &SM) {
  auto [File, Begin] = SM.getDecomposedLoc(Edit.Range.getBegin());
  unsigned End = SM.getFileOffset(Edit.Range.getEnd());
  std::string Path;
  if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File)) {
    Path = Entry->getFileEntry().tryGetRealPathName().str();
    if (Path.empty())
      Path = Entry->getName().str();
  }
  return {Path, Begin, End - Begin, Edit.Replacement};
}

std::string describe(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (P.isInvalid())
    return "<unknown>";
  return (llvm::Twine(P.getFilename()) + ":" + llvm::Twine(P.getLine()) + ":" +
          llvm::Twine(P.getColumn()))
      .str();
}

} // namespace

void MigrationCheck::emit(const Finding &F) {
  if (!OwnRules.contains(F.Rule))
    return;
  // Alternatives for a tree where some API is held back, and records that
  // only carry a dependency between APIs: the tool's cross-TU policy, which
  // clang-tidy (one TU, nothing held back) has no use for.
  if (!F.OnlyIfBlocked.empty() ||
      (F.Kind == FindingKind::Rewrite && F.Edits.empty()))
    return;
  std::string Message = F.Message;
  llvm::SmallVector<FixItHint, 4> FixIts;
  llvm::SmallVector<EditKey, 4> NewKeys;
  std::optional<AttachedEdit> SharedWith;
  std::map<EditKey, AttachedEdit> &Attached = attachedEdits(Context);
  // Only a rewrite carries fix-its; a site that needs a human or a report is
  // a plain warning.
  if (F.Kind == FindingKind::Rewrite) {
    for (const TextEdit &Edit : F.Edits) {
      if (std::optional<std::string> Why = uneditable(Edit)) {
        Message = std::move(*Why);
        FixIts.clear();
        NewKeys.clear();
        SharedWith.reset();
        break;
      }
      EditKey Key = keyOf(Edit, *SM);
      auto Found = Attached.find(Key);
      // When each diagnostic's fix-its are applied on their own (clangd),
      // every warning keeps all of its edits.
      if (Found != Attached.end() && !areDiagsSelfContained()) {
        SharedWith = Found->second;
        continue;
      }
      FixIts.push_back(toFixIt(Edit));
      NewKeys.push_back(std::move(Key));
    }
  }
  // The message is an argument, never the format string: it may hold '%'.
  {
    auto Diag = diag(F.Loc, "%0") << Message;
    for (const FixItHint &FixIt : FixIts)
      Diag << FixIt;
  }
  // A rewrite that changes behaviour: what the reviewer must confirm.
  if (F.Kind == FindingKind::Rewrite && Message == F.Message && !F.ReviewNote.empty())
    diag(F.Loc, "%0", DiagnosticIDs::Note) << F.ReviewNote;
  for (EditKey &Key : NewKeys)
    Attached.try_emplace(std::move(Key),
                         AttachedEdit{SM, getCurrentMainFile().str(), F.Loc,
                                      describe(F.Loc, *SM)});
  if (!SharedWith)
    return;
  if (SharedWith->TU == SM && SharedWith->MainFile == getCurrentMainFile())
    diag(SharedWith->Loc, "the same edit is part of the fix-it of this warning",
         DiagnosticIDs::Note);
  else
    diag(F.Loc, "the same edit is part of the fix-it of the warning at %0",
         DiagnosticIDs::Note)
        << SharedWith->Where;
}

} // namespace gup::tidy
