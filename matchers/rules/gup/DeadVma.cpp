//===- DeadVma.cpp - Rule dead-vma ----------------------------------------===//
//
//   struct vm_area_struct *vma;
//   ret = get_user_pages_remote(mm, vaddr, 1, FOLL_WRITE, &page, &vma, NULL);
//   (vma never read)
// becomes
//   ret = get_user_pages_remote(mm, vaddr, 1, FOLL_WRITE, &page, NULL);
//
// and the local goes when nothing else mentions it, so no -Wunused warning
// is left behind.
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "../../SingleVma.h"
#include "../../TextEdits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace gup {
namespace {

class DeadVmaRule : public CallSiteRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "dead-vma", "gup-single-vma",
        "drop '&vma' whose VMA is never read, and the unused local"};
    return Info;
  }

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    const VarDecl *Vma = singleVmaLocal(Site, Ctx.Ctx);
    if (!Vma)
      return false;
    FunctionFlow *Flow = Ctx.flow(Site.Caller);
    auto After = Flow ? Flow->after(Site.Call) : std::nullopt;
    if (!After || !Flow->readsBeforeWrite(*After, Vma).empty())
      return false;

    Finding F;
    F.Rule = info().Name;
    F.Api = Site.Api->Name;
    F.Loc = Site.VmasArg->getBeginLoc();
    F.Message = ("drop '&" + Vma->getName() + "' from " + Site.Api->Name +
                 "(): the VMA is never read and the vmas parameter is gone in "
                 "Linux 6.5")
                    .str();
    llvm::Expected<std::vector<TextEdit>> Edits = plan(Site, Ctx, Vma);
    if (!Edits) {
      F.Kind = FindingKind::NeedsAttention;
      F.Message = ("cannot drop '&" + Vma->getName() + "' from " +
                   Site.Api->Name + "() automatically: " +
                   llvm::toString(Edits.takeError()) + "; edit it by hand")
                      .str();
    } else {
      F.Edits.assign(Edits->begin(), Edits->end());
    }
    Ctx.report(std::move(F));
    return true;
  }

private:
  llvm::Expected<std::vector<TextEdit>>
  plan(const CallSite &Site, RuleContext &Ctx, const VarDecl *Vma) const {
    std::vector<TextEdit> Edits;
    llvm::Expected<TextEdit> Drop =
        dropCallArgument(*Site.Call, Site.Api->VmasIndex, Ctx.SM, Ctx.LangOpts);
    if (!Drop)
      return Drop.takeError();
    Edits.push_back(*Drop);
    const Stmt *Body = Site.Caller->getBody();
    auto Own = referencesTo(Vma, Site.VmasArg);
    unsigned Others = 0, OtherReads = 0;
    for (const DeclRefExpr *Ref : referencesTo(Vma, Body)) {
      if (llvm::is_contained(Own, Ref))
        continue;
      ++Others;
      if (accessOf(Ref, Vma, Ctx.Ctx) != Access::None)
        ++OtherReads;
    }
    if (Others > 0 && OtherReads == 0)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "'" + Vma->getName() + "' is still assigned elsewhere but never read");
    bool InitIsPure = !Vma->hasInit() || !Vma->getInit()->HasSideEffects(Ctx.Ctx);
    if (Others == 0 && InitIsPure && !isa<ParmVarDecl>(Vma))
      if (const DeclStmt *Decl = declarationOf(Vma, Body)) {
        llvm::Expected<TextEdit> Remove =
            EditContext(Ctx.SM, Ctx.LangOpts).removeVariable(Vma, Decl);
        if (!Remove)
          return Remove.takeError();
        Edits.push_back(*Remove);
      }
    return Edits;
  }
};

} // namespace

const CallSiteRule &deadVmaRule() {
  static const DeadVmaRule Rule;
  return Rule;
}

} // namespace gup
