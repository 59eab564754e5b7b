//===- Migration.cpp - Run the rule tables over one translation unit ------===//
#include "Migration.h"

#include "GupApi.h"
#include "RuleTable.h"
#include "VmasArgument.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace gup {
namespace {
// Bound node IDs.
constexpr llvm::StringLiteral CallId = "gup-call";
constexpr llvm::StringLiteral DeclId = "gup-decl";
constexpr llvm::StringLiteral RefId = "gup-ref";
constexpr llvm::StringLiteral UnitId = "gup-unit";

std::vector<llvm::StringRef> familyNames() {
  std::vector<llvm::StringRef> Names;
  for (const GupFunction &F : gupFamily())
    Names.push_back(F.Name);
  return Names;
}

/// Marks what a rule table finds with the kernels its edits are right for
/// (--compat): call-site rules need the 6.5 API (and --compat=header renames
/// the call's callee); declaration rules change the family itself.
class SideSink : public FindingSink {
public:
  SideSink(FindingSink &Next, ApiSide Side, SourceLocation Callee = {})
      : Next(Next), Side(Side), Callee(Callee) {}
  void report(Finding F) override {
    if (F.Side == ApiSide::Any)
      F.Side = Side;
    if (F.CalleeLoc.isInvalid())
      F.CalleeLoc = Callee;
    Next.report(std::move(F));
  }

private:
  FindingSink &Next;
  ApiSide Side;
  SourceLocation Callee;
};

const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD;
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}
} // namespace

void DisabledRuleSink::report(Finding F) {
  // What keeps the tree consistent when an API is held back (a caller
  // passing NULL to a callee that keeps its parameter), and records that
  // only carry a dependency, are the plan's, not the rule's: they stay, so
  // the output builds whatever is disabled.
  if (!Options.DisabledRules.count(F.Rule.str()) || !F.OnlyIfBlocked.empty() ||
      (F.Kind == FindingKind::Rewrite && F.Edits.empty())) {
    Next.report(std::move(F));
    return;
  }
  // A report changes no code.
  if (F.Kind == FindingKind::Report)
    return;
  F.Kind = FindingKind::NeedsAttention;
  F.Message = "not migrated: the rule '" + F.Rule.str() +
              "' that decides this site is disabled (--disable-rule); it says: " +
              F.Message;
  F.Edits.clear();
  F.InterimEdits.clear();
  Next.report(std::move(F));
}

template <typename RuleT>
bool MigrationAnalysis::enabledOrLast(const RuleT *Rule,
                                      llvm::ArrayRef<const RuleT *> Table) const {
  return !Options.DisabledRules.count(Rule->info().Name.str()) ||
         Rule == Table.back();
}

void MigrationAnalysis::registerMatchers(MatchFinder &Finder,
                                         MatchFinder::MatchCallback *Receiver) {
  registerMatchers(Finder, Receiver, MigrationOptions());
}

void MigrationAnalysis::registerMatchers(MatchFinder &Finder,
                                         MatchFinder::MatchCallback *Receiver,
                                         const MigrationOptions &Options) {
  SpecAnalysis::registerMatchers(Finder, Receiver, dataDrivenSpecs(Options));
  // Always one match per TU, so the end-of-TU work has its ASTContext even
  // when every site of the file is in skipped code.
  if (!gupMigrationSelected(Options)) {
    Finder.addMatcher(translationUnitDecl().bind(UnitId), Receiver);
    return;
  }
  // By name here; the table's parameter-type test in run() decides. Calls
  // through function pointers or struct members have no FunctionDecl callee
  // and never match.
  auto Family = functionDecl(hasAnyName(familyNames()));
  Finder.addMatcher(callExpr(callee(Family)).bind(CallId), Receiver);
  Finder.addMatcher(functionDecl(hasAnyName(familyNames())).bind(DeclId),
                    Receiver);
  Finder.addMatcher(declRefExpr(to(Family)).bind(RefId), Receiver);
  WholeMigration::registerMatchers(Finder, Receiver);
  // Always one match per TU, so the end-of-TU work has its ASTContext even
  // when every GUP call of the file is in skipped code.
  Finder.addMatcher(translationUnitDecl().bind(UnitId), Receiver);
}

std::unique_ptr<PPCallbacks> MigrationAnalysis::ppCallbacks() {
  auto Callbacks = std::make_unique<PPChainedCallbacks>(Skipped.callbacks(),
                                                        Versions.callbacks());
  if (!Specs.active())
    return Callbacks;
  return std::make_unique<PPChainedCallbacks>(std::move(Callbacks), Specs.callbacks());
}

void MigrationAnalysis::onEndOfTranslationUnit() {
  if (Context) {
    Compat.setContext(Context);
    bool Gup = gupMigrationSelected(Options);
    std::vector<ChangedFunction> Helpers;
    if (Gup)
      Helpers = Whole.finish(*Context);
    Specs.finish(*Context, Skipped.ranges());
    if (Gup)
      Skipped.finish(Context->getSourceManager(), Context->getLangOpts(), Helpers,
                     &Versions);
    Compat.finishTranslationUnit();
  }
  Context = nullptr;
  Compat.setContext(nullptr);
}

std::vector<Decl *> MigrationAnalysis::declsThatCanHoldSites(ASTContext &Ctx,
                                                             Preprocessor &PP) {
  return declsThatCanHoldSites(Ctx, PP, {});
}

