//===- SourceText.cpp - Where a list of arguments is written --------------===//
#include "SourceText.h"

#include "Conditionals.h"

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
      Current.Comma = Tok.is(tok::comma) ? Offset : ~0u;
      Close();
      if (Tok.is(tok::r_paren)) {
        if (Offset < RParen && RParen != ~0u && List.HasDirectives) {
          // Each branch of an #if group spells the end of the list
          // ("&locked);" / "#else" / "NULL);"): this ')' ends a branch the
          // build may skip. The rest of its branch belongs to no item; the
          // list goes on at the next directive line.
          do
            Lex.LexFromRawLexer(Tok);
          while (!Tok.is(tok::eof) && !(Tok.is(tok::hash) && Tok.isAtStartOfLine()));
          Pending = true;
          continue;
        }
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
      Current = {};
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
    // With #if lines inside, the written items are those of every branch:
    // the AST's arguments say which ones this build compiled (the count
    // alone may match by chance).
    if (!List.HasDirectives && List.Items.size() == Call.getNumArgs())
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

/// The offset of the ',' that ends [From, To) of \p File, the last token
/// there, after at least one token of an item, with the brackets before it
/// balanced; nullopt otherwise.
static std::optional<unsigned> commaEnding(FileID File, unsigned From, unsigned To,
                                           const SourceManager &SM,
                                           const LangOptions &LO) {
  llvm::StringRef Buffer = SM.getBufferData(File);
  Lexer Lex(SM.getLocForStartOfFile(File), LO, Buffer.begin(), Buffer.begin() + From,
            Buffer.end());
  Token Tok;
  int Depth = 0;
  bool Item = false;
  std::optional<unsigned> Comma;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    unsigned Offset = SM.getFileOffset(Tok.getLocation());
    if (Tok.is(tok::eof) || Offset >= To)
      return Depth == 0 ? Comma : std::nullopt;
    Comma.reset();
    if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace) && --Depth < 0)
      return std::nullopt;
    if (Depth == 0 && Tok.is(tok::comma)) {
      if (!Item)
        return std::nullopt; // an empty item
      Comma = Offset;
      Item = false;
    } else {
      Item = true;
    }
  }
}

/// The last item of the list when the comma before it is written once in
/// each branch of the #if group just before it:
///
///   get_user_pages(start, 1, 0,       get_user_pages(start, 1, 0,
///   #ifdef CONFIG_X                   #ifdef CONFIG_X
///           pages,                            pages
///   #else                        ->   #else
///           NULL,                             NULL
///   #endif                            #endif
///           NULL);                            );
///
/// Every branch loses its comma and the item goes: one edit from the #if
/// line to the item, which keeps every directive line, so that each
/// configuration compiles the list without the item. Nullopt when the list
/// is not written that way (a branch that does not end with a comma, holds
/// directive lines of its own, or no #else).
static std::optional<TextEdit> removeLastItemAfterGroup(const ListSpelling &List,
                                                        unsigned Index,
                                                        const Conditionals &Directives,
                                                        const SourceManager &SM) {
  const ListSpelling::Item &Item = List.Items[Index];
  if (Index == 0 || Item.Comma != ~0u || List.Items[Index - 1].Comma == ~0u)
    return std::nullopt;
  std::optional<std::pair<size_t, size_t>> Holding =
      Directives.branchAt(List.Items[Index - 1].Comma);
  if (!Holding)
    return std::nullopt;
  const ConditionalGroup &Group = Directives.groups()[Holding->first];
  const auto &Lines = Directives.lines();
  llvm::StringRef Buffer = Directives.text();
  size_t If = Lines[Group.Branches.front()].Begin;
  if (If <= List.LParen || Lines[Group.Branches.back()].Kind != DirectiveLine::Else ||
      !Buffer.slice(Lines[Group.EndIf].End, Item.Begin).trim().empty())
    return std::nullopt;
  LangOptions LO; // raw lexing of C tokens: commas and brackets only
  std::string Replacement;
  size_t Copied = If;
  for (size_t B = 0; B < Group.Branches.size(); ++B) {
    auto [From, To] = Directives.bodyOf(Holding->first, B);
    if (Directives.hasDirectiveIn(From, To))
      return std::nullopt;
    std::optional<unsigned> Comma = commaEnding(List.File, From, To, SM, LO);
    if (!Comma || (B == Holding->second && *Comma != List.Items[Index - 1].Comma))
      return std::nullopt;
    Replacement += Buffer.slice(Copied, *Comma);
    Copied = *Comma + 1;
    // "pages, \n": no blanks left at the end of the line.
    size_t After = Buffer.find_first_not_of(" \t", Copied);
    if (After != llvm::StringRef::npos && Buffer[After] == '\n')
      Copied = After;
  }
  Replacement += Buffer.slice(Copied, Item.Begin);
  SourceLocation Start = SM.getComposedLoc(List.File, If);
  return TextEdit{CharSourceRange::getCharRange(
                      Start, Start.getLocWithOffset(Item.TrailEnd - If)),
                  std::move(Replacement)};
}

