//===- Rule.cpp - Shared pieces of rules ----------------------------------===//
#include "Rule.h"

#include "Flow.h"
#include "SourceText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace gup {

FindingSink::~FindingSink() = default;
CallSiteRule::~CallSiteRule() = default;
DeclRule::~DeclRule() = default;
RefRule::~RefRule() = default;

RuleContext::RuleContext(const MigrationOptions &Options, FindingSink &Sink,
                         ASTContext &Ctx)
    : Options(Options), Ctx(Ctx), SM(Ctx.getSourceManager()),
      LangOpts(Ctx.getLangOpts()), Sink(Sink) {}

RuleContext::~RuleContext() = default;

FunctionFlow *RuleContext::flow(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  if (FlowOf != FD) {
    Flow = FunctionFlow::build(*FD, Ctx);
    FlowOf = FD;
  }
  return Flow.get();
}

void RuleContext::reportEdit(Finding F, llvm::Expected<TextEdit> Edit,
                             llvm::StringRef WhatCouldNotBeDone) {
  if (Edit) {
    F.Edits.push_back(std::move(*Edit));
  } else {
    F.Kind = FindingKind::NeedsAttention;
    F.Message = ("cannot " + WhatCouldNotBeDone + " automatically: " +
                 llvm::toString(Edit.takeError()) + "; edit it by hand")
                    .str();
    F.Edits.clear();
  }
  report(std::move(F));
}

/// Whether an argument takes its value, under parentheses and casts written
/// around it, from a macro parameter: "(v)" in `#define GRAB(p, v)
/// get_user_pages(a, 1, 0, p, (v))`. The text that decides the value is then
/// at each use of the macro, whatever the #define body shows.
static bool valueFromMacroParameter(const Expr &Arg, const SourceManager &SM) {
  for (const Expr *E = &Arg;;) {
    SourceLocation Loc = E->getBeginLoc();
    if (Loc.isMacroID() && SM.isMacroArgExpansion(Loc))
      return true;
    if (const auto *Paren = dyn_cast<ParenExpr>(E))
      E = Paren->getSubExpr();
    else if (const auto *Cast = dyn_cast<CastExpr>(E))
      E = Cast->getSubExpr();
    else
      return false;
  }
}

llvm::Expected<TextEdit> dropCallArgument(const CallExpr &Call, unsigned Index,
                                          const SourceManager &SM,
                                          const LangOptions &LO) {
  llvm::Expected<ListSpelling> List = spellCallArguments(Call, SM, LO);
  if (!List)
    return List.takeError();
  const Expr *Arg = Call.getArg(Index);
  if (llvm::Error E = checkItemIs(*List, Index, Arg->getBeginLoc(),
                                  Arg->getEndLoc(), SM, LO))
    return std::move(E);
  if (llvm::Error E = checkItemIsForNewKernels(*List, Index, SM))
    return std::move(E);
  // Deleting "(v)" from a #define body would drop the argument from every
  // use of the macro, whatever each one passes.
  if (List->InMacroBody && valueFromMacroParameter(*Arg, SM))
    return passedThroughMacroParameter();
  return removeItem(*List, Index, SM);
}

llvm::Expected<TextEdit> dropParameter(const FunctionDecl &FD, unsigned Index,
                                       const SourceManager &SM,
                                       const LangOptions &LO) {
  llvm::Expected<ListSpelling> List = spellParameters(FD, SM, LO);
  if (!List)
    return List.takeError();
  const ParmVarDecl *Param = FD.getParamDecl(Index);
  SourceRange Range = Param->getSourceRange();
  if (llvm::Error E =
          checkItemIs(*List, Index, Range.getBegin(), Range.getEnd(), SM, LO))
    return std::move(E);
  return removeItem(*List, Index, SM);
}

bool isNullPointer(const Expr &E, ASTContext &Ctx) {
  // Casts of a null pointer constant ("(struct vm_area_struct **)NULL") are
  // still null, though C does not call them null pointer constants.
  const Expr *Stripped = E.IgnoreParenCasts();
  return Stripped->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

bool typeFollowsFunction(const DeclRefExpr &Ref, ASTContext &Ctx) {
  const Expr *Current = &Ref;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Current);
    if (Parents.empty())
      return true; // inside a type (typeof), not an expression
    if (const auto *Call = Parents[0].get<CallExpr>())
      return Call->getCallee()->IgnoreParenImpCasts() == &Ref;
    if (Parents[0].get<TypeLoc>())
      return true; // typeof(fn): a type that follows the function's
    const auto *Up = Parents[0].get<Expr>();
    if (!Up)
      return false;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Up)) {
      QualType To = Cast->getType();
      return To->isIntegerType() ||
             (To->isPointerType() && !To->getPointeeType()->isFunctionType());
    }
    const auto *UO = dyn_cast<UnaryOperator>(Up);
    if (!(isa<ImplicitCastExpr>(Up) || isa<ParenExpr>(Up) ||
          (UO && UO->getOpcode() == UO_AddrOf)))
      return false;
    Current = Up;
  }
}


} // namespace gup