std::vector<Decl *>
MigrationAnalysis::declsThatCanHoldSites(ASTContext &Ctx, Preprocessor &PP,
                                         llvm::ArrayRef<std::string> SiteNames) {
  // The family (and the other specs' names), and every macro whose body
  // names something already in the set (every definition a macro had, in
  // case it was #undef'd).
  llvm::StringSet<> Names;
  for (const GupFunction &F : gupFamily())
    Names.insert(F.Name);
  for (const std::string &Name : SiteNames)
    Names.insert(Name);
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const auto &Macro : PP.macros()) {
      const IdentifierInfo *Name = Macro.first;
      if (Names.count(Name->getName()))
        continue;
      bool BodyNamesOne = false;
      for (const MacroDirective *MD = PP.getLocalMacroDirectiveHistory(Name);
           MD && !BodyNamesOne; MD = MD->getPrevious()) {
        const auto *Def = dyn_cast<DefMacroDirective>(MD);
        if (!Def)
          continue;
        for (const Token &T : Def->getInfo()->tokens())
          if (const IdentifierInfo *Id = T.getIdentifierInfo();
              Id && Names.count(Id->getName())) {
            BodyNamesOne = true;
            break;
          }
      }
      if (BodyNamesOne) {
        Names.insert(Name->getName());
        Grew = true;
      }
    }
  }
  // A substring test on the file text: a false positive only costs time.
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::DenseMap<FileID, bool> Interesting;
  auto CanHold = [&](FileID File) {
    auto [It, Inserted] = Interesting.try_emplace(File, false);
    if (Inserted) {
      bool Invalid = false;
      llvm::StringRef Text = SM.getBufferData(File, &Invalid);
      It->second = File == SM.getMainFileID() ||
                   (!Invalid && llvm::any_of(Names, [&](const auto &Name) {
                      return Text.contains(Name.getKey());
                    }));
    }
    return It->second;
  };
  std::vector<Decl *> Scope;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    SourceLocation Loc = D->getBeginLoc();
    if (Loc.isInvalid())
      continue;
    if (CanHold(SM.getFileID(SM.getExpansionLoc(Loc))))
      Scope.push_back(D);
  }
  return Scope;
}

void MigrationAnalysis::run(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Context = &Ctx;
  if (Result.Nodes.getNodeAs<TranslationUnitDecl>(UnitId))
    return;
  Compat.setContext(&Ctx);
  if (Specs.run(Result))
    return;
  if (Whole.collect(Result))
    return;
  RuleContext RC(Options, Gate, Ctx);

  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const GupFunction *Api = Callee ? gupFunctionWithVmas(*Callee) : nullptr;
    // Internal functions change only with their definitions (the whole
    // migration); their call sites are not rewritten one by one.
    if (!Api || !Api->Public || Call->getNumArgs() <= Api->VmasIndex)
      return;
    // Already written for kernels before 6.5 (compat code, the version test
    // around the call or inside its argument list): right as it is.
    if (Versions.oldKernelsOnly(*Call, Ctx.getSourceManager(), Ctx.getLangOpts())) {
      if (std::optional<Finding> Stale = newKernelsStillPassVmas(
              *Call, *Api, Ctx.getSourceManager(), Ctx.getLangOpts()))
        if (!Options.DisabledRules.count(Stale->Rule.str()))
          Compat.report(std::move(*Stale));
      return;
    }
    const FunctionDecl *Caller = enclosingFunction(*Call, Ctx);
    // One owner per site: an argument that follows the caller's own vmas
    // parameter is decided with the caller's definition (the whole
    // migration, which edits or reports it), not here.
    VmasArgument Vmas = classifyVmasArgument(*Call->getArg(Api->VmasIndex), Ctx);
    if (ownerOf(Vmas.Kind, /*PublicCallee=*/true) != VmasArgumentOwner::CallSiteRules)
      return;
    std::string Declined;
    CallSite Site{Call,   Callee,    Api, Call->getArg(Api->VmasIndex),
                  Caller, &Declined, Vmas};
    SideSink CallSink(Gate, ApiSide::New, Call->getCallee()->getExprLoc());
    RuleContext CallRC(Options, CallSink, Ctx);
    for (const CallSiteRule *Rule : callSiteRules())
      if (enabledOrLast(Rule, callSiteRules()) && Rule->apply(Site, CallRC))
        return;
    return;
  }

  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>(RefId)) {
    const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl());
    const GupFunction *Api = FD ? gupFunctionWithVmas(*FD) : nullptr;
    if (!Api || !Api->Public || typeFollowsFunction(*Ref, Ctx) ||
        Versions.oldKernelsOnly(Ref->getBeginLoc(), Ctx.getSourceManager(),
                                Ctx.getLangOpts()))
      return;
    for (const RefRule *Rule : refRules())
      if (enabledOrLast(Rule, refRules()) && Rule->apply(*Ref, *Api, RC))
        return;
    return;
  }

  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>(DeclId)) {
    const GupFunction *Api = gupFunctionWithVmas(*FD);
    if (!Api)
      return;
    SideSink DeclSink(Gate, ApiSide::Definition);
    RuleContext DeclRC(Options, DeclSink, Ctx);
    for (const DeclRule *Rule : declRules())
      if (enabledOrLast(Rule, declRules()) && Rule->apply(*FD, *Api, DeclRC))
        return;
  }
}

} // namespace gup
