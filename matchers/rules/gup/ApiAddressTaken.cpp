//===- ApiAddressTaken.cpp - Rule api-address-taken -----------------------===//
//
// long (*fn)(unsigned long, unsigned long, unsigned int, struct page **,
//            struct vm_area_struct **) = get_user_pages;
//
// A function pointer to the API spells the old parameter list in its own
// type, somewhere we cannot safely guess (a typedef, an ops struct). Dropping
// the parameter would break that assignment, so the site is reported and the
// API is held back until a human has changed the pointer type.
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "clang/AST/Expr.h"

namespace gup {
namespace {

class ApiAddressTakenRule : public RefRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "api-address-taken", "gup-api-address-taken",
        "report a GUP-family function used as a function pointer"};
    return Info;
  }

  bool apply(const clang::DeclRefExpr &Ref, const GupFunction &Api,
             RuleContext &Ctx) const override {
    Finding F;
    F.Rule = info().Name;
    F.Api = Api.Name;
    F.Kind = FindingKind::NeedsAttention;
    F.Loc = Ref.getLocation();
    F.Message = ("the address of " + Api.Name +
                 "() is taken here; the function pointer type still has the "
                 "vmas parameter that Linux 6.5 removes, so change that type "
                 "by hand")
                    .str();
    Ctx.report(std::move(F));
    return true;
  }
};

} // namespace

const RefRule &apiAddressTakenRule() {
  static const ApiAddressTakenRule Rule;
  return Rule;
}

} // namespace gup
