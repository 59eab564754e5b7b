//===- SingleVmaLookup.cpp - Rule single-vma-lookup -----------------------===//
//
//   ret = pin_user_pages(addr, 1, FOLL_LONGTERM, &page, &vma);
//   if (ret != 1)
//           goto fail;
//   ... vma ...
// becomes
//   ret = pin_user_pages(addr, 1, FOLL_LONGTERM, &page);
//   if (ret != 1)
//           goto fail;
//   vma = vma_lookup(current->mm, addr);
//
// For the calls get_user_page_vma_remote() cannot replace: pins (the helper
// takes a FOLL_GET reference), get_user_pages() (current->mm), and remote
// calls whose pages argument is not one local page. The lookup runs right
// after a successful call, still under the caller's mmap_lock (no `locked`:
// GUP never dropped it), so it finds the VMA the old vmas[0] held.
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

class SingleVmaLookupRule : public CallSiteRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "single-vma-lookup", "gup-single-vma",
        "drop '&vma' from a one-page call and look the VMA up with "
        "vma_lookup() after it succeeds"};
    return Info;
  }

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    const VarDecl *Vma = singleVmaLocal(Site, Ctx.Ctx);
    if (!Vma)
      return false;
    FunctionFlow *Flow = Ctx.flow(Site.Caller);
    auto After = Flow ? Flow->after(Site.Call) : std::nullopt;
    if (!After || Flow->readsBeforeWrite(*After, Vma).empty())
      return false;
    llvm::Expected<CountTest> Test = analyseCountTest(Site, *Flow, Ctx.Ctx);
    if (!Test) {
      Site.decline(llvm::toString(Test.takeError()));
      return false;
    }
    const Stmt *Body = Site.Caller->getBody();
    if (const Stmt *Escape = vmaEscape(Vma, Site.VmasArg, Body, Ctx.Ctx)) {
      Site.decline("the VMA is passed out of the function (" +
                   lineOf(Escape, Ctx.SM) + ")");
      return false;
    }
    unsigned StartIndex = Site.Api->VmasIndex == 5 ? 1 : 0;
    const Expr *Start = Site.Call->getArg(StartIndex);
    if (Start->HasSideEffects(Ctx.Ctx) ||
        (StartIndex == 1 && Site.Call->getArg(0)->HasSideEffects(Ctx.Ctx))) {
      Site.decline("the start address (or mm) argument has side effects, so "
                   "it cannot be evaluated again for vma_lookup()");
      return false;
    }

    Finding F;
    F.Rule = info().Name;
    F.Api = Site.Api->Name;
    F.Loc = Site.VmasArg->getBeginLoc();
    F.Message = ("drop '&" + Vma->getName() + "' from " + Site.Api->Name +
                 "() and look the VMA up with vma_lookup() after the call "
                 "succeeds: the vmas parameter is gone in Linux 6.5")
                    .str();
    llvm::Expected<std::vector<TextEdit>> Edits = plan(Site, Ctx, *Flow, *Test, Vma);
    if (!Edits) {
      F.Kind = FindingKind::NeedsAttention;
      F.Message = ("cannot replace '&" + Vma->getName() +
                   "' by a vma_lookup() automatically: " +
                   llvm::toString(Edits.takeError()) + "; edit it by hand")
                      .str();
    } else {
      F.Edits.assign(Edits->begin(), Edits->end());
      F.ReviewNote = ("'" + Vma->getName() + "' is now looked up with "
                      "vma_lookup() after " + Site.Api->Name +
                      "() returns instead of being filled in by it: confirm "
                      "that mmap_lock is held from the call to the lookup, or "
                      "the VMA may differ")
                         .str();
    }
    Ctx.report(std::move(F));
    return true;
  }

private:
  llvm::Expected<std::vector<TextEdit>> plan(const CallSite &Site,
                                             RuleContext &Ctx,
                                             FunctionFlow &Flow,
                                             const CountTest &Test,
                                             const VarDecl *Vma) const {
    llvm::Expected<std::vector<std::string>> Args =
        argumentTexts(*Site.Call, Ctx.SM, Ctx.LangOpts);
    if (!Args)
      return Args.takeError();
    unsigned StartIndex = Site.Api->VmasIndex == 5 ? 1 : 0;
    std::string Lookup = Vma->getName().str() + " = vma_lookup(" +
                         mmText(*Site.Api, *Args) + ", " + (*Args)[StartIndex] +
                         ");";
    std::vector<TextEdit> Edits;
    llvm::Expected<TextEdit> Drop =
        dropCallArgument(*Site.Call, Site.Api->VmasIndex, Ctx.SM, Ctx.LangOpts);
    if (!Drop)
      return Drop.takeError();
    Edits.push_back(*Drop);
    llvm::Expected<TextEdit> OnSuccess =
        Test.Success ? insertAtBranchStart(Test.If, !Test.ConditionMeansFailure,
                                           {Lookup}, Ctx.SM, Ctx.LangOpts)
                     : insertAfter(Test.If, {Lookup}, Ctx.SM, Ctx.LangOpts);
    if (!OnSuccess)
      return OnSuccess.takeError();
    Edits.push_back(*OnSuccess);
    bool LookupOnFailure = vmaReadOnFailure(Flow, Test, Vma);
    if (LookupOnFailure) {
      llvm::Expected<TextEdit> OnFailure =
          Test.Failure ? insertAtBranchStart(Test.If, Test.ConditionMeansFailure,
                                             {Lookup}, Ctx.SM, Ctx.LangOpts)
                       : insertAfter(Test.If, {Lookup}, Ctx.SM, Ctx.LangOpts);
      if (!OnFailure)
        return OnFailure.takeError();
      Edits.push_back(*OnFailure);
    }
    if (std::optional<TextEdit> Init = vmaInitialisation(
            Vma, Site.VmasArg, Flow, Test, LookupOnFailure, Ctx.SM, Ctx.LangOpts))
      Edits.push_back(*Init);
    return Edits;
  }
};

} // namespace

const CallSiteRule &singleVmaLookupRule() {
  static const SingleVmaLookupRule Rule;
  return Rule;
}

} // namespace gup