llvm::Expected<TextEdit> removeItem(const ListSpelling &List, unsigned Index,
                                    const SourceManager &SM) {
  const auto &Items = List.Items;
  llvm::StringRef Buffer = SM.getBufferData(List.File);
  auto Edit = [&](unsigned Begin, unsigned End) {
    SourceLocation Start = SM.getComposedLoc(List.File, Begin);
    return TextEdit{CharSourceRange::getCharRange(Start, Start.getLocWithOffset(End - Begin)),
                    ""};
  };
  auto LineStartOf = [&](unsigned At) -> unsigned {
    size_t NL = Buffer.rfind('\n', At);
    return NL == llvm::StringRef::npos ? 0 : NL + 1;
  };
  const ListSpelling::Item &Item = Items[Index];
  // An item that starts its line takes the comma and the space after it, so
  // the lines around keep their layout ("pages,\n\tNULL,\n\t&locked)" loses
  // its middle line). Otherwise it goes with the comma before it.
  bool StartsLine = Buffer.slice(LineStartOf(Item.Begin), Item.Begin)
                        .find_first_not_of(" \t") == llvm::StringRef::npos;
  std::optional<std::pair<unsigned, unsigned>> WithNext, WithPrevious;
  if (Index + 1 < Items.size())
    WithNext = {Item.Begin, Items[Index + 1].Begin};
  if (Index > 0)
    WithPrevious = {Items[Index - 1].TrailEnd, Item.TrailEnd};
  llvm::SmallVector<std::pair<unsigned, unsigned>, 3> Choices;
  if (WithNext && (StartsLine || Index == 0))
    Choices.push_back(*WithNext);
  if (WithPrevious)
    Choices.push_back(*WithPrevious);
  if (WithNext)
    Choices.push_back(*WithNext);
  if (Choices.empty())
    Choices.push_back({Item.Begin, Item.TrailEnd});
  if (!List.HasDirectives)
    return Edit(Choices.front().first, Choices.front().second);

  // #if lines inside the list: never remove a directive line. The item and
  // its own comma stay inside its branch; failing that, a comma on either
  // side that is in the same branch.
  Conditionals Directives(Buffer);
  if (Item.Comma != ~0u && !Directives.hasDirectiveIn(Item.Begin, Item.Comma + 1)) {
    unsigned Begin = Item.Begin, End = Item.Comma + 1;
    while (End < Buffer.size() && (Buffer[End] == ' ' || Buffer[End] == '\t'))
      ++End;
    bool EndsLine = End == Buffer.size() || Buffer[End] == '\n' || Buffer[End] == '\r';
    if (EndsLine) {
      if (StartsLine) { // the whole line goes
        Begin = LineStartOf(Item.Begin);
        size_t NL = Buffer.find('\n', End);
        End = NL == llvm::StringRef::npos ? Buffer.size() : NL + 1;
      } else { // "pages, NULL,\n" -> "pages,\n"
        while (Begin > 0 && (Buffer[Begin - 1] == ' ' || Buffer[Begin - 1] == '\t'))
          --Begin;
        End = Item.Comma + 1;
      }
    }
    if (!Directives.hasDirectiveIn(Begin, End))
      return Edit(Begin, End);
  }
  for (auto [Begin, End] : Choices)
    if (!Directives.hasDirectiveIn(Begin, End))
      return Edit(Begin, End);
  if (std::optional<TextEdit> Split = removeLastItemAfterGroup(List, Index, Directives, SM))
    return std::move(*Split);
  return failure("the comma that separates it from the other arguments is on "
                 "the other side of a preprocessor line of the list, and "
                 "removing that line would break its #if group");
}

