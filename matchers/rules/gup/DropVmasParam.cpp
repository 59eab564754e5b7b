//===- DropVmasParam.cpp - Rule drop-vmas-param ---------------------------===//
//
// long get_user_pages(unsigned long start, unsigned long nr_pages,
//                     unsigned int gup_flags, struct page **pages,
//                     struct vm_area_struct **vmas);
//   -> the same prototype without `vmas`
//
// Prototypes (named or unnamed parameters, in headers or .c files) change in
// the same run as the calls, so a tree whose headers are rewritten compiles.
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"

namespace gup {
namespace {

class DropVmasParamRule : public DeclRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "drop-vmas-param", "gup-drop-vmas-param",
        "remove the vmas parameter from a prototype of the GUP family"};
    return Info;
  }

  bool apply(const clang::FunctionDecl &FD, const GupFunction &Api,
             RuleContext &Ctx) const override {
    // Bodies change together with their callers and internal plumbing (the
    // whole migration); a prototype only needs its parameter gone.
    if (FD.doesThisDeclarationHaveABody() || !Api.Public)
      return false;
    // `extern typeof(fn) fn;` (EXPORT_SYMBOL) writes no parameter list: its
    // type follows the function's.
    if (!FD.getFunctionTypeLoc())
      return true;
    const clang::ParmVarDecl *Param = FD.getParamDecl(Api.VmasIndex);
    Finding F;
    F.Rule = info().Name;
    F.Api = Api.Name;
    F.Loc = Param->getBeginLoc().isValid() ? Param->getBeginLoc() : FD.getLocation();
    F.Message = ("remove the vmas parameter from this declaration of " +
                 Api.Name + "(): it is gone in Linux 6.5")
                    .str();
    Ctx.reportEdit(std::move(F),
                   dropParameter(FD, Api.VmasIndex, Ctx.SM, Ctx.LangOpts),
                   ("remove the vmas parameter of " + Api.Name + "()").str());
    return true;
  }
};

} // namespace

const DeclRule &dropVmasParamRule() {
  static const DropVmasParamRule Rule;
  return Rule;
}

} // namespace gup
