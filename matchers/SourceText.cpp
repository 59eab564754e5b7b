//===- SourceText.cpp - Where a list of arguments is written --------------===//
#include "SourceText.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <optional>

using namespace clang;

namespace gup {

static llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

/// Where the token at \p Loc is written inside [Lo, Hi] of \p File. Macro
/// argument tokens are followed to where the argument was written; a token of
/// a macro body stands for the whole expansion only when it starts (or, for
/// \p AtEnd, ends) it, in which case we continue from the expansion site.
/// Never climbs from an argument to the macro parameter that received it:
/// editing a parameter in a #define would change every other expansion.
static std::optional<unsigned> offsetIn(SourceLocation Loc, FileID File,
                                        unsigned Lo, unsigned Hi, bool AtEnd,
                                        const SourceManager &SM,
                                        const LangOptions &LO) {
  auto Inside = [&](SourceLocation FileLoc) -> std::optional<unsigned> {
    auto [FID, Offset] = SM.getDecomposedLoc(FileLoc);
    if (FID == File && Offset >= Lo && Offset <= Hi)
      return Offset;
    return std::nullopt;
  };
  for (unsigned Depth = 0; Depth < 64 && Loc.isValid(); ++Depth) {
    if (Loc.isFileID())
      return Inside(Loc);
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    SourceLocation Spelled = SM.getImmediateSpellingLoc(Loc);
    if (Spelled.isFileID())
      if (auto Offset = Inside(Spelled))
        return Offset;
    SourceLocation Expansion;
    bool AtEdge;
    if (AtEnd) {
      // As Lexer::isAtEndOfMacroExpansion: the position after the token.
      unsigned Length = Lexer::MeasureTokenLength(SM.getSpellingLoc(Loc), SM, LO);
      AtEdge = Length > 0 && SM.isAtEndOfImmediateMacroExpansion(
                                 Loc.getLocWithOffset(Length), &Expansion);
    } else {
      AtEdge = SM.isAtStartOfImmediateMacroExpansion(Loc, &Expansion);
    }
    if (!AtEdge)
      return std::nullopt;
    Loc = Expansion;
  }
  return std::nullopt;
}

/// Every file offset (inside [Lo, Hi] of \p File) that \p Loc may be written
/// at: its spelling in a macro body and, when it starts an expansion, the
/// expansion site. Used to find a callee whose list position is not known.
static llvm::SmallVector<unsigned, 2>
candidateOffsets(SourceLocation Loc, FileID File, unsigned Lo, unsigned Hi,
                 const SourceManager &SM) {
  llvm::SmallVector<unsigned, 2> Result;
  for (unsigned Depth = 0; Depth < 64 && Loc.isValid(); ++Depth) {
    if (Loc.isFileID()) {
      auto [FID, Offset] = SM.getDecomposedLoc(Loc);
      if (FID == File && Offset >= Lo && Offset <= Hi)
        Result.push_back(Offset);
      break;
    }
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    SourceLocation Spelled = SM.getImmediateSpellingLoc(Loc);
    if (Spelled.isFileID()) {
      auto [FID, Offset] = SM.getDecomposedLoc(Spelled);
      if (FID == File && Offset >= Lo && Offset <= Hi)
        Result.push_back(Offset);
    }
    SourceLocation Expansion;
    if (!SM.isAtStartOfImmediateMacroExpansion(Loc, &Expansion))
      break;
    Loc = Expansion;
  }
  return Result;
}

/// Lexes the parenthesised list that starts with the '(' at \p LParen and
/// must end with the ')' at \p RParen.
static bool lexList(ListSpelling &List, unsigned LParen, unsigned RParen,
                    const SourceManager &SM, const LangOptions &LO) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(List.File, &Invalid);
  if (Invalid || LParen >= Buffer.size() || Buffer[LParen] != '(')
    return false;
  Lexer Lex(SM.getLocForStartOfFile(List.File), LO, Buffer.begin(),
            Buffer.begin() + LParen + 1, Buffer.end());
  Lex.SetCommentRetentionState(true);
  List.LParen = LParen;
  List.Items.clear();
  unsigned Depth = 1;
  bool HaveItem = false;
  ListSpelling::Item Current{};
  auto Close = [&] {
    if (HaveItem)
      List.Items.push_back(Current);
    HaveItem = false;
  };
  List.HasDirectives = false;
  Token Tok;
  bool Pending = false; // Tok was lexed while skipping a directive
  while (true) {
    if (!Pending)
      Lex.LexFromRawLexer(Tok);
    Pending = false;
    if (Tok.is(tok::eof))
      return false;
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine()) {
      // A directive line (older compat code: `#if LINUX_VERSION_CODE <
      // ...` around an argument) belongs to no item. A continued line
      // (backslash-newline) is one line to the lexer.
      List.HasDirectives = true;
      do
        Lex.LexFromRawLexer(Tok);
      while (!Tok.is(tok::eof) && !Tok.isAtStartOfLine());
      Pending = true;
      continue;
    }
    unsigned Offset = SM.getFileOffset(Tok.getLocation());
    unsigned End = Offset + Tok.getLength();
    if (Offset > RParen)
      return false;
    if (Depth == 1 && (Tok.is(tok::comma) || Tok.is(tok::r_paren))) {
      if (Tok.is(tok::comma) && !HaveItem)
        return false; // an empty item: not a list we understand
      Close();
      if (Tok.is(tok::r_paren)) {
        List.RParen = Offset;
        return Offset == RParen || RParen == ~0u;
      }
      continue;
    }
    if (Tok.is(tok::comment)) {
      if (HaveItem && Depth == 1)
        Current.TrailEnd = End;
      continue;
    }
    if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    if (!HaveItem) {
      HaveItem = true;
      Current.Begin = Offset;
    }
    Current.End = End;
    Current.TrailEnd = End;
    Current.LastToken = Offset;
  }
}

