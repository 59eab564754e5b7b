//===- Renamed.cpp - renamed-api: a function or macro got a new name -------===//
//
// Calls, references and macro invocations of the old name are renamed where
// the name is written: at the site, in a macro argument, or in the #define
// body of one of the tree's macros (once, for every expansion). An entry
// whose new function means something else when its result is used
// (WhenResultUsed: Report, strlcpy() -> strscpy()) renames only calls whose
// value is dropped; every other use is reported, never guessed.
//
//===----------------------------------------------------------------------===//
#include "SpecRules.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace gup {

const RuleInfo &renamedApiRule() {
  static const RuleInfo Info{
      "renamed-api", "gup-renamed-api",
      "rename calls, references and macro invocations of a function or macro "
      "that a kernel release renamed (a spec's renamed entries)"};
  return Info;
}

namespace {

/// What the new name is, and since when, for messages.
std::string renameText(const SpecUse &Use) {
  return Use.Entry.Name + "() is " + Use.Entry.NewName + "() from Linux " +
         formatKernelVersion(Use.Spec.Kernel) + " on (" + Use.Spec.Id + ")";
}

std::string whatToDoWithTheResult(const SpecUse &Use) {
  if (!Use.Entry.ReportMessage.empty())
    return Use.Entry.ReportMessage;
  return Use.Entry.NewName + "() does not return what " + Use.Entry.Name +
         "() did: rewrite the use of the result by hand";
}

/// False when the value of \p Call is dropped: an expression statement, a
/// cast to void, the left of a comma (or its right, when the comma's value
/// is dropped), a loop's increment.
bool resultUsed(const CallExpr &Call, ASTContext &Ctx) {
  const Stmt *Current = &Call;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Current);
    if (Parents.empty())
      return true; // nowhere known: assume the worst
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      return true; // an initialiser of a declaration
    if (isa<ParenExpr>(Parent)) {
      Current = Parent;
      continue;
    }
    if (const auto *Cast = dyn_cast<CStyleCastExpr>(Parent))
      return !Cast->getType()->isVoidType();
    if (isa<CompoundStmt>(Parent) || isa<LabelStmt>(Parent) || isa<DefaultStmt>(Parent))
      return false;
    if (const auto *Do = dyn_cast<DoStmt>(Parent))
      return Do->getCond() == Current;
    if (const auto *Case = dyn_cast<CaseStmt>(Parent))
      return Case->getSubStmt() != Current;
    if (const auto *If = dyn_cast<IfStmt>(Parent))
      return If->getCond() == Current;
    if (const auto *While = dyn_cast<WhileStmt>(Parent))
      return While->getCond() == Current;
    if (const auto *For = dyn_cast<ForStmt>(Parent))
      return For->getCond() == Current;
    if (const auto *Comma = dyn_cast<BinaryOperator>(Parent))
      if (Comma->getOpcode() == BO_Comma) {
        if (Comma->getLHS() == Current)
          return false;
        // The right of a comma is the comma's value: used if that is.
        Current = Parent;
        continue;
      }
    return true;
  }
}

} // namespace

const CallExpr *calleeOf(const DeclRefExpr &Ref, ASTContext &Ctx) {
  const Expr *Current = &Ref;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Current);
    if (Parents.empty())
      return nullptr;
    if (const auto *Call = Parents[0].get<CallExpr>())
      return Call->getCallee()->IgnoreParenImpCasts() == &Ref ? Call : nullptr;
    const auto *Up = Parents[0].get<Expr>();
    if (!Up || !(isa<ImplicitCastExpr>(Up) || isa<ParenExpr>(Up)))
      return nullptr;
    Current = Up;
  }
}

namespace {

void rename(SourceLocation Name, const SpecUse &Use, SpecSiteContext &Ctx,
            llvm::StringRef Where) {
  unsigned Length = Lexer::MeasureTokenLength(Name, Ctx.SM, Ctx.LO);
  Finding F = Ctx.finding(renamedApiRule(), Use, Name, FindingKind::Rewrite,
                          renameText(Use) + ": " + Where.str() + " renamed");
  F.CalleeLoc = Name;
  Ctx.reportEdit(std::move(F),
                 TextEdit{CharSourceRange::getCharRange(Name, Name.getLocWithOffset(Length)),
                          Use.Entry.NewName});
}

} // namespace

void renameReference(const DeclRefExpr &Ref, const SpecUse &Use, SpecSiteContext &Ctx) {
  SourceLocation Name = Ctx.SM.getSpellingLoc(Ref.getLocation());
  if (!Ctx.editable(Name) || Ctx.oldKernelsOnly(Name, Use.Spec))
    return;
  if (Ctx.reportIfDefinedInTree(renamedApiRule(), Use, Name, renameText(Use),
                                Ref.getDecl()))
    return;
  const CallExpr *Call = calleeOf(Ref, *Ctx.Ctx);
  if (Use.Entry.WhenResultUsed == UsedResult::Report) {
    if (!Call) {
      Ctx.report(Ctx.finding(renamedApiRule(), Use, Name, FindingKind::Report,
                             renameText(Use) + ", but here " + Use.Entry.Name +
                                 " is used as a value, not called: not changed; " +
                                 whatToDoWithTheResult(Use)));
      return;
    }
    if (resultUsed(*Call, *Ctx.Ctx)) {
      Ctx.report(Ctx.finding(renamedApiRule(), Use, Name, FindingKind::Report,
                             renameText(Use) + ", but the result of this call is "
                             "used: not changed; " + whatToDoWithTheResult(Use)));
      return;
    }
  }
  rename(Name, Use, Ctx, Call ? "the call" : "the reference");
}

void renameTokens(const TokenSite &Site, const SpecUse &Use, SpecSiteContext &Ctx) {
  if (!Ctx.editable(Site.Name) || Ctx.oldKernelsOnly(Site.Name, Use.Spec))
    return;
  if (Ctx.reportIfDefinedInTree(renamedApiRule(), Use, Site.Name, renameText(Use)))
    return;
  if (Use.Entry.WhenResultUsed == UsedResult::Report) {
    std::string Where = Site.InDefine ? "in the body of the macro " + Site.Define
                                      : std::string("in a macro invocation");
    Ctx.report(Ctx.finding(renamedApiRule(), Use, Site.Name, FindingKind::Report,
                           renameText(Use) + "; here it is named " + Where +
                               ", where the use of its result cannot be checked: "
                               "not changed; " + whatToDoWithTheResult(Use)));
    return;
  }
  rename(Site.Name, Use, Ctx,
         Site.InDefine ? "the name in the #define of " + Site.Define : "the invocation");
}

} // namespace gup
