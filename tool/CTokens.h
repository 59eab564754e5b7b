//===- CTokens.h - C identifiers and #includes of a file, without parsing -===//
//
// The prefilter decides from text which TUs can contain a site, and the
// coverage report lists files no TU read that name the family. Both need
// the same thing: C identifiers outside comments, string and character
// literals and pp-numbers, with the #define each one is in. One lexer, so
// the two can never disagree on what "names the family" means.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_CTOKENS_H
#define GUP_TOOL_CTOKENS_H

#include "llvm/ADT/StringRef.h"

#include <cstddef>

namespace gup {

inline bool isIdentStart(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_';
}
inline bool isIdentChar(char C) {
  return isIdentStart(C) || (C >= '0' && C <= '9');
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

} // namespace gup

#endif
