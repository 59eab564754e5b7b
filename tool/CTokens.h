//===- CTokens.h - C identifiers and #includes of a file, without parsing -===//
//
// The prefilter decides from text which TUs can contain a site, and the
// driver names the files no TU read that name the family (a warning and the
// coverage report). Both need
// the same thing: C identifiers outside comments, string and character
// literals and pp-numbers, with the #define each one is in. One lexer, so
// the two can never disagree on what "names the family" means.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_CTOKENS_H
#define GUP_TOOL_CTOKENS_H

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <fcntl.h>
#include <string>
#include <vector>
#include <sys/stat.h>
#include <unistd.h>
#include <optional>

namespace gup {

inline bool isIdentStart(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_';
}
inline bool isIdentChar(char C) {
  return isIdentStart(C) || (C >= '0' && C <= '9');
}

/// Reads the file at \p Path into \p Out, reusing its storage: for tens of
/// thousands of small files, a map or an allocation per file costs more
/// than the read. False when the file cannot be opened.
inline bool readWholeFile(const std::string &Path, std::string &Out) {
  int FD = ::open(Path.c_str(), O_RDONLY | O_CLOEXEC);
  if (FD < 0)
    return false;
  struct stat St;
  bool Ok = fstat(FD, &St) == 0;
  if (Ok) {
    Out.resize(St.st_size);
    size_t Done = 0;
    while (Done < Out.size()) {
      ssize_t N = ::read(FD, Out.data() + Done, Out.size() - Done);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        break;
      Done += N;
    }
    Out.resize(Done);
  }
  ::close(FD);
  return Ok;
}

/// Lexes \p Text as C, outside comments, string and character literals
/// and pp-numbers: each #include's spelling goes to \p OnInclude; each
/// identifier to \p OnIdent with the name of the #define whose body it is
/// in (empty outside one). OnIdent returns false to stop early.
template <typename IncludeFn, typename IdentFn>
inline void lexCTokens(llvm::StringRef Text, IncludeFn OnInclude, IdentFn OnIdent) {
  size_t I = 0, N = Text.size();
  bool LineStart = true;
  llvm::StringRef Macro; // the #define being read
  auto EndOfLine = [&](size_t At) {
    // A backslash before the newline continues the logical line.
    size_t J = At;
    while (J > 0 && Text[J - 1] == '\r')
      --J;
    return !(J > 0 && Text[J - 1] == '\\');
  };
  auto SkipBlanks = [&] {
    while (I < N && (Text[I] == ' ' || Text[I] == '\t'))
      ++I;
  };
  while (I < N) {
    char C = Text[I];
    if (C == '\n') {
      if (EndOfLine(I)) {
        LineStart = true;
        Macro = {};
      }
      ++I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v') {
      ++I;
      continue;
    }
    if (C == '/' && I + 1 < N && Text[I + 1] == '/') {
      while (I < N && !(Text[I] == '\n' && EndOfLine(I)))
        ++I;
      continue;
    }
    if (C == '/' && I + 1 < N && Text[I + 1] == '*') {
      size_t End = Text.find("*/", I + 2);
      I = End == llvm::StringRef::npos ? N : End + 2;
      continue;
    }
    bool WasLineStart = LineStart;
    LineStart = false;
    if (C == '#' && WasLineStart) {
      ++I;
      SkipBlanks();
      size_t Start = I;
      while (I < N && isIdentChar(Text[I]))
        ++I;
      llvm::StringRef Directive = Text.slice(Start, I);
      if (Directive == "include" || Directive == "include_next" ||
          Directive == "import") {
        SkipBlanks();
        if (I < N && (Text[I] == '<' || Text[I] == '"')) {
          char Close = Text[I] == '<' ? '>' : '"';
          size_t From = ++I;
          while (I < N && Text[I] != Close && Text[I] != '\n')
            ++I;
          if (I < N && Text[I] == Close)
            OnInclude(Text.slice(From, I++), Close == '>');
        }
        // A computed include (#include MACRO) is left to its tokens.
      } else if (Directive == "define") {
        SkipBlanks();
        size_t NameStart = I;
        while (I < N && isIdentChar(Text[I]))
          ++I;
        Macro = Text.slice(NameStart, I);
        if (!Macro.empty() && !OnIdent(Macro, llvm::StringRef()))
          return;
      }
      continue;
    }
    if (C == '"' || C == '\'') {
      ++I;
      while (I < N && Text[I] != C && Text[I] != '\n')
        I += Text[I] == '\\' ? 2 : 1;
      // An unterminated literal (an apostrophe in #error text) ends with
      // its line, which must still end the directive it is in.
      if (I < N && Text[I] == C)
        ++I;
      continue;
    }
    if (C >= '0' && C <= '9') {
      // A pp-number (0x1fULL, 1e+5) holds no identifier.
      while (I < N && (isIdentChar(Text[I]) || Text[I] == '.' ||
                       ((Text[I] == '+' || Text[I] == '-') &&
                        (Text[I - 1] == 'e' || Text[I - 1] == 'E' ||
                         Text[I - 1] == 'p' || Text[I - 1] == 'P'))))
        ++I;
      continue;
    }
    if (isIdentStart(C)) {
      size_t Start = I;
      while (I < N && isIdentChar(Text[I]))
        ++I;
      if (!OnIdent(Text.slice(Start, I), Macro))
        return;
      continue;
    }
    ++I;
  }
}

/// The number of top-level items of the parenthesised list that follows
/// \p Pos in \p Text (blanks and comments may come first): 2 for
/// "(a, f(b, c))", 0 for "()". std::nullopt when no '(' follows, the list
/// does not end, or a preprocessor line is inside it (its items then
/// depend on the configuration).
inline std::optional<unsigned> listItemsAfter(llvm::StringRef Text, size_t Pos) {
  size_t I = Pos, N = Text.size();
  auto SkipComment = [&] {
    if (I + 1 < N && Text[I] == '/' && Text[I + 1] == '*') {
      size_t End = Text.find("*/", I + 2);
      I = End == llvm::StringRef::npos ? N : End + 2;
      return true;
    }
    if (I + 1 < N && Text[I] == '/' && Text[I + 1] == '/') {
      while (I < N && Text[I] != '\n')
        ++I;
      return true;
    }
    return false;
  };
  while (I < N) {
    if (Text[I] == ' ' || Text[I] == '\t' || Text[I] == '\n' || Text[I] == '\r' ||
        Text[I] == '\\')
      ++I;
    else if (!SkipComment())
      break;
  }
  if (I >= N || Text[I] != '(')
    return std::nullopt;
  unsigned Depth = 0, Commas = 0;
  bool Empty = true, LineStart = false;
  for (; I < N; ++I) {
    char C = Text[I];
    if (C == '\n') {
      LineStart = !(I > 0 && Text[I - 1] == '\\');
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\r' || C == '\\')
      continue;
    if (SkipComment()) {
      --I;
      continue;
    }
    if (C == '#' && LineStart)
      return std::nullopt;
    LineStart = false;
    if (C == '"' || C == '\'') {
      for (++I; I < N && Text[I] != C && Text[I] != '\n'; ++I)
        I += Text[I] == '\\';
      Empty = false;
      continue;
    }
    if (C == '(' || C == '[' || C == '{') {
      if (Depth++ > 0)
        Empty = false;
    } else if (C == ')' || C == ']' || C == '}') {
      if (--Depth == 0)
        return Empty ? 0 : Commas + 1;
      Empty = false;
    } else {
      Empty = false;
      Commas += C == ',' && Depth == 1;
    }
  }
  return std::nullopt;
}

/// The interesting identifiers: a set with a cheap first test, since it
/// is asked about every identifier of the tree.
class NameSet {
public:
  bool insert(llvm::StringRef Name) {
    if (Name.empty() || !Names.insert(Name).second)
      return false;
    First[(unsigned char)Name[0]] = true;
    Lengths |= uint64_t(1) << std::min<size_t>(Name.size(), 63);
    // Needles: the names no other name is a part of. A text without any of
    // them as a substring names nothing of the set.
    Needles.clear();
    for (const auto &Entry : Names) {
      llvm::StringRef Candidate = Entry.getKey();
      bool Covered = false;
      for (const auto &Other : Names)
        if (Other.getKey() != Candidate && Candidate.contains(Other.getKey()))
          Covered = true;
      if (!Covered)
        Needles.push_back(Candidate.str());
    }
    // One Horspool pass for all needles (their first Window bytes): the
    // shift for the byte under the end of the window, and which bytes end
    // some needle's window at all.
    Window = Needles.front().size();
    for (const std::string &Needle : Needles)
      Window = std::min(Window, Needle.size());
    std::fill(std::begin(Shift), std::end(Shift), Window);
    std::fill(std::begin(EndsWindow), std::end(EndsWindow), false);
    for (const std::string &Needle : Needles) {
      for (size_t J = 0; J + 1 < Window; ++J)
        Shift[(unsigned char)Needle[J]] =
            std::min(Shift[(unsigned char)Needle[J]], Window - 1 - J);
      EndsWindow[(unsigned char)Needle[Window - 1]] = true;
    }
    return true;
  }
  /// False when \p Text cannot name anything of the set (a quick test: one
  /// pass over the text, skipping most of it for names this long).
  bool mayOccurIn(llvm::StringRef Text) const {
    if (Needles.empty())
      return false;
    for (size_t Pos = 0; Pos + Window <= Text.size();
         Pos += Shift[(unsigned char)Text[Pos + Window - 1]]) {
      if (!EndsWindow[(unsigned char)Text[Pos + Window - 1]])
        continue;
      llvm::StringRef Rest = Text.drop_front(Pos);
      for (const std::string &Needle : Needles)
        if (Rest.starts_with(Needle))
          return true;
    }
    return false;
  }
  bool contains(llvm::StringRef Word) const {
    return (Lengths >> std::min<size_t>(Word.size(), 63) & 1) &&
           First[(unsigned char)Word[0]] && Names.count(Word);
  }
  size_t size() const { return Names.size(); }
  /// The same for the same names, in any order and in any run.
  uint64_t digest() const {
    std::vector<llvm::StringRef> Sorted;
    for (const auto &Entry : Names)
      Sorted.push_back(Entry.getKey());
    llvm::sort(Sorted);
    std::string All;
    for (llvm::StringRef Name : Sorted)
      (All += Name) += '\n';
    return llvm::xxh3_64bits(All);
  }

private:
  llvm::StringSet<> Names;
  std::vector<std::string> Needles;
  size_t Window = 0;
  size_t Shift[256] = {};
  bool EndsWindow[256] = {};
  bool First[256] = {};
  uint64_t Lengths = 0;
};

} // namespace gup

#endif
