//===- Removed.cpp - removed-api: a name a kernel release removed ---------===//
//
// A function or macro that went without a mechanical replacement: every use
// the tree writes (outside what another entry of the spec already handles,
// such as the initialiser removed-initializer deletes) is reported with the
// spec's advice. Nothing is edited.
//
//===----------------------------------------------------------------------===//
#include "SpecRules.h"

using namespace clang;

namespace gup {

const RuleInfo &removedApiRule() {
  static const RuleInfo Info{
      "removed-api", "gup-removed-api",
      "report every use of a function or macro a kernel release removed (a "
      "spec's removed entries); nothing is edited"};
  return Info;
}

void reportRemovedUse(SourceLocation Loc, const SpecUse &Use, SpecSiteContext &Ctx) {
  if (!Ctx.editable(Loc) || Ctx.oldKernelsOnly(Loc, Use.Spec))
    return;
  std::string Change = Use.Entry.Name + " is removed in Linux " +
                       formatKernelVersion(Use.Spec.Kernel) + " (" + Use.Spec.Id + ")";
  if (Ctx.reportIfDefinedInTree(removedApiRule(), Use, Loc, Change))
    return;
  Ctx.report(Ctx.finding(removedApiRule(), Use, Loc, FindingKind::Report,
                         Change + ": not changed; " +
                             (Use.Entry.ReportMessage.empty()
                                  ? "replace this use by hand"
                                  : Use.Entry.ReportMessage)));
}

} // namespace gup
