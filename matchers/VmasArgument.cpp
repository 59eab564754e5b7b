//===- VmasArgument.cpp - What a vmas argument is, and who decides it -----===//
#include "VmasArgument.h"

#include "GupApi.h"
#include "MigrationSpec.h"
#include "Rule.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace gup {
namespace {

/// In C an expression can only name the parameters of the function it is
/// in: a parameter named in a call's argument is the caller's own.
const ParmVarDecl *ownVmasParameter(const Expr *E, RemovedType IsRemovedType) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  return P && IsRemovedType(P->getType()) ? P : nullptr;
}

/// The vmas parameters \p E mentions, in order.
llvm::SmallVector<const ParmVarDecl *, 2> mentionedParameters(const Expr &E,
                                                             RemovedType IsRemovedType) {
  struct Collector : RecursiveASTVisitor<Collector> {
    RemovedType IsRemovedType;
    llvm::SmallVector<const ParmVarDecl *, 2> Found;
    explicit Collector(RemovedType IsRemovedType) : IsRemovedType(IsRemovedType) {}
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (const ParmVarDecl *P = ownVmasParameter(Ref, IsRemovedType))
        if (!llvm::is_contained(Found, P))
          Found.push_back(P);
      return true;
    }
  } C(IsRemovedType);
  C.TraverseStmt(const_cast<Expr *>(&E));
  return C.Found;
}

/// The first subexpression of \p E that does something (an increment, an
/// assignment, a call), for a message.
const Expr *firstSideEffect(const Expr *E, ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    ASTContext &Ctx;
    const Expr *Found = nullptr;
    explicit Finder(ASTContext &Ctx) : Ctx(Ctx) {}
    bool VisitExpr(Expr *X) {
      bool Acts = false;
      if (const auto *UO = dyn_cast<UnaryOperator>(X))
        Acts = UO->isIncrementDecrementOp();
      else if (const auto *BO = dyn_cast<BinaryOperator>(X))
        Acts = BO->isAssignmentOp();
      else
        Acts = isa<CallExpr>(X) || isa<StmtExpr>(X);
      if (Acts && X->HasSideEffects(Ctx)) {
        Found = X;
        return false;
      }
      return true;
    }
  } F(Ctx);
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found ? F.Found : E;
}

std::string spelling(const Expr *E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, Ctx.getLangOpts());
  if (R.isInvalid())
    R = CharSourceRange::getTokenRange(SM.getExpansionRange(E->getSourceRange()).getAsRange());
  return Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
}

/// Follows how an argument is computed from a vmas parameter.
class Derivation {
public:
  Derivation(ASTContext &Ctx, RemovedType IsRemovedType)
      : Ctx(Ctx), IsRemovedType(IsRemovedType) {}

  /// The parameter \p E is derived from (see VmasArgumentKind::OwnParameter),
  /// or null; Why says what spoils it when it mentions one in another way.
  const ParmVarDecl *from(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (const ParmVarDecl *P = ownVmasParameter(E, IsRemovedType))
      return P;
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      switch (BO->getOpcode()) {
      case BO_Add:
      case BO_Sub: {
        bool LhsPointer = BO->getLHS()->getType()->isPointerType();
        if (BO->getOpcode() == BO_Sub && !LhsPointer)
          return nullptr;
        const Expr *Pointer = LhsPointer ? BO->getLHS() : BO->getRHS();
        const Expr *Offset = LhsPointer ? BO->getRHS() : BO->getLHS();
        return withoutSideEffects(from(Pointer), Offset);
      }
      case BO_Comma:
        return withoutSideEffects(from(BO->getRHS()), BO->getLHS());
      default:
        if (BO->isAssignmentOp())
          sideEffect(BO);
        return nullptr;
      }
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->isIncrementDecrementOp()) {
        sideEffect(UO);
        return nullptr;
      }
      if (UO->getOpcode() != UO_AddrOf)
        return nullptr;
      const Expr *Sub = UO->getSubExpr()->IgnoreParens();
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Sub))
        return withoutSideEffects(from(ASE->getBase()), ASE->getIdx());
      if (const auto *Deref = dyn_cast<UnaryOperator>(Sub))
        if (Deref->getOpcode() == UO_Deref)
          return from(Deref->getSubExpr());
      return nullptr;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(E))
      return withoutSideEffects(choice({CO->getTrueExpr(), CO->getFalseExpr()}),
                                CO->getCond());
    if (const auto *BCO = dyn_cast<BinaryConditionalOperator>(E))
      return choice({BCO->getCommon(), BCO->getFalseExpr()});
    return nullptr;
  }

  std::string Why;

