//===- VmaAfterUnlock.cpp - Rule vma-after-unlock (diagnostic) ------------===//
//
// In the pre-migration code: a VMA obtained from a vmas output (`&vma`, an
// allocated array or one on the stack) and read after mmap_lock was
// released (mmap_read_unlock() / mmap_write_unlock() of the same mm, the
// same by value: a local alias of it counts), or after a call that passed
// `locked` (GUP may have dropped the lock), may already be freed. This is the class of dangling pointers
// the migration exists to remove. Reported, never edited; it claims no site,
// so the other rules still run.
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "../../Flow.h"
#include "../../SingleVma.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"

#include <set>

using namespace clang;

namespace gup {
namespace {

class VmaAfterUnlockRule : public CallSiteRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "vma-after-unlock", "gup-vma-after-unlock",
        "report a VMA from a vmas output read after mmap_lock may have been "
        "released"};
    return Info;
  }

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    ASTContext &AST = Ctx.Ctx;
    const SourceManager &SM = Ctx.SM;
    const Expr *Arg = Site.VmasArg->IgnoreParenImpCasts();
    const VarDecl *Holder = addressedLocal(Arg); // &vma
    bool IsArray = false;
    if (!Holder)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
          if (isVmasArrayType(V->getType()->isArrayType()
                                  ? AST.getArrayDecayedType(V->getType())
                                  : V->getType())) {
            Holder = V;
            IsArray = true;
          }
    FunctionFlow *Flow = Holder ? Ctx.flow(Site.Caller) : nullptr;
    auto After = Flow ? Flow->after(Site.Call) : std::nullopt;
    if (!After)
      return false;

    // A read of what the call stored: `vma` itself, or an element `vmas[i]`.
    auto IsRead = [&](const Stmt *S) {
      if (IsArray) {
        const auto *ASE = dyn_cast<ArraySubscriptExpr>(S);
        const auto *Base = ASE ? dyn_cast<DeclRefExpr>(ASE->getBase()->IgnoreParenImpCasts()) : nullptr;
        return Base && Base->getDecl() == Holder;
      }
      return accessOf(S, Holder, AST) == Access::Read;
    };
    auto IsRefill = [&](const Stmt *S) {
      return S == Site.Call || accessOf(S, Holder, AST) == Access::Write;
    };
    std::string Callee = (Site.Api->Name + "()").str();
    std::string Filled = "'" + Holder->getName().str() + "' was filled by " +
                         Callee + " at " + lineOf(Site.Call, SM);
    std::set<const Stmt *> Reported;

    std::optional<unsigned> Locked = lockedIndex(*Site.Api);
    if (Locked && !isNullPointer(*Site.Call->getArg(*Locked), AST)) {
      Flow->walk(*After, [&](const Stmt *S) {
        if (IsRefill(S))
          return FunctionFlow::Step::StopPath;
        if (IsRead(S) && Reported.insert(S).second)
          report(Site, Ctx, S,
                 Filled + ", which was passed 'locked' and may have dropped "
                          "mmap_lock; it is read here");
        return FunctionFlow::Step::Continue;
      });
    }

    std::vector<const CallExpr *> Unlocks;
    Flow->walk(*After, [&](const Stmt *S) {
      if (IsRefill(S))
        return FunctionFlow::Step::StopPath;
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (releasesSiteMm(*Call, Site, AST, SM, Ctx.LangOpts))
          Unlocks.push_back(Call);
      return FunctionFlow::Step::Continue;
    });
    for (const CallExpr *Unlock : Unlocks) {
      auto From = Flow->after(Unlock);
      if (!From)
        continue;
      Flow->walk(*From, [&](const Stmt *S) {
        if (IsRefill(S))
          return FunctionFlow::Step::StopPath;
        if (IsRead(S) && Reported.insert(S).second)
          report(Site, Ctx, S,
                 Filled + " and is read here after " +
                     Unlock->getDirectCallee()->getName().str() + "() at " +
                     lineOf(Unlock, SM));
        return FunctionFlow::Step::Continue;
      });
    }
    return false; // diagnostic only: the rewrite rules still decide the site
  }

private:
  void report(const CallSite &Site, RuleContext &Ctx, const Stmt *Read,
              const std::string &What) const {
    Finding F;
    F.Rule = info().Name;
    F.Api = Site.Api->Name;
    F.Kind = FindingKind::Report;
    F.Loc = Read->getBeginLoc();
    F.Message = What + ": the VMA may already be freed (the dangling pointer "
                       "the 6.5 migration removes); read it while mmap_lock "
                       "is held";
    Ctx.report(std::move(F));
  }
};

} // namespace

const CallSiteRule &vmaAfterUnlockRule() {
  static const VmaAfterUnlockRule Rule;
  return Rule;
}

} // namespace gup
