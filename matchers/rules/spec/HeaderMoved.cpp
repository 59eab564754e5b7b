//===- HeaderMoved.cpp - moved-header: an #include names the old path -----===//
//
// `#include <asm/unaligned.h>` becomes `#include <linux/unaligned.h>`: only
// the header name changes, the rest of the line stays. The preprocessor
// reports every #include line it reads (SpecAnalysis), so an include in a
// header of the tree is seen by each TU that includes that header; the same
// edit from many TUs is one edit.
//
//===----------------------------------------------------------------------===//
#include "SpecRules.h"

using namespace clang;

namespace gup {

const RuleInfo &movedHeaderRule() {
  static const RuleInfo Info{
      "moved-header", "gup-moved-header",
      "include a header under the path a kernel release moved it to (a spec's "
      "header-moved entries)"};
  return Info;
}

void moveInclude(SourceLocation Hash, CharSourceRange FileName, bool Angled,
                 const SpecUse &Use, SpecSiteContext &Ctx) {
  if (!Hash.isFileID() || !Ctx.editable(Hash) || Ctx.oldKernelsOnly(Hash, Use.Spec))
    return;
  std::string Change = "<" + Use.Entry.Name + "> is <" + Use.Entry.NewName +
                       "> from Linux " + formatKernelVersion(Use.Spec.Kernel) +
                       " on (" + Use.Spec.Id + ")";
  if (Ctx.reportIfDefinedInTree(movedHeaderRule(), Use, Hash, Change))
    return;
  Finding F = Ctx.finding(movedHeaderRule(), Use, Hash, FindingKind::Rewrite,
                          Change + ": #include changed");
  if (!FileName.getBegin().isFileID() || !FileName.getEnd().isFileID()) {
    Ctx.reportEdit(std::move(F), cannotEdit("the header name comes from a macro"));
    return;
  }
  std::string Spelled = Angled ? "<" + Use.Entry.NewName + ">"
                               : "\"" + Use.Entry.NewName + "\"";
  Ctx.reportEdit(std::move(F), TextEdit{FileName, Spelled});
}

} // namespace gup
