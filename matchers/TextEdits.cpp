//===- TextEdits.cpp - Statement-level edits in file text -----------------===//
#include "TextEdits.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace gup {

static llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

llvm::Expected<CharSourceRange> EditContext::rangeOf(SourceRange R) const {
  CharSourceRange Range =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  if (Range.isInvalid())
    return failure("the code is produced by a macro");
  return Range;
}

llvm::Expected<CharSourceRange> EditContext::rangeOf(const Stmt *S) const {
  return rangeOf(S->getSourceRange());
}

llvm::StringRef EditContext::text(CharSourceRange R) const {
  return Lexer::getSourceText(R, SM, LO);
}

llvm::Expected<CharSourceRange> EditContext::statementRange(const Stmt *S) const {
  // Statements that end with a sub-statement end where it does (with its ';').
  const Stmt *Last = nullptr;
  if (const auto *If = dyn_cast<IfStmt>(S))
    Last = If->getElse() ? If->getElse() : If->getThen();
  else if (const auto *For = dyn_cast<ForStmt>(S))
    Last = For->getBody();
  else if (const auto *While = dyn_cast<WhileStmt>(S))
    Last = While->getBody();
  else if (const auto *Label = dyn_cast<LabelStmt>(S))
    Last = Label->getSubStmt();
  if (Last) {
    llvm::Expected<CharSourceRange> Head = rangeOf(S);
    if (!Head)
      return Head.takeError();
    llvm::Expected<CharSourceRange> Tail = statementRange(Last);
    if (!Tail)
      return Tail.takeError();
    return CharSourceRange::getCharRange(Head->getBegin(), Tail->getEnd());
  }
  llvm::Expected<CharSourceRange> R = rangeOf(S);
  if (!R)
    return R.takeError();
  if (isa<CompoundStmt>(S))
    return *R; // ends with its own '}'
  if (text(*R).ends_with(";"))
    return *R;
  // Expression statements, returns, jumps: the ';' follows the last token.
  SourceLocation End = R->getEnd();
  Token Tok;
  if (!Lexer::getRawToken(End, Tok, SM, LO, /*IgnoreWhiteSpace=*/true) &&
      Tok.is(tok::semi))
    return CharSourceRange::getCharRange(R->getBegin(), Tok.getEndLoc());
  return failure("the statement does not end with ';' where expected");
}

