//===- DropNullVmas.cpp - Rule drop-null-vmas -----------------------------===//
//
// get_user_pages(start, n, flags, pages, NULL) -> get_user_pages(start, n, flags, pages)
//
// The argument is chosen by position, never by value: the calls this rule
// meets often pass NULL for `pages` as well.
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "clang/AST/Expr.h"

namespace gup {
namespace {

class DropNullVmasRule : public CallSiteRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "drop-null-vmas", "gup-drop-null-vmas",
        "drop a NULL vmas argument from a call of the GUP family"};
    return Info;
  }

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    if (!isNullPointer(*Site.VmasArg, Ctx.Ctx))
      return false;
    Finding F;
    F.Rule = info().Name;
    F.Api = Site.Api->Name;
    F.Loc = Site.VmasArg->getBeginLoc();
    F.Message = ("drop the NULL vmas argument of " + Site.Api->Name +
                 "(): the parameter is gone in Linux 6.5")
                    .str();
    Ctx.reportEdit(std::move(F),
                   dropCallArgument(*Site.Call, Site.Api->VmasIndex, Ctx.SM,
                                    Ctx.LangOpts),
                   ("drop the NULL vmas argument of " + Site.Api->Name + "()").str());
    return true;
  }
};

} // namespace

const CallSiteRule &dropNullVmasRule() {
  static const DropNullVmasRule Rule;
  return Rule;
}

} // namespace gup
