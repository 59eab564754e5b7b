//===- Conditionals.cpp - The #if groups of a file's text ------------------===//
#include "Conditionals.h"

#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

namespace gup {

namespace {

constexpr size_t None = ~size_t(0);

bool isBlank(char C) { return C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v'; }

bool isIdentChar(char C) { return isalnum(static_cast<unsigned char>(C)) || C == '_'; }

/// The end of the line that starts at \p Pos, continuation lines included:
/// just after the last newline, or the end of the text.
size_t logicalLineEnd(llvm::StringRef Text, size_t Pos) {
  while (true) {
    size_t NL = Text.find('\n', Pos);
    if (NL == llvm::StringRef::npos)
      return Text.size();
    size_t J = NL;
    while (J > Pos && Text[J - 1] == '\r')
      --J;
    if (J == Pos || Text[J - 1] != '\\')
      return NL + 1;
    Pos = NL + 1;
  }
}

/// Follows comments and literals through [From, To): whether a block
/// comment is still open at \p To, given \p InComment at \p From.
bool commentOpenAfter(llvm::StringRef Text, size_t From, size_t To, bool InComment) {
  for (size_t I = From; I < To; ++I) {
    char C = Text[I];
    if (InComment) {
      if (C == '*' && I + 1 < To && Text[I + 1] == '/') {
        InComment = false;
        ++I;
      }
      continue;
    }
    if (C == '/' && I + 1 < To && Text[I + 1] == '*') {
      InComment = true;
      ++I;
    } else if (C == '/' && I + 1 < To && Text[I + 1] == '/') {
      size_t NL = Text.find('\n', I);
      if (NL == llvm::StringRef::npos || NL >= To)
        return false;
      I = NL;
    } else if (C == '"' || C == '\'') {
      for (++I; I < To && Text[I] != C && Text[I] != '\n'; ++I)
        if (Text[I] == '\\')
          ++I;
    }
  }
  return InComment;
}

unsigned lineNumber(llvm::StringRef Text, size_t Offset) {
  return 1 + Text.take_front(Offset).count('\n');
}

/// The directive's name and kind, for the text after its '#'.
DirectiveLine::KindT kindOf(llvm::StringRef Name) {
  return llvm::StringSwitch<DirectiveLine::KindT>(Name)
      .Case("if", DirectiveLine::If)
      .Case("ifdef", DirectiveLine::Ifdef)
      .Case("ifndef", DirectiveLine::Ifndef)
      .Case("elif", DirectiveLine::Elif)
      .Case("elifdef", DirectiveLine::Elifdef)
      .Case("elifndef", DirectiveLine::Elifndef)
      .Case("else", DirectiveLine::Else)
      .Case("endif", DirectiveLine::Endif)
      .Case("include", DirectiveLine::Include)
      .Default(DirectiveLine::Other);
}

VersionRange intersect(VersionRange A, VersionRange B) {
  A.AtLeast = std::max(A.AtLeast, B.AtLeast);
  A.Below = std::min(A.Below, B.Below);
  return A;
}

} // namespace

Conditionals::Conditionals(llvm::StringRef T) : Text(T) {
  std::vector<size_t> Stack;
  bool InComment = false;
  for (size_t Pos = 0; Pos < Text.size();) {
    size_t I = Pos;
    while (I < Text.size() && isBlank(Text[I]))
      ++I;
    if (InComment || I >= Text.size() || Text[I] != '#') {
      size_t NL = Text.find('\n', Pos);
      size_t Next = NL == llvm::StringRef::npos ? Text.size() : NL + 1;
      InComment = commentOpenAfter(Text, Pos, Next, InComment);
      Pos = Next;
      continue;
    }
    DirectiveLine L;
    L.Begin = Pos;
    L.End = logicalLineEnd(Text, Pos);
    size_t N = I + 1;
    while (N < L.End && isBlank(Text[N]))
      ++N;
    L.NameBegin = N;
    while (N < L.End && isIdentChar(Text[N]))
      ++N;
    L.NameEnd = N;
    L.Kind = kindOf(Text.slice(L.NameBegin, L.NameEnd));
    L.Rest = Text.slice(L.NameEnd, L.End).trim();
    InComment = commentOpenAfter(Text, L.NameEnd, L.End, false);
    size_t Index = Lines.size();
    size_t Group = None, Outer = Stack.size();
    if (L.opens()) {
      Groups.push_back({{Index}, None, Stack.empty() ? None : Stack.back()});
      Group = Groups.size() - 1;
      Stack.push_back(Group);
    } else if ((L.continues() || L.Kind == DirectiveLine::Endif) && !Stack.empty()) {
      Group = Stack.back();
      Outer = Stack.size() - 1;
      if (L.Kind == DirectiveLine::Endif) {
        Groups[Group].EndIf = Index;
        Stack.pop_back();
      } else {
        Groups[Group].Branches.push_back(Index);
      }
    }
    if (L.Kind == DirectiveLine::Other && Text.slice(L.NameBegin, L.NameEnd) == "define") {
      // An object-like macro of the file that tests the version.
      llvm::StringRef Rest = L.Rest;
      size_t NameEnd = 0;
      while (NameEnd < Rest.size() && isIdentChar(Rest[NameEnd]))
        ++NameEnd;
      if (NameEnd > 0 && (NameEnd == Rest.size() || Rest[NameEnd] != '(') &&
          mentionsVersionCode(Rest.substr(NameEnd)))
        VersionMacros[Rest.take_front(NameEnd)] = Rest.substr(NameEnd).trim().str();
    }
    Lines.push_back(L);
    GroupOfLine.push_back(Group);
    Depth.push_back(Outer);
    Pos = L.End;
  }
}

std::string Conditionals::condition(const DirectiveLine &L) const {
  return expandVersionMacros(L.Rest, [&](llvm::StringRef Name) -> std::optional<std::string> {
    auto It = VersionMacros.find(Name);
    if (It == VersionMacros.end())
      return std::nullopt;
    return It->second;
  });
}

std::optional<std::string> Conditionals::cutsGroup(size_t Begin, size_t End) const {
  std::vector<unsigned> Covered(Groups.size(), 0);
  for (size_t I = 0; I < Lines.size(); ++I) {
    const DirectiveLine &L = Lines[I];
    bool Inside = Begin <= L.Begin && L.End <= End && Begin < End;
    bool Touches = Begin == End ? (L.Begin < Begin && Begin < L.End)
                                : (L.Begin < End && Begin < L.End);
    // (An edit inside a #define body is an edit of the macro.)
    bool Conditional = L.opens() || L.continues() || L.Kind == DirectiveLine::Endif;
    if (Touches && !Inside && Conditional)
      return "it covers part of the preprocessor line " +
             std::to_string(lineNumber(Text, L.Begin)) + " ('" +
             Text.slice(L.Begin, L.End).rtrim().str() + "')";
    if (Inside && GroupOfLine[I] != None)
      ++Covered[GroupOfLine[I]];
  }
  for (size_t G = 0; G < Groups.size(); ++G) {
    size_t All = Groups[G].Branches.size() + (Groups[G].EndIf != None);
    if (Covered[G] != 0 && Covered[G] != All)
      return "it covers part of the #if group at line " +
             std::to_string(lineNumber(Text, Lines[Groups[G].Branches.front()].Begin)) +
             " (some of its #if/#elif/#else/#endif lines and not the others)";
  }
  return std::nullopt;
}

bool Conditionals::hasDirectiveIn(size_t Begin, size_t End) const {
  return llvm::any_of(Lines, [&](const DirectiveLine &L) {
    return L.Begin < End && Begin < L.End;
  });
}

std::pair<size_t, size_t> Conditionals::bodyOf(size_t Group, size_t Branch) const {
  const ConditionalGroup &G = Groups[Group];
  size_t Next = Branch + 1 < G.Branches.size() ? G.Branches[Branch + 1] : G.EndIf;
  size_t From = Lines[G.Branches[Branch]].End;
  size_t To = Next == None ? Text.size() : Lines[Next].Begin;
  return {From, To};
}

std::optional<std::pair<size_t, size_t>> Conditionals::branchAt(size_t Offset) const {
  std::optional<std::pair<size_t, size_t>> Best;
  size_t BestSize = None;
  for (size_t G = 0; G < Groups.size(); ++G) {
    if (Groups[G].EndIf == None)
      continue;
    for (size_t B = 0; B < Groups[G].Branches.size(); ++B) {
      auto [From, To] = bodyOf(G, B);
      if (From <= Offset && Offset < To && To - From < BestSize) {
        Best = {G, B};
        BestSize = To - From;
      }
    }
  }
  return Best;
}

bool Conditionals::testsVersion(size_t Group) const {
  return llvm::any_of(Groups[Group].Branches, [&](size_t I) {
    return Lines[I].hasCondition() && mentionsVersionCode(condition(Lines[I]));
  });
}

VersionRange Conditionals::branchRange(size_t Group, size_t Branch) const {
  VersionRange R;
  const ConditionalGroup &G = Groups[Group];
  for (size_t B = 0; B <= Branch; ++B) {
    const DirectiveLine &L = Lines[G.Branches[B]];
    if (L.hasCondition())
      R = intersect(R, parseVersionCondition(condition(L), B < Branch));
  }
  return R;
}

VersionRange Conditionals::rangeAt(size_t Offset) const {
  VersionRange R;
  for (size_t G = 0; G < Groups.size(); ++G) {
    if (Groups[G].EndIf == None)
      continue;
    for (size_t B = 0; B < Groups[G].Branches.size(); ++B) {
      auto [From, To] = bodyOf(G, B);
      if (From <= Offset && Offset < To)
        R = intersect(R, branchRange(G, B));
    }
  }
  return R;
}

size_t Conditionals::includeGuard() const {
  // `#ifndef X` / `#define X` first, its #endif last, nothing outside.
  if (Groups.empty() || Lines.size() < 3 || Lines[0].Kind != DirectiveLine::Ifndef ||
      Groups[0].EndIf != Lines.size() - 1 || Groups[0].Branches.size() != 1)
    return None;
  llvm::StringRef Name = Lines[0].Rest;
  llvm::StringRef Define = Text.slice(Lines[1].NameBegin, Lines[1].NameEnd);
  if (Define != "define" || !Lines[1].Rest.starts_with(Name))
    return None;
  auto OnlyComments = [&](size_t From, size_t To) {
    llvm::StringRef Outside = Text.slice(From, To);
    std::string Kept;
    bool InComment = false;
    for (size_t I = 0; I < Outside.size(); ++I) {
      if (InComment) {
        if (Outside.substr(I).starts_with("*/")) {
          InComment = false;
          ++I;
        }
        continue;
      }
      if (Outside.substr(I).starts_with("/*")) {
        InComment = true;
        ++I;
      } else if (Outside.substr(I).starts_with("//")) {
        size_t NL = Outside.find('\n', I);
        I = NL == llvm::StringRef::npos ? Outside.size() : NL;
      } else if (!isBlank(Outside[I]) && Outside[I] != '\n') {
        return false;
      }
    }
    return true;
  };
  if (!OnlyComments(0, Lines[0].Begin) || !OnlyComments(Lines.back().End, Text.size()))
    return None;
  return 0;
}

bool Conditionals::atTop(size_t Line) const {
  if (Depth[Line] == 0)
    return GroupOfLine[Line] == None || GroupOfLine[Line] != includeGuard();
  return Depth[Line] == 1 && includeGuard() == 0 &&
         Groups[0].Branches.front() < Line && Line < Groups[0].EndIf &&
         [&] {
           // Directly inside the guard: no other group around the line.
           for (size_t G = 1; G < Groups.size(); ++G) {
             size_t EndIf = Groups[G].EndIf == None ? Lines.size() : Groups[G].EndIf;
             if (Groups[G].Branches.front() < Line && Line < EndIf)
               return false;
           }
           return true;
         }();
}

bool Conditionals::includesAtTop(llvm::StringRef Header, size_t Before) const {
  for (size_t I = 0; I < Lines.size() && Lines[I].Begin < Before; ++I) {
    const DirectiveLine &L = Lines[I];
    if (L.Kind != DirectiveLine::Include || !atTop(I) || L.Rest.size() < 2)
      continue;
    llvm::StringRef Spelled = L.Rest.drop_front().take_until([](char C) {
      return C == '>' || C == '"';
    });
    if (Spelled == Header)
      return true;
  }
  return false;
}

bool Conditionals::testsVersionAtTop(size_t Before) const {
  for (size_t I = 0; I < Lines.size() && Lines[I].Begin < Before; ++I)
    if (Lines[I].Kind == DirectiveLine::If && atTop(I) &&
        mentionsVersionCode(condition(Lines[I])))
      return true;
  return false;
}

size_t Conditionals::includePoint(size_t Before, bool Angled) const {
  size_t Any = None, Kind = None;
  for (size_t I = 0; I < Lines.size() && Lines[I].Begin < Before; ++I) {
    const DirectiveLine &L = Lines[I];
    if (L.Kind != DirectiveLine::Include || !atTop(I))
      continue;
    Any = L.End;
    if (L.Rest.starts_with(Angled ? "<" : "\""))
      Kind = L.End;
  }
  if (Kind != None)
    return Kind;
  if (Any != None)
    return Any;
  // No include outside the groups: before the first line of the file that
  // is not a comment, a blank line or the include guard.
  size_t Guard = includeGuard();
  size_t SkipUntil = Guard == None ? 0 : Lines[1].End;
  bool InComment = false;
  for (size_t Pos = 0; Pos < Text.size() && Pos < Before;) {
    size_t NL = Text.find('\n', Pos);
    size_t Next = NL == llvm::StringRef::npos ? Text.size() : NL + 1;
    bool StartsInComment = InComment;
    InComment = commentOpenAfter(Text, Pos, Next, InComment);
    llvm::StringRef Line = Text.slice(Pos, Next).trim();
    bool Significant = !StartsInComment && !Line.empty() && !Line.starts_with("/*") &&
                       !Line.starts_with("//") && !Line.starts_with("*");
    if (Pos >= SkipUntil && Significant)
      return Pos;
    Pos = Next;
  }
  return std::min(Before, SkipUntil);
}

//===----------------------------------------------------------------------===//

std::string resolveVersionTests(llvm::StringRef Text, VersionRange Where) {
  Conditionals C(Text);
  const auto &Lines = C.lines();
  std::string Out;
  size_t Pos = 0;
  for (size_t G = 0; G < C.groups().size(); ++G) {
    const ConditionalGroup &Group = C.groups()[G];
    if (Group.Parent != None)
      continue;
    if (Group.EndIf == None)
      return Text.str(); // not whole groups: nothing is decided
    Out += Text.slice(Pos, Lines[Group.Branches.front()].Begin);
    std::optional<size_t> Live;
    bool Unknown = false;
    for (size_t B = 0; B < Group.Branches.size() && !Live && !Unknown; ++B) {
      const DirectiveLine &L = Lines[Group.Branches[B]];
      Decided D = L.Kind == DirectiveLine::Else ? Decided::True
                  : L.hasCondition()            ? decideCondition(C.condition(L), Where)
                                                : Decided::Unknown;
      if (D == Decided::True)
        Live = B;
      else if (D == Decided::Unknown)
        Unknown = true;
    }
    auto Body = [&](size_t B) {
      auto [From, To] = C.bodyOf(G, B);
      return resolveVersionTests(Text.slice(From, To),
                                 intersect(Where, C.branchRange(G, B)));
    };
    if (Unknown) {
      for (size_t B = 0; B < Group.Branches.size(); ++B) {
        const DirectiveLine &L = Lines[Group.Branches[B]];
        Out += Text.slice(L.Begin, L.End);
        Out += Body(B);
      }
      Out += Text.slice(Lines[Group.EndIf].Begin, Lines[Group.EndIf].End);
    } else if (Live) {
      Out += Body(*Live);
    } // else no branch is taken on these kernels: the group goes
    Pos = Lines[Group.EndIf].End;
  }
  Out += Text.substr(Pos);
  return Out;
}

std::optional<unsigned> countListItems(llvm::StringRef Text) {
  size_t I = 0;
  while (I < Text.size() && (isBlank(Text[I]) || Text[I] == '\n'))
    ++I;
  if (I >= Text.size() || Text[I] != '(')
    return std::nullopt;
  int Depth = 0;
  unsigned Commas = 0;
  bool Any = false;
  bool LineStart = false;
  for (; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\n') {
      LineStart = true;
      continue;
    }
    if (isBlank(C))
      continue;
    if (LineStart && C == '#') { // a directive line: not part of the list
      I = logicalLineEnd(Text, I) - 1;
      continue;
    }
    LineStart = false;
    if (C == '/' && I + 1 < Text.size() && Text[I + 1] == '*') {
      size_t End = Text.find("*/", I + 2);
      if (End == llvm::StringRef::npos)
        return std::nullopt;
      I = End + 1;
      continue;
    }
    if (C == '/' && I + 1 < Text.size() && Text[I + 1] == '/') {
      size_t NL = Text.find('\n', I);
      I = NL == llvm::StringRef::npos ? Text.size() : NL - 1;
      continue;
    }
    if (C == '"' || C == '\'') {
      for (++I; I < Text.size() && Text[I] != C && Text[I] != '\n'; ++I)
        if (Text[I] == '\\')
          ++I;
      Any = true;
      continue;
    }
    if (C == '(' || C == '[' || C == '{') {
      if (Depth++ > 0)
        Any = true;
      continue;
    }
    if (C == ')' || C == ']' || C == '}') {
      if (--Depth == 0)
        return Any ? Commas + 1 : 0;
      continue;
    }
    if (C == ',' && Depth == 1) {
      ++Commas;
      continue;
    }
    Any = true;
  }
  return std::nullopt;
}

std::optional<unsigned> countItemsForNewKernels(llvm::StringRef Buffer, size_t LParen,
                                                size_t RParen) {
  Conditionals Directives(Buffer);
  const auto &Lines = Directives.lines();
  // The list with the groups it opens.
  size_t End = RParen + 1;
  for (const ConditionalGroup &G : Directives.groups()) {
    if (G.EndIf == None)
      return std::nullopt;
    size_t If = Lines[G.Branches.front()].Begin, EndIf = Lines[G.EndIf].Begin;
    if (If < LParen && LParen < EndIf && EndIf < RParen)
      return std::nullopt; // a group around the list's start closes inside
    if (LParen < If && If < RParen && EndIf > RParen)
      End = std::max(End, Lines[G.EndIf].End);
  }
  VersionRange NewKernels = Directives.rangeAt(LParen);
  NewKernels.AtLeast = std::max(NewKernels.AtLeast, FirstKernelWithoutVmas);
  if (NewKernels.AtLeast >= NewKernels.Below)
    return std::nullopt;
  std::string Resolved = resolveVersionTests(Buffer.slice(LParen, End), NewKernels);
  if (!Conditionals(Resolved).lines().empty())
    return std::nullopt;
  return countListItems(Resolved);
}

} // namespace gup