/// The file offset of the token at \p Loc after following its spelling, and
/// whether that passed through a macro body.
static std::pair<SourceLocation, bool> spellingOf(SourceLocation Loc,
                                                  const SourceManager &SM) {
  bool InBody = false;
  for (unsigned Depth = 0; Depth < 64 && Loc.isMacroID(); ++Depth) {
    if (!SM.isMacroArgExpansion(Loc))
      InBody = true;
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return {Loc, InBody};
}

static bool isScratch(SourceLocation Loc, const SourceManager &SM) {
  return SM.isWrittenInScratchSpace(Loc) || !SM.getFileEntryRefForID(SM.getFileID(Loc));
}

/// With #if inside the list, the items of branches the preprocessor skipped
/// are written but not compiled: keeps the items that hold an argument of
/// the AST (one each, in order), or returns false.
static bool keepCompiledItems(ListSpelling &List, const CallExpr &Call,
                              const SourceManager &SM) {
  llvm::SmallVector<ListSpelling::Item, 8> Kept;
  size_t Next = 0;
  for (const Expr *Arg : Call.arguments()) {
    SourceLocation At = SM.getExpansionLoc(Arg->getBeginLoc());
    if (SM.getFileID(At) != List.File)
      return false;
    unsigned Offset = SM.getFileOffset(At);
    while (Next < List.Items.size() && List.Items[Next].End <= Offset)
      ++Next;
    if (Next == List.Items.size() || List.Items[Next].Begin > Offset)
      return false;
    Kept.push_back(List.Items[Next++]);
  }
  List.Items = std::move(Kept);
  return true;
}

llvm::Expected<ListSpelling> spellCallArguments(const CallExpr &Call,
                                                const SourceManager &SM,
                                                const LangOptions &LO) {
  auto [RParenLoc, InBody] = spellingOf(Call.getRParenLoc(), SM);
  if (RParenLoc.isInvalid() || isScratch(RParenLoc, SM))
    return failure("its argument list is assembled by the preprocessor");
  ListSpelling List;
  List.File = SM.getFileID(RParenLoc);
  List.InMacroBody = InBody;
  unsigned RParen = SM.getFileOffset(RParenLoc);

  // The callee name is the token before '('. Try every place it may be
  // written; the right one is where lexing reaches exactly our ')'.
  for (unsigned CalleeOffset :
       candidateOffsets(Call.getCallee()->getEndLoc(), List.File, 0, RParen, SM)) {
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(List.File, &Invalid);
    if (Invalid)
      break;
    Lexer Lex(SM.getLocForStartOfFile(List.File), LO, Buffer.begin(),
              Buffer.begin() + CalleeOffset, Buffer.end());
    Token Tok;
    Lex.LexFromRawLexer(Tok); // the callee name
    Lex.LexFromRawLexer(Tok);
    if (!Tok.is(tok::l_paren))
      continue;
    if (!lexList(List, SM.getFileOffset(Tok.getLocation()), RParen, SM, LO))
      continue;
    if (List.Items.size() == Call.getNumArgs())
      return List;
    if (List.HasDirectives && !List.InMacroBody && keepCompiledItems(List, Call, SM))
      return List;
  }
  std::string Macro = expandingMacroName(Call.getBeginLoc(), SM, LO);
  if (!Macro.empty())
    return failure("its argument list is produced by macro '" + Macro + "'");
  return failure("its argument list is not written as one list of arguments");
}

llvm::Expected<ListSpelling> spellListAt(FileID File, unsigned LParen,
                                         const SourceManager &SM,
                                         const LangOptions &LO) {
  ListSpelling List;
  List.File = File;
  if (!lexList(List, LParen, ~0u, SM, LO))
    return failure("the parenthesised list is not complete");
  return List;
}

llvm::Expected<ListSpelling> spellParameters(const FunctionDecl &FD,
                                             const SourceManager &SM,
                                             const LangOptions &LO) {
  FunctionTypeLoc TL = FD.getFunctionTypeLoc();
  if (!TL)
    return failure("its parameter list is not written as a prototype");
  auto [LParenLoc, InBodyL] = spellingOf(TL.getLParenLoc(), SM);
  auto [RParenLoc, InBodyR] = spellingOf(TL.getRParenLoc(), SM);
  if (LParenLoc.isInvalid() || RParenLoc.isInvalid() ||
      isScratch(RParenLoc, SM) ||
      SM.getFileID(LParenLoc) != SM.getFileID(RParenLoc))
    return failure("its parameter list is produced by a macro");
  ListSpelling List;
  List.File = SM.getFileID(RParenLoc);
  List.InMacroBody = InBodyL || InBodyR;
  if (!lexList(List, SM.getFileOffset(LParenLoc), SM.getFileOffset(RParenLoc),
               SM, LO) ||
      List.Items.size() != FD.getNumParams()) {
    std::string Macro = expandingMacroName(FD.getLocation(), SM, LO);
    return failure(Macro.empty()
                       ? llvm::Twine("its parameter list is not written as one list")
                       : "its parameter list is produced by macro '" + Macro + "'");
  }
  return List;
}

llvm::Error checkItemIs(const ListSpelling &List, unsigned Index,
                        SourceLocation Begin, SourceLocation End,
                        const SourceManager &SM, const LangOptions &LO) {
  const ListSpelling::Item &Item = List.Items[Index];
  auto First = offsetIn(Begin, List.File, List.LParen, List.RParen, false, SM, LO);
  auto Last = offsetIn(End, List.File, List.LParen, List.RParen, true, SM, LO);
  if (First == Item.Begin && Last == Item.LastToken)
    return llvm::Error::success();

  SourceLocation Probe = Begin.isMacroID() ? Begin : End;
  while (Probe.isMacroID() && !SM.isMacroArgExpansion(Probe))
    Probe = SM.getImmediateExpansionRange(Probe).getBegin();
  if (Probe.isMacroID() && SM.isMacroArgExpansion(Probe))
    return passedThroughMacroParameter();
  return failure("it is only part of what is written at that position");
}

llvm::Error passedThroughMacroParameter() {
  return failure("it is passed in through a macro parameter, so the text to "
                 "delete is at every use of the macro");
}

TextEdit removeItem(const ListSpelling &List, unsigned Index,
                    const SourceManager &SM) {
  const auto &Items = List.Items;
  llvm::StringRef Buffer = SM.getBufferData(List.File);
  // An item that starts its line takes the comma and the space after it, so
  // the lines around keep their layout ("pages,\n\tNULL,\n\t&locked)" loses
  // its middle line). Otherwise it goes with the comma before it.
  size_t LineStart = Buffer.rfind('\n', Items[Index].Begin);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  bool StartsLine =
      Buffer.slice(LineStart, Items[Index].Begin).find_first_not_of(" \t") ==
      llvm::StringRef::npos;
  unsigned Begin, End;
  if (Index + 1 < Items.size() && (StartsLine || Index == 0)) {
    Begin = Items[Index].Begin;
    End = Items[Index + 1].Begin;
  } else if (Index > 0) {
    Begin = Items[Index - 1].TrailEnd;
    End = Items[Index].TrailEnd;
  } else {
    Begin = Items[0].Begin;
    End = Items[0].TrailEnd;
  }
  if (List.HasDirectives) {
    // Never delete a directive line with the item: go with the comma on
    // the item's own side instead.
    auto CrossesDirective = [&](unsigned From, unsigned To) {
      llvm::StringRef Text = Buffer.slice(From, To);
      for (size_t NL = Text.find('\n'); NL != llvm::StringRef::npos;
           NL = Text.find('\n', NL + 1))
        if (Text.substr(NL + 1).ltrim(" \t").starts_with("#"))
          return true;
      return false;
    };
    if (CrossesDirective(Begin, End) && Index > 0 &&
        !CrossesDirective(Items[Index - 1].TrailEnd, Items[Index].TrailEnd)) {
      Begin = Items[Index - 1].TrailEnd;
      End = Items[Index].TrailEnd;
    }
  }
  SourceLocation Start = SM.getComposedLoc(List.File, Begin);
  return {CharSourceRange::getCharRange(Start, Start.getLocWithOffset(End - Begin)),
          ""};
}

llvm::StringRef itemText(const ListSpelling &List, unsigned Index,
                         const SourceManager &SM) {
  const ListSpelling::Item &Item = List.Items[Index];
  return SM.getBufferData(List.File).slice(Item.Begin, Item.End);
}

std::string expandingMacroName(SourceLocation Loc, const SourceManager &SM,
                               const LangOptions &LO) {
  while (Loc.isMacroID() && SM.isMacroArgExpansion(Loc))
    Loc = SM.getImmediateSpellingLoc(Loc);
  if (!Loc.isMacroID())
    return "";
  // The outermost expansion is the one written in the file.
  while (true) {
    SourceLocation Outer = SM.getImmediateMacroCallerLoc(Loc);
    if (!Outer.isMacroID())
      break;
    Loc = Outer;
  }
  return Lexer::getImmediateMacroName(Loc, SM, LO).str();
}

} // namespace gup
