//===- Flow.cpp - Paths through one function ------------------------------===//
#include "Flow.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace gup {

static const Expr *stripParens(const Expr *E) { return E->IgnoreParens(); }

static bool namesVar(const Expr *E, const VarDecl *Var) {
  const auto *Ref = dyn_cast<DeclRefExpr>(stripParens(E));
  return Ref && Ref->getDecl() == Var;
}

Access accessOf(const Stmt *Element, const VarDecl *Var, ASTContext &Ctx) {
  if (const auto *DS = dyn_cast<DeclStmt>(Element)) {
    for (const Decl *D : DS->decls())
      if (D == Var)
        return Var->hasInit() ? Access::Write : Access::None;
    return Access::None;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Element))
    if (BO->getOpcode() == BO_Assign && namesVar(BO->getLHS(), Var))
      return Access::Write;
  const auto *Ref = dyn_cast<DeclRefExpr>(Element);
  if (!Ref || Ref->getDecl() != Var)
    return Access::None;
  // Climb parentheses to see what the mention is part of.
  const Stmt *Child = Ref;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Child);
    if (Parents.empty())
      return Access::Read;
    if (const auto *P = Parents[0].get<ParenExpr>()) {
      Child = P;
      continue;
    }
    if (const auto *BO = Parents[0].get<BinaryOperator>())
      if (BO->getOpcode() == BO_Assign && BO->getLHS()->IgnoreParens() == Ref)
        return Access::None; // the write is the assignment's own element
    if (const auto *UO = Parents[0].get<UnaryOperator>())
      if (UO->getOpcode() == UO_AddrOf)
        return Access::AddressTaken;
    return Access::Read;
  }
}

FunctionFlow::FunctionFlow(std::unique_ptr<CFG> Graph, ASTContext &Ctx)
    : Graph(std::move(Graph)), Ctx(Ctx) {
  for (const CFGBlock *Block : *this->Graph) {
    unsigned Index = 0;
    for (const CFGElement &E : *Block) {
      if (auto S = E.getAs<CFGStmt>())
        Positions.try_emplace(S->getStmt(), Point{Block, Index});
      ++Index;
    }
  }
}

std::unique_ptr<FunctionFlow> FunctionFlow::build(const FunctionDecl &FD,
                                                  ASTContext &Ctx) {
  if (!FD.hasBody())
    return nullptr;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = false;
  Options.AddLifetime = false;
  Options.setAllAlwaysAdd(); // every subexpression is an element
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&FD, FD.getBody(), &Ctx, Options);
  if (!Graph)
    return nullptr;
  return std::unique_ptr<FunctionFlow>(new FunctionFlow(std::move(Graph), Ctx));
}

std::optional<FunctionFlow::Point> FunctionFlow::at(const Stmt *S) const {
  auto It = Positions.find(S);
  if (It == Positions.end())
    return std::nullopt;
  return It->second;
}

std::optional<FunctionFlow::Point> FunctionFlow::after(const Stmt *S) const {
  std::optional<Point> P = at(S);
  if (P)
    ++P->Index;
  return P;
}

std::optional<FunctionFlow::Point> FunctionFlow::branch(const IfStmt *If,
                                                        bool Then) const {
  for (const CFGBlock *Block : *Graph) {
    if (Block->getTerminatorStmt() != If)
      continue;
    if (Block->succ_size() != 2)
      return std::nullopt;
    const CFGBlock *Target = *(Block->succ_begin() + (Then ? 0 : 1));
    if (!Target)
      return std::nullopt; // that branch cannot be taken
    return Point{Target, 0};
  }
  return std::nullopt;
}

void FunctionFlow::walk(Point From,
                        llvm::function_ref<Step(const Stmt *)> Visit,
                        llvm::ArrayRef<const CFGBlock *> StopBlocks) const {
  llvm::SmallVector<Point, 16> Work{From};
  llvm::DenseSet<std::pair<const CFGBlock *, unsigned>> Seen;
  while (!Work.empty()) {
    Point P = Work.pop_back_val();
    if (!P.Block || !Seen.insert({P.Block, P.Index}).second)
      continue;
    if (P.Index == 0 && llvm::is_contained(StopBlocks, P.Block))
      continue;
    bool PathGoesOn = true;
    for (unsigned I = P.Index; I < P.Block->size() && PathGoesOn; ++I) {
      auto S = (*P.Block)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      switch (Visit(S->getStmt())) {
      case Step::Continue:
        break;
      case Step::StopPath:
        PathGoesOn = false;
        break;
      case Step::Abort:
        return;
      }
    }
    if (!PathGoesOn)
      continue;
    for (const CFGBlock *Next : P.Block->succs())
      if (Next)
        Work.push_back({Next, 0});
  }
}

FunctionFlow::Point FunctionFlow::entry() const {
  return Point{&Graph->getEntry(), 0};
}

llvm::SmallVector<const Stmt *, 4> FunctionFlow::readsBeforeWrite(
    Point From, const VarDecl *Var,
    llvm::function_ref<std::optional<Access>(const Stmt *)> Override,
    llvm::ArrayRef<const CFGBlock *> Defining) const {
  llvm::SmallVector<const Stmt *, 4> Reads;
  walk(From, [&](const Stmt *S) {
    std::optional<Access> Forced = Override ? Override(S) : std::nullopt;
    switch (Forced ? *Forced : accessOf(S, Var, Ctx)) {
    case Access::Write:
      return Step::StopPath;
    case Access::Read:
    case Access::AddressTaken:
      Reads.push_back(S);
      return Step::Continue;
    case Access::None:
      return Step::Continue;
    }
    return Step::Continue;
  }, Defining);
  return Reads;
}

namespace {
class RefCollector : public RecursiveASTVisitor<RefCollector> {
public:
  const VarDecl *Var;
  llvm::SmallVector<const DeclRefExpr *, 8> Refs;
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == Var)
      Refs.push_back(E);
    return true;
  }
};
} // namespace

llvm::SmallVector<const DeclRefExpr *, 8> referencesTo(const VarDecl *Var,
                                                       const Stmt *Root) {
  RefCollector C;
  C.Var = Var;
  C.TraverseStmt(const_cast<Stmt *>(Root));
  return std::move(C.Refs);
}

} // namespace gup