/// The groups that open and close inside the list, and the conditionals of
/// its file.
struct ListGroups {
  Conditionals Directives;
  VersionRange NewKernels; ///< the kernels from 6.5 on that compile the list
  std::vector<size_t> Inside;

  ListGroups(const ListSpelling &List, const SourceManager &SM)
      : Directives(SM.getBufferData(List.File)) {
    NewKernels = Directives.rangeAt(List.LParen);
    NewKernels.AtLeast = std::max(NewKernels.AtLeast, FirstKernelWithoutVmas);
    const auto &Lines = Directives.lines();
    for (size_t G = 0; G < Directives.groups().size(); ++G) {
      const ConditionalGroup &Group = Directives.groups()[G];
      if (Group.EndIf != ~size_t(0) && Lines[Group.Branches.front()].Begin > List.LParen &&
          Lines[Group.EndIf].Begin < List.RParen)
        Inside.push_back(G);
    }
  }

  unsigned line(size_t G) const {
    size_t At = Directives.lines()[Directives.groups()[G].Branches.front()].Begin;
    return 1 + Directives.text().take_front(At).count('\n');
  }

  /// The branch of group \p G that kernels from 6.5 on compile (~0: none),
  /// or an error when the group does not decide it by the version alone.
  llvm::Expected<size_t> liveBranch(size_t G) const {
    const ConditionalGroup &Group = Directives.groups()[G];
    for (size_t B = 0; B < Group.Branches.size(); ++B) {
      const DirectiveLine &L = Directives.lines()[Group.Branches[B]];
      Decided D = L.Kind == DirectiveLine::Else ? Decided::True
                  : L.hasCondition() ? decideCondition(Directives.condition(L), NewKernels)
                                     : Decided::Unknown;
      if (D == Decided::True)
        return B;
      if (D == Decided::Unknown)
        return failure("the #if group at line " + llvm::Twine(line(G)) +
                       " of its argument list tests something besides the "
                       "kernel version, so which of its branches Linux 6.5 "
                       "compiles is not known");
    }
    return ~size_t(0);
  }

  /// The branch of group \p G holding \p Offset, or ~0.
  size_t branchHolding(size_t G, unsigned Offset) const {
    const ConditionalGroup &Group = Directives.groups()[G];
    for (size_t B = 0; B < Group.Branches.size(); ++B) {
      auto [From, To] = Directives.bodyOf(G, B);
      if (From <= Offset && Offset < To)
        return B;
    }
    return ~size_t(0);
  }
};

llvm::Error checkItemIsForNewKernels(const ListSpelling &List, unsigned Index,
                                     const SourceManager &SM) {
  if (!List.HasDirectives)
    return llvm::Error::success();
  ListGroups Groups(List, SM);
  for (size_t G : Groups.Inside) {
    size_t Holding = Groups.branchHolding(G, List.Items[Index].Begin);
    if (Holding == ~size_t(0))
      continue;
    llvm::Expected<size_t> Live = Groups.liveBranch(G);
    if (!Live)
      return Live.takeError();
    if (*Live != Holding)
      return failure("from Linux 6.5 on, another branch of the #if group at line " +
                     llvm::Twine(Groups.line(G)) + " of its argument list is compiled");
  }
  return llvm::Error::success();
}

llvm::Error checkItemsAreForNewKernels(const ListSpelling &List,
                                       const SourceManager &SM) {
  if (!List.HasDirectives)
    return llvm::Error::success();
  ListGroups Groups(List, SM);
  for (size_t G : Groups.Inside) {
    llvm::Expected<size_t> Live = Groups.liveBranch(G);
    if (!Live)
      return Live.takeError();
    const ConditionalGroup &Group = Groups.Directives.groups()[G];
    for (size_t B = 0; B < Group.Branches.size(); ++B) {
      bool Compiled = llvm::any_of(List.Items, [&](const ListSpelling::Item &Item) {
        return Groups.branchHolding(G, Item.Begin) == B;
      });
      auto [From, To] = Groups.Directives.bodyOf(G, B);
      bool Written = !Groups.Directives.text().slice(From, To).trim().empty();
      if (Compiled != (B == *Live) && (Compiled || Written))
        return failure("from Linux 6.5 on, the #if group at line " +
                       llvm::Twine(Groups.line(G)) +
                       " of its argument list compiles other arguments than this build");
    }
  }
  return llvm::Error::success();
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
