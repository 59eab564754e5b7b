//===- TuRunner.cpp - Parse one translation unit and collect its findings -===//
#include "TuRunner.h"

#include "Migration.h"
#include "NeededBodies.h"
#include "Paths.h"
#include "PhaseTimes.h"
#include "SkippedCode.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/DiagnosticDriver.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <optional>

using namespace clang;
using namespace clang::tooling;

namespace gup {
namespace {

constexpr unsigned MaxErrorLines = 3;

/// Counts errors, keeps the first few, and notes driver complaints about
/// flags so that gcc-only flags can be dropped and the TU retried.
class ErrorCollector : public DiagnosticConsumer {
public:
  std::vector<std::string> Lines;
  std::set<std::string> RejectedFlags;

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    switch (Info.getID()) {
    case diag::err_drv_unknown_argument:
    case diag::err_drv_unknown_argument_with_suggestion:
    case diag::err_drv_unsupported_opt_for_target:
      RejectedFlags.insert(Info.getArgStdStr(0));
      return;
    case diag::err_drv_unsupported_option_argument:
      RejectedFlags.insert(Info.getArgStdStr(0) + Info.getArgStdStr(1));
      return;
    default:
      break;
    }
    if (Lines.size() >= MaxErrorLines)
      return;
    llvm::SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(
          Info.getSourceManager().getFileLoc(Info.getLocation()));
      if (P.isValid())
        Where = (llvm::Twine(P.getFilename()) + ":" + llvm::Twine(P.getLine()) +
                 ":" + llvm::Twine(P.getColumn()) + ": ")
                    .str();
    }
    Lines.push_back(Where + "error: " + std::string(Text));
  }
};

class CollectingSink : public FindingSink {
public:
  std::vector<Finding> Findings;
  void report(Finding F) override { Findings.push_back(std::move(F)); }
};

/// Matches only the declarations that can hold a site (see
/// MigrationAnalysis::declsThatCanHoldSites): most of a kernel TU is headers
/// that never name the family. With \p Bodies, the parser skips the function
/// bodies the analysis cannot need (NeededBodies.h).
class ScopedConsumer : public ASTConsumer {
public:
  ScopedConsumer(std::unique_ptr<ASTConsumer> Matching, MigrationAnalysis &Analysis,
                 Preprocessor &PP, NeededBodies *Bodies, TuResult &Result,
                 double CpuStart)
      : Matching(std::move(Matching)), Analysis(Analysis), PP(PP), Bodies(Bodies),
        Result(Result), CpuStart(CpuStart) {}
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    if (Bodies)
      Bodies->noteDeclarations(Group);
    return true;
  }
  bool shouldSkipFunctionBody(Decl *D) override {
    return Bodies && !Bodies->bodyIsNeeded(*D);
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Result.ParseCpuSeconds = processCpuSeconds() - CpuStart;
    Ctx.setTraversalScope(
        MigrationAnalysis::declsThatCanHoldSites(Ctx, PP, Analysis.siteNames()));
    Analysis.startTranslationUnit(Ctx);
    Matching->HandleTranslationUnit(Ctx);
  }

private:
  std::unique_ptr<ASTConsumer> Matching;
  MigrationAnalysis &Analysis;
  Preprocessor &PP;
  NeededBodies *Bodies;
  TuResult &Result;
  double CpuStart;
};

/// Runs the rule library over the AST and turns its findings into records
/// while the SourceManager is still alive.
class MigrationAction : public ASTFrontendAction {
public:
  MigrationAction(const RunSettings &Settings, const std::string &Directory,
                  TuResult &Result)
      : Settings(Settings), Directory(Directory), Result(Result),
        Analysis(Settings.Migration, Sink) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CI.getPreprocessor().addPPCallbacks(Analysis.ppCallbacks());
    Analysis.registerMatchers(Finder);
    if (!Settings.FullParse) {
      CI.getFrontendOpts().SkipFunctionBodies = true;
      Bodies.emplace(CI.getPreprocessor(), Analysis.siteNames(),
                     Analysis.removedParameterTypes());
    }
    return std::make_unique<ScopedConsumer>(
        Finder.newASTConsumer(), Analysis, CI.getPreprocessor(),
        Bodies ? &*Bodies : nullptr, Result, CpuStart);
  }

  bool BeginSourceFileAction(CompilerInstance &CI) override {
    CpuStart = processCpuSeconds();
    return true;
  }

  void EndSourceFileAction() override {
    Result.Parsed = true;
    convert(getCompilerInstance().getSourceManager());
    if (Bodies) {
      Result.BodiesParsed = Bodies->kept();
      Result.BodiesSkipped = Bodies->skipped();
    }
    Result.MatchCpuSeconds =
        processCpuSeconds() - CpuStart - Result.ParseCpuSeconds;
  }

