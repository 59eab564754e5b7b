//===- UnrecognisedVmas.cpp - Rule unrecognised-vmas ----------------------===//
//
// The last entry of the call-site table: a non-NULL vmas argument that no
// earlier rule recognised with certainty. It is reported, never edited, and
// it keeps its API from being migrated (the edit would break the build).
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace gup {
namespace {

class UnrecognisedVmasRule : public CallSiteRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "unrecognised-vmas", "gup-unrecognised-vmas",
        "report a vmas argument that no rule can migrate with certainty"};
    return Info;
  }

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    Finding F;
    F.Rule = info().Name;
    F.Api = Site.Api->Name;
    F.Kind = FindingKind::NeedsAttention;
    F.Loc = Site.VmasArg->getBeginLoc();
    llvm::StringRef Text = clang::Lexer::getSourceText(
        clang::CharSourceRange::getTokenRange(Site.VmasArg->getSourceRange()),
        Ctx.SM, Ctx.LangOpts);
    std::string Shown = Text.empty() ? "" : " ('" + Text.str() + "')";
    if (Site.Declined && !Site.Declined->empty())
      F.Message = Site.Api->Name.str() + "() is passed a vmas argument" + Shown +
                  ", a parameter Linux 6.5 removed, and it is not migrated "
                  "automatically: " + *Site.Declined +
                  "; look the VMA up with vma_lookup() under mmap_lock and "
                  "edit it by hand";
    else
      F.Message = Site.Api->Name.str() + "() is passed a vmas array" + Shown +
                  ", a parameter Linux 6.5 removed, and no rule recognises "
                  "this use; look the VMA up with vma_lookup() under "
                  "mmap_lock instead and edit it by hand";
    Ctx.report(std::move(F));
    return true;
  }
};

} // namespace

const CallSiteRule &unrecognisedVmasRule() {
  static const UnrecognisedVmasRule Rule;
  return Rule;
}

} // namespace gup
