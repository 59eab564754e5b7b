//===- InitializerRemoved.cpp - removed-initializer: `.field = value` goes ===//
//
// A designated initialiser `.Field = Value` of a struct of the entry's
// record type is removed with its comma (the last one alone on its line
// leaves the comma before it), and with its line when it is alone
// on it (`.llseek = no_llseek,` of a file_operations: NULL is the default).
// The value is matched as written (the old macro's name), so `.llseek =
// my_llseek` is never touched. An initialiser a macro writes is reported.
//
//===----------------------------------------------------------------------===//
#include "SpecRules.h"

#include "../../TextEdits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace gup {

const RuleInfo &removedInitializerRule() {
  static const RuleInfo Info{
      "removed-initializer", "gup-removed-initializer",
      "remove a designated initialiser `.field = value` whose value a kernel "
      "release removed (a spec's initializer-removed entries)"};
  return Info;
}

namespace {
bool blank(char C) { return C == ' ' || C == '\t' || C == '\n' || C == '\r'; }

/// True when [From, To) of \p Text has only blanks around it on its line.
bool aloneOnItsLine(llvm::StringRef Text, size_t From, size_t To) {
  for (size_t I = From; I > 0 && Text[I - 1] != '\n'; --I)
    if (!blank(Text[I - 1]))
      return false;
  for (size_t I = To; I < Text.size() && Text[I] != '\n'; ++I)
    if (!blank(Text[I]))
      return false;
  return true;
}
} // namespace

void removeInitializer(const DesignatedInitExpr &Init, const SpecUse &Use,
                       SpecSiteContext &Ctx) {
  const SpecEntry &E = Use.Entry;
  const SourceManager &SM = Ctx.SM;
  const Expr *Value = Init.getInit();
  SourceLocation Begin = Init.getBeginLoc();
  if (Init.size() != 1 || !Init.getDesignator(0)->isFieldDesignator() ||
      Init.getDesignator(0)->getFieldName() == nullptr ||
      Init.getDesignator(0)->getFieldName()->getName() != E.Field || !Value)
    return;
  SourceLocation ValueBegin = SM.getExpansionLoc(Value->getBeginLoc());
  SourceLocation ValueEnd = SM.getExpansionRange(Value->getEndLoc()).getEnd();
  llvm::StringRef Written = Lexer::getSourceText(
      CharSourceRange::getTokenRange(ValueBegin, ValueEnd), SM, Ctx.LO);
  if (Written.trim() != E.Value)
    return;
  SourceLocation At = SM.getExpansionLoc(Begin);
  if (!Ctx.editable(At) || Ctx.oldKernelsOnly(At, Use.Spec))
    return;
  std::string Change = "." + E.Field + " = " + E.Value + " of struct " + E.Name +
                       " must go from Linux " + formatKernelVersion(Use.Spec.Kernel) +
                       " on (" + Use.Spec.Id + ")";
  if (Ctx.reportIfDefinedInTree(removedInitializerRule(), Use, At, Change))
    return;
  Finding F = Ctx.finding(removedInitializerRule(), Use, At, FindingKind::Rewrite,
                          Change + ": initialiser removed");
  if (Begin.isMacroID()) {
    Ctx.reportEdit(std::move(F), cannotEdit("a macro writes the initialiser"));
    return;
  }
  auto [File, From] = SM.getDecomposedLoc(At);
  auto [EndFile, To] = SM.getDecomposedLoc(
      Lexer::getLocForEndOfToken(ValueEnd, 0, SM, Ctx.LO));
  if (File != EndFile || To < From) {
    Ctx.reportEdit(std::move(F), cannotEdit("it is not written in one place"));
    return;
  }
  llvm::StringRef Text = SM.getBufferData(File);
  size_t After = To;
  while (After < Text.size() && blank(Text[After]))
    ++After;
  if (After < Text.size() && Text[After] == ',') {
    To = After + 1;
    // A comment after it on its line is about it: it goes too, and the
    // edit stays whole lines (which --compat=guard can guard).
    size_t Comment = To;
    while (Comment < Text.size() && (Text[Comment] == ' ' || Text[Comment] == '\t'))
      ++Comment;
    llvm::StringRef Rest = Text.substr(Comment);
    size_t CommentEnd = llvm::StringRef::npos;
    if (Rest.starts_with("//"))
      CommentEnd = Rest.contains('\n') ? Comment + Rest.find('\n') : Text.size();
    else if (Rest.starts_with("/*") && Rest.find("*/") < Rest.find('\n'))
      CommentEnd = Comment + Rest.find("*/") + 2;
    if (CommentEnd != llvm::StringRef::npos && CommentEnd <= Text.size() &&
        aloneOnItsLine(Text, From, CommentEnd))
      To = CommentEnd;
    else if (!aloneOnItsLine(Text, From, To))
      To = Comment; // `{ .a = x, .b = y }`: the blank after the comma too
  } else if (!aloneOnItsLine(Text, From, To)) {
    // The last initialiser, after others on its line: the comma before it
    // goes instead. Alone on its line it leaves the one before with a
    // trailing comma, which C allows and keeps the edit to whole lines (a
    // line --compat=guard can put under a version test).
    size_t Before = From;
    while (Before > 0 && blank(Text[Before - 1]))
      --Before;
    if (Before > 0 && Text[Before - 1] == ',')
      From = Before - 1;
    else
      From = Before; // `{ .a = x }`: `{ }`, not `{  }`
  }
  EditContext Edit(SM, Ctx.LO);
  Ctx.reportEdit(std::move(F), Edit.removeText(File, From, To));
}

} // namespace gup