private:
  const RunSettings &Settings;
  const std::string &Directory;
  TuResult &Result;
  CollectingSink Sink;
  MigrationAnalysis Analysis;
  ast_matchers::MatchFinder Finder;
  std::optional<NeededBodies> Bodies;
  double CpuStart = 0;
  llvm::DenseMap<FileID, std::string> Paths;

  const std::string &pathOf(const SourceManager &SM, FileID FID) {
    auto [It, Inserted] = Paths.try_emplace(FID);
    if (Inserted)
      if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID))
        It->second = canonicalPath(Entry->getName(), Directory);
    return It->second;
  }

  void convert(const SourceManager &SM) {
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::string Path = canonicalPath(It->first.getName(), Directory);
      if (isInside(Path, Settings.Root))
        Result.FilesSeen.insert(std::move(Path));
    }
    std::set<FileID> Edited;
    for (Finding &F : Sink.Findings) {
      SourceLocation Loc = SM.getFileLoc(F.Loc);
      FileID FID = SM.getFileID(Loc);
      const std::string &Path = pathOf(SM, FID);
      if (Path.empty() || !isInside(Path, Settings.Root)) {
        // Skipped code of headers outside the tree is not ours to count.
        if (F.Rule != SkippedCode::Rule)
          ++Result.OutsideRootSites;
        continue;
      }
      SiteRecord Site;
      Site.Path = Path;
      Site.Line = SM.getSpellingLineNumber(Loc);
      Site.Column = SM.getSpellingColumnNumber(Loc);
      Site.Offset = SM.getFileOffset(Loc);
      Site.Rule = F.Rule.str();
      Site.Api = F.Api;
      Site.Migration = F.Migration;
      Site.Kind = F.Kind;
      Site.Message = std::move(F.Message);
      Site.Requires = std::move(F.Requires);
      Site.OnlyIfBlocked = std::move(F.OnlyIfBlocked);
      Site.ReviewNote = std::move(F.ReviewNote);
      for (const TextEdit &E : F.Edits) {
        auto [BeginFID, Begin] = SM.getDecomposedLoc(E.Range.getBegin());
        auto [EndFID, End] = SM.getDecomposedLoc(E.Range.getEnd());
        const std::string &EditPath = pathOf(SM, BeginFID);
        if (EditPath.empty() || !isInside(EditPath, Settings.Root)) {
          // The site is ours but the text to change is not (a macro from
          // a header outside the tree): a human has to decide.
          Site.Kind = FindingKind::NeedsAttention;
          Site.Message = "cannot migrate this site: the text to change is in '" +
                         (EditPath.empty() ? std::string("<built-in>") : EditPath) +
                         "', outside the tree (--root); edit it by hand";
          Site.Edits.clear();
          break;
        }
        Edited.insert(BeginFID);
        FileEdit Edit{EditPath, Begin, End - Begin, E.Replacement};
        // Sides matter only to --compat; elsewhere the same edit found by
        // an AST rule and by the skipped-code scan must stay identical.
        if (Settings.Migration.Compat != CompatMode::None &&
            (F.Side == ApiSide::New || F.Side == ApiSide::Old)) {
          Edit.Side = F.Side;
          if (E.Guard.isValid()) {
            auto [GuardFID, GuardBegin] = SM.getDecomposedLoc(E.Guard.getBegin());
            Edit.GuardOffset = GuardBegin;
            Edit.GuardLength = SM.getDecomposedLoc(E.Guard.getEnd()).second - GuardBegin;
            (void)GuardFID;
          }
        }
        Site.Edits.push_back(std::move(Edit));
        (void)EndFID;
      }
      // Interim edits (patch series only) are all or nothing.
      for (const TextEdit &E : F.InterimEdits) {
        auto [BeginFID, Begin] = SM.getDecomposedLoc(E.Range.getBegin());
        unsigned End = SM.getDecomposedLoc(E.Range.getEnd()).second;
        const std::string &EditPath = pathOf(SM, BeginFID);
        if (Site.Kind != FindingKind::Rewrite || EditPath.empty() ||
            !isInside(EditPath, Settings.Root)) {
          Site.InterimEdits.clear();
          break;
        }
        Edited.insert(BeginFID);
        Site.InterimEdits.push_back({EditPath, Begin, End - Begin, E.Replacement});
      }
      Result.Sites.push_back(std::move(Site));
    }
    for (FileID FID : Edited) {
      llvm::StringRef Data = SM.getBufferData(FID);
      Result.Snapshots.push_back({pathOf(SM, FID), hashContent(Data), Data.size()});
    }
  }
};