std::string EditContext::indentOf(SourceLocation Loc) const {
  auto [FID, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  llvm::StringRef Buffer = SM.getBufferData(FID);
  size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t End = LineStart;
  while (End < Buffer.size() && (Buffer[End] == ' ' || Buffer[End] == '\t'))
    ++End;
  return Buffer.slice(LineStart, End).str();
}

unsigned EditContext::columns(llvm::StringRef Text, unsigned Start) {
  unsigned Col = Start;
  for (char C : Text)
    Col = C == '\t' ? (Col / 8 + 1) * 8 : Col + 1;
  return Col;
}

TextEdit EditContext::replace(CharSourceRange R, llvm::StringRef Text) const {
  return {R, Text.str()};
}

TextEdit EditContext::insert(SourceLocation Loc, llvm::StringRef Text) const {
  return {CharSourceRange::getCharRange(Loc, Loc), Text.str()};
}

/// Extends [Begin, End) in \p Buffer to whole lines when nothing but
/// whitespace shares those lines with it; then takes the comment lines just
/// above, and one of two blank lines that would end up adjacent.
static std::pair<unsigned, unsigned> wholeLines(llvm::StringRef Buffer,
                                                unsigned Begin, unsigned End) {
  auto LineStartOf = [&](size_t Pos) -> size_t {
    size_t P = Buffer.rfind('\n', Pos == 0 ? 0 : Pos - 1);
    if (Pos > 0 && Buffer[Pos - 1] == '\n')
      return Pos;
    return P == llvm::StringRef::npos ? 0 : P + 1;
  };
  size_t LineStart = LineStartOf(Begin);
  if (Buffer.slice(LineStart, Begin).find_first_not_of(" \t") !=
      llvm::StringRef::npos)
    return {Begin, End};
  size_t LineEnd = Buffer.find('\n', End);
  if (LineEnd == llvm::StringRef::npos)
    LineEnd = Buffer.size();
  if (Buffer.slice(End, LineEnd).find_first_not_of(" \t") !=
      llvm::StringRef::npos)
    return {Begin, End};
  size_t From = LineStart;
  size_t To = LineEnd < Buffer.size() ? LineEnd + 1 : LineEnd;
  // Comment lines directly above describe what goes.
  while (From > 0) {
    size_t Prev = LineStartOf(From - 1);
    llvm::StringRef Line = Buffer.slice(Prev, From - 1).trim();
    if (!(Line.starts_with("/*") || Line.starts_with("*") || Line.starts_with("//")))
      break;
    From = Prev;
  }
  auto BlankAt = [&](size_t Start) {
    if (Start >= Buffer.size())
      return false;
    size_t E = Buffer.find('\n', Start);
    return Buffer.slice(Start, E == llvm::StringRef::npos ? Buffer.size() : E)
        .trim()
        .empty();
  };
  bool BlankAfter = BlankAt(To);
  if (BlankAfter && From > 0) {
    size_t Prev = LineStartOf(From - 1);
    llvm::StringRef Before = Buffer.slice(Prev, From - 1).trim();
    if (Before.empty() || Before.ends_with("{")) {
      size_t E = Buffer.find('\n', To);
      To = E == llvm::StringRef::npos ? Buffer.size() : E + 1;
    }
  }
  return {static_cast<unsigned>(From), static_cast<unsigned>(To)};
}

TextEdit EditContext::removeText(FileID File, unsigned Begin, unsigned End) const {
  auto [From, To] = wholeLines(SM.getBufferData(File), Begin, End);
  SourceLocation Start = SM.getComposedLoc(File, From);
  return TextEdit{CharSourceRange::getCharRange(Start, Start.getLocWithOffset(To - From)), ""};
}

llvm::Expected<TextEdit> EditContext::removeStatement(const Stmt *S) const {
  return removeStatements(S, S);
}

llvm::Expected<TextEdit> EditContext::removeStatements(const Stmt *First,
                                                       const Stmt *Last) const {
  llvm::Expected<CharSourceRange> A = statementRange(First);
  if (!A)
    return A.takeError();
  llvm::Expected<CharSourceRange> B = statementRange(Last);
  if (!B)
    return B.takeError();
  auto [FID, Begin] = SM.getDecomposedLoc(A->getBegin());
  auto [EndFID, End] = SM.getDecomposedLoc(B->getEnd());
  if (FID != EndFID || End < Begin)
    return failure("the statements are not written in one place");
  auto [From, To] = wholeLines(SM.getBufferData(FID), Begin, End);
  SourceLocation Start = SM.getComposedLoc(FID, From);
  return TextEdit{CharSourceRange::getCharRange(Start, Start.getLocWithOffset(To - From)), ""};
}

llvm::Expected<TextEdit> EditContext::removeVariable(const VarDecl *Var,
                                                     const DeclStmt *Decl) const {
  if (Decl->isSingleDecl())
    return removeStatement(Decl);
  // One declarator of a group: `int a, ret, b;` -> `int a, b;`.
  llvm::Expected<CharSourceRange> Whole = rangeOf(Decl);
  if (!Whole)
    return Whole.takeError();
  auto [FID, Begin] = SM.getDecomposedLoc(Whole->getBegin());
  unsigned End = SM.getFileOffset(Whole->getEnd());
  llvm::StringRef Buffer = SM.getBufferData(FID);
  // Find the top-level commas of the group; declarator i lies between them.
  llvm::SmallVector<unsigned, 8> Commas;
  Lexer Lex(SM.getLocForStartOfFile(FID), LO, Buffer.begin(),
            Buffer.begin() + Begin, Buffer.end());
  Token Tok;
  unsigned Depth = 0;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    unsigned Off = SM.getFileOffset(Tok.getLocation());
    if (Tok.is(tok::eof) || Off >= End)
      break;
    if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    else if (Tok.is(tok::comma) && Depth == 0)
      Commas.push_back(Off);
  }
  unsigned Index = 0;
  for (const clang::Decl *D : Decl->decls()) {
    if (D == Var)
      break;
    ++Index;
  }
  unsigned Count = std::distance(Decl->decl_begin(), Decl->decl_end());
  if (Commas.size() + 1 != Count)
    return failure("the declaration is not a plain list of variables");
  unsigned From, To;
  if (Index + 1 < Count) {
    // Remove from the start of this declarator to the start of the next.
    unsigned NameStart =
        Index == 0 ? SM.getFileOffset(SM.getFileLoc(Var->getLocation())) : Commas[Index - 1] + 1;
    if (Index == 0) {
      // Keep the type: remove from the declarator (with its '*'s).
      From = NameStart;
      while (From > Begin && (Buffer[From - 1] == '*' || Buffer[From - 1] == ' '))
        --From;
      if (Buffer[From] == ' ')
        ++From;
    } else {
      From = NameStart;
      while (From < End && Buffer[From] == ' ')
        ++From;
    }
    To = Commas[Index] + 1;
    while (To < End && Buffer[To] == ' ')
      ++To;
  } else {
    From = Commas[Index - 1];
    To = SM.getFileOffset(SM.getFileLoc(Var->getEndLoc()));
    To += Lexer::MeasureTokenLength(SM.getComposedLoc(FID, To), SM, LO);
  }
  SourceLocation Start = SM.getComposedLoc(FID, From);
  return TextEdit{CharSourceRange::getCharRange(Start, Start.getLocWithOffset(To - From)), ""};
}

std::string formatCall(llvm::StringRef Prefix, llvm::StringRef Name,
                       llvm::ArrayRef<std::string> Args) {
  std::string OneLine = Name.str() + "(";
  for (size_t I = 0; I < Args.size(); ++I)
    OneLine += (I ? ", " : "") + Args[I];
  OneLine += ")";
  // The caller adds ';' (one more column).
  if (EditContext::columns(Prefix.str() + OneLine) + 1 <= 100)
    return OneLine;
  unsigned Open = EditContext::columns(Prefix.str() + Name.str() + "(");
  std::string Continuation(Open / 8, '\t');
  Continuation.append(Open % 8, ' ');
  std::string Out = Name.str() + "(";
  unsigned Col = Open;
  for (size_t I = 0; I < Args.size(); ++I) {
    std::string Piece = Args[I] + (I + 1 < Args.size() ? "," : ")");
    if (I > 0) {
      if (Col + 1 + Piece.size() + 1 > 100) {
        Out += "\n" + Continuation;
        Col = Open;
      } else {
        Out += " ";
        ++Col;
      }
    }
    Out += Piece;
    Col += Piece.size();
  }
  return Out;
}

} // namespace gup