private:
  ASTContext &Ctx;
  RemovedType IsRemovedType;

  void sideEffect(const Expr *E) {
    if (Why.empty())
      Why = "it has side effects ('" + spelling(firstSideEffect(E, Ctx), Ctx) +
            "' would no longer run)";
  }

  const ParmVarDecl *withoutSideEffects(const ParmVarDecl *P, const Expr *Other) {
    if (!P)
      return nullptr;
    if (Other->HasSideEffects(Ctx)) {
      sideEffect(Other);
      return nullptr;
    }
    return P;
  }

  /// A choice between values (the arms of `?:`): each one NULL or derived
  /// from the same parameter, at least one derived.
  const ParmVarDecl *choice(std::initializer_list<const Expr *> Arms) {
    const ParmVarDecl *P = nullptr;
    bool Mixed = false;
    for (const Expr *Arm : Arms) {
      if (isNullPointer(*Arm, Ctx))
        continue;
      const ParmVarDecl *Q = from(Arm);
      if (!Q || (P && Q != P)) {
        Mixed = true;
        break;
      }
      P = Q;
    }
    if (!Mixed)
      return P;
    if (Why.empty()) {
      std::string Shown;
      for (const Expr *Arm : Arms)
        Shown += (Shown.empty() ? "'" : " and '") + spelling(Arm, Ctx) + "'";
      Why = "it chooses between " + Shown +
            ", so dropping it would also stop filling the other array";
    }
    return nullptr;
  }
};

} // namespace

VmasArgument classifyVmasArgument(const Expr &Arg, ASTContext &Ctx) {
  return classifyRemovedArgument(Arg, Ctx, isVmasArrayType);
}

VmasArgument classifyRemovedArgument(const Expr &Arg, ASTContext &Ctx,
                                     RemovedType IsRemovedType) {
  VmasArgument A;
  if (isNullPointer(Arg, Ctx)) {
    A.Kind = VmasArgumentKind::NullPointer;
    return A;
  }
  llvm::SmallVector<const ParmVarDecl *, 2> Mentioned =
      mentionedParameters(Arg, IsRemovedType);
  if (!Mentioned.empty()) {
    Derivation D(Ctx, IsRemovedType);
    if (const ParmVarDecl *P = D.from(&Arg)) {
      A.Kind = VmasArgumentKind::OwnParameter;
      A.Param = P;
      return A;
    }
    A.Kind = VmasArgumentKind::OwnParameterUnsafe;
    A.Param = Mentioned.front();
    A.Why = !D.Why.empty()
                ? D.Why
                : "it is computed from '" + A.Param->getName().str() +
                      "' in a way the migration does not follow";
    return A;
  }
  const Expr *Plain = Arg.IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Plain))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
          if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) &&
              V->getType()->isPointerType()) {
            A.Kind = VmasArgumentKind::LocalVma;
            A.Local = V;
            return A;
          }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Plain))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) &&
          IsRemovedType(V->getType())) {
        A.Kind = VmasArgumentKind::LocalArray;
        A.Local = V;
        return A;
      }
  return A;
}

namespace {
/// \p Text without blanks ("struct s **" and "struct s**" are one type).
std::string withoutBlanks(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    if (!isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}
} // namespace

bool isSpelledType(QualType T, llvm::StringRef Spelled) {
  if (Spelled.empty())
    return false;
  std::string Want = withoutBlanks(Spelled);
  return withoutBlanks(T.getUnqualifiedType().getAsString()) == Want ||
         withoutBlanks(T.getCanonicalType().getUnqualifiedType().getAsString()) == Want;
}

bool removesSpecParameter(const FunctionDecl &FD, const SpecEntry &E) {
  return E.Kind == SpecEntryKind::ParameterRemoved && !E.Macro && FD.getIdentifier() &&
         FD.getName() == E.Name && FD.getNumParams() == E.Arity && E.Index < E.Arity &&
         (E.ParameterType.empty() ||
          isSpelledType(FD.getParamDecl(E.Index)->getType(), E.ParameterType));
}

VmasArgumentOwner ownerOf(VmasArgumentKind Kind, bool PublicCallee) {
  if (!PublicCallee)
    return VmasArgumentOwner::WholeMigration;
  switch (Kind) {
  case VmasArgumentKind::OwnParameter:
  case VmasArgumentKind::OwnParameterUnsafe:
    return VmasArgumentOwner::WholeMigration;
  case VmasArgumentKind::NullPointer:
  case VmasArgumentKind::LocalVma:
  case VmasArgumentKind::LocalArray:
  case VmasArgumentKind::Other:
    return VmasArgumentOwner::CallSiteRules;
  }
  return VmasArgumentOwner::CallSiteRules;
}

} // namespace gup