CommandLineArguments adjustedArgs(const TuJob &Job, const RunSettings &Settings) {
  CommandLineArguments Args;
  // Kbuild passes its dependency file through the preprocessor
  // (-Wp,-MMD,dir/.x.o.d): parsing must not write it.
  for (const std::string &A : Job.Command.CommandLine) {
    llvm::StringRef Arg(A);
    if (Arg.starts_with("-Wp,-MD,") || Arg.starts_with("-Wp,-MMD,"))
      continue;
    Args.push_back(A);
  }
  Args = getClangStripOutputAdjuster()(Args, Job.Command.Filename);
  Args = getClangStripDependencyFileAdjuster()(Args, Job.Command.Filename);
  Args = getClangSyntaxOnlyAdjuster()(Args, Job.Command.Filename);
  bool HasResourceDir = false;
  for (const std::string &A : Args)
    if (llvm::StringRef(A).starts_with("-resource-dir"))
      HasResourceDir = true;
  // The file name is last on most command lines; flags go before it.
  CommandLineArguments Extra;
  if (!HasResourceDir && !Settings.ResourceDir.empty())
    Extra.push_back("-resource-dir=" + Settings.ResourceDir);
  // Warnings are not ours to report, and -Werror in a kernel build would
  // turn them into parse failures.
  Extra.push_back("-Wno-error");
  Extra.push_back("-w");
  // Errors are reported by the driver, once per TU; not "N errors generated".
  Extra.push_back("-fno-caret-diagnostics");
  Extra.insert(Extra.end(), Settings.ExtraArgs.begin(), Settings.ExtraArgs.end());
  return getInsertArgumentAdjuster(Extra, ArgumentInsertPosition::END)(
      Args, Job.Command.Filename);
}

/// Removes every argument equal to \p Flag (the driver names the whole
/// argument, "=VALUE" included); the compiler name itself is kept.
void removeFlag(CommandLineArguments &Args, const std::string &Flag) {
  CommandLineArguments Kept;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (I > 0 && Args[I] == Flag)
      continue;
    Kept.push_back(Args[I]);
  }
  Args = std::move(Kept);
}

} // namespace

// The TUs of one build share their flags: a flag the driver rejected once is
// dropped up front in this process's later TUs instead of costing a parse.
// (Workers are forked from the parent, which learns from each result.)
static std::set<std::string> KnownRejected;

void rememberRejectedFlags(const std::set<std::string> &Flags) {
  KnownRejected.insert(Flags.begin(), Flags.end());
}

TuResult runTu(const TuJob &Job, const RunSettings &Settings) {
  TuResult Result;
  Result.File = Job.File;
  Result.Database = Job.Database;
  CommandLineArguments Args = adjustedArgs(Job, Settings);
  std::set<std::string> Dropped;
  for (const std::string &Flag : KnownRejected) {
    size_t Before = Args.size();
    removeFlag(Args, Flag);
    if (Args.size() < Before)
      Dropped.insert(Flag);
  }

  // A compile DB from a gcc build carries flags clang rejects: drop each one
  // the driver names and try again (a handful at most).
  for (unsigned Attempt = 0; Attempt < 16; ++Attempt) {
    Result = TuResult();
    Result.File = Job.File;
    Result.Database = Job.Database;
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
        llvm::vfs::createPhysicalFileSystem();
    FS->setCurrentWorkingDirectory(Job.Command.Directory);
    llvm::IntrusiveRefCntPtr<FileManager> Files(
        new FileManager(FileSystemOptions(), FS));
    ErrorCollector Errors;
    ToolInvocation Invocation(
        Args,
        std::make_unique<MigrationAction>(Settings, Job.Command.Directory, Result),
        Files.get());
    Invocation.setDiagnosticConsumer(&Errors);
    Invocation.run();
    Result.Errors = Errors.getNumErrors();
    Result.ErrorLines = std::move(Errors.Lines);
    // The driver may still run the frontend after rejecting a flag: retry
    // whenever a flag was rejected, so the result has no driver errors.
    if (!Errors.RejectedFlags.empty()) {
      size_t Before = Args.size();
      for (const std::string &Flag : Errors.RejectedFlags) {
        removeFlag(Args, Flag);
        Dropped.insert(Flag);
        KnownRejected.insert(Flag);
      }
      if (Args.size() < Before)
        continue;
    }
    break;
  }
  Result.DroppedFlags = std::move(Dropped);
  if (!Result.Parsed && Result.Errors == 0)
    Result.Errors = 1;
  if (!Result.Parsed && Result.ErrorLines.empty())
    Result.ErrorLines.push_back("error: the compiler could not be run on this file");
  return Result;
}

} // namespace gup
