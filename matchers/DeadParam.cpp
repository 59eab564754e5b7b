//===- DeadParam.cpp - Fold conditions on a parameter that is now NULL ----===//
#include "DeadParam.h"

#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/TokenKinds.h"
#include "clang/Lex/Lexer.h"

#include "llvm/ADT/STLExtras.h"

#include <optional>
#include <vector>

using namespace clang;

namespace gup {
namespace {

struct Tok {
  tok::TokenKind Kind;
  llvm::StringRef Text;
  unsigned Begin, End;
};

std::vector<Tok> lexText(llvm::StringRef Original, const LangOptions &LO) {
  std::vector<Tok> Toks;
  // The raw lexer reads one character past the end: give it a terminator.
  std::string Owned = Original.str();
  llvm::StringRef Text = Original;
  Lexer Lex(SourceLocation(), LO, Owned.c_str(), Owned.c_str(),
            Owned.c_str() + Owned.size());
  Token T;
  while (true) {
    Lex.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    unsigned Begin = T.getLocation().getRawEncoding();
    // Raw lexing from a null location: the encoding is the offset.
    Toks.push_back({T.getKind(), Text.substr(Begin, T.getLength()), Begin,
                    Begin + T.getLength()});
  }
  return Toks;
}

/// A folded operand: its truth (when constant) and its span.
struct Value {
  std::optional<bool> Constant;
  unsigned Begin, End;       // span in the text
  bool MentionsParam = false;
};

/// Macros whose value is their (only) argument's truth.
bool isTransparentWrapper(llvm::StringRef Name) {
  return llvm::is_contained({"likely", "unlikely", "WARN_ON", "WARN_ON_ONCE",
                             "VM_WARN_ON", "VM_WARN_ON_ONCE"},
                            Name);
}

class Folder {
public:
  Folder(const std::vector<Tok> &Toks, llvm::StringRef Param)
      : Toks(Toks), Param(Param) {}

  std::optional<Value> parse() {
    std::optional<Value> V = parseOr();
    if (V && Pos != Toks.size())
      return fail("unexpected '" + Toks[Pos].Text.str() + "'");
    return V;
  }

  llvm::SmallVector<std::pair<unsigned, unsigned>, 4> Deletions;
  std::string Why;

private:
  const std::vector<Tok> &Toks;
  llvm::StringRef Param;
  size_t Pos = 0;

  std::optional<Value> fail(const std::string &W) {
    if (Why.empty())
      Why = W;
    return std::nullopt;
  }
  bool at(tok::TokenKind K) const { return Pos < Toks.size() && Toks[Pos].Kind == K; }
  bool isParam(size_t I) const {
    return I < Toks.size() && Toks[I].Kind == tok::raw_identifier &&
           Toks[I].Text == Param;
  }

  /// A chain `a OP b OP c` where a constant equal to \p Absorbing decides
  /// the whole chain and the other constant is dropped.
  std::optional<Value> parseChain(tok::TokenKind Op, bool Absorbing,
                                  std::optional<Value> (Folder::*Next)()) {
    std::vector<Value> Items;
    std::vector<unsigned> OpBegins;
    std::optional<Value> First = (this->*Next)();
    if (!First)
      return std::nullopt;
    Items.push_back(*First);
    while (at(Op)) {
      OpBegins.push_back(Toks[Pos].Begin);
      ++Pos;
      std::optional<Value> Item = (this->*Next)();
      if (!Item)
        return std::nullopt;
      Items.push_back(*Item);
    }
    Value Result{std::nullopt, Items.front().Begin, Items.back().End, false};
    for (const Value &V : Items)
      Result.MentionsParam |= V.MentionsParam;
    if (Items.size() == 1)
      return Items.front();
    for (const Value &V : Items)
      if (V.Constant && *V.Constant == Absorbing) {
        Result.Constant = Absorbing;
        return Result;
      }
    std::vector<size_t> Kept;
    for (size_t I = 0; I < Items.size(); ++I)
      if (!Items[I].Constant)
        Kept.push_back(I);
    if (Kept.empty()) {
      Result.Constant = !Absorbing;
      return Result;
    }
    // Delete each dropped operand with the operator that joins it to a
    // kept neighbour: the one before it, or for a leading run, after it.
    for (size_t I = 0; I < Items.size(); ++I) {
      if (!Items[I].Constant)
        continue;
      if (I > 0 && I - 1 >= Kept.front()) {
        // There is a kept operand before: remove from the end of the
        // previous operand (kept or dropped) to the end of this one.
        Deletions.push_back({Items[I - 1].End, Items[I].End - Items[I - 1].End});
      } else {
        // Leading run: remove this operand up to the start of the next.
        Deletions.push_back({Items[I].Begin, Items[I + 1].Begin - Items[I].Begin});
      }
    }
    return Result;
  }

  std::optional<Value> parseOr() {
    return parseChain(tok::pipepipe, true, &Folder::parseAnd);
  }
  std::optional<Value> parseAnd() {
    return parseChain(tok::ampamp, false, &Folder::parseUnary);
  }

  std::optional<Value> parseUnary() {
    if (at(tok::exclaim)) {
      unsigned Begin = Toks[Pos].Begin;
      ++Pos;
      std::optional<Value> Inner = parseUnary();
      if (!Inner)
        return std::nullopt;
      Value V = *Inner;
      V.Begin = Begin;
      if (V.Constant)
        V.Constant = !*V.Constant;
      else if (V.MentionsParam)
        return fail("'!' applied to a partly folded condition");
      return V;
    }
    return parsePrimary();
  }

  std::optional<Value> parsePrimary() {
    if (Pos >= Toks.size())
      return fail("the condition ends early");
    // ( expr ): a folded constant inside keeps the parentheses' span.
    if (at(tok::l_paren)) {
      unsigned Begin = Toks[Pos].Begin;
      size_t Save = Pos;
      ++Pos;
      size_t DeletionsBefore = Deletions.size();
      std::optional<Value> Inner = parseOr();
      if (Inner && at(tok::r_paren)) {
        Value V = *Inner;
        V.Begin = Begin;
        V.End = Toks[Pos].End;
        ++Pos;
        if (V.Constant)
          Deletions.resize(DeletionsBefore); // the whole group goes
        return V;
      }
      // Not a boolean group (e.g. `(flags & X) == Y`): an opaque atom.
      Pos = Save;
      Deletions.resize(DeletionsBefore);
      Why.clear();
    }
    // likely(x), unlikely(x) and the WARN_ON family (they evaluate to their
    // condition) keep their wrapper around what remains.
    if (at(tok::raw_identifier) && isTransparentWrapper(Toks[Pos].Text) &&
        Pos + 1 < Toks.size() && Toks[Pos + 1].Kind == tok::l_paren) {
      unsigned Begin = Toks[Pos].Begin;
      size_t Save = Pos;
      Pos += 2;
      size_t DeletionsBefore = Deletions.size();
      std::optional<Value> Inner = parseOr();
      if (Inner && at(tok::r_paren)) {
        Value V = *Inner;
        V.Begin = Begin;
        V.End = Toks[Pos].End;
        ++Pos;
        if (V.Constant)
          Deletions.resize(DeletionsBefore);
        return V;
      }
      Pos = Save;
      Deletions.resize(DeletionsBefore);
      Why.clear();
    }
    return parseAtom();
  }

  /// Everything up to the next top-level && || ) or the end.
  std::optional<Value> parseAtom() {
    size_t Start = Pos;
    int Depth = 0;
    while (Pos < Toks.size()) {
      tok::TokenKind K = Toks[Pos].Kind;
      if (Depth == 0 && (K == tok::ampamp || K == tok::pipepipe ||
                         K == tok::r_paren))
        break;
      if (Depth == 0 && (K == tok::question || K == tok::equal))
        return fail("the condition contains '" + Toks[Pos].Text.str() + "'");
      if (K == tok::l_paren || K == tok::l_square)
        ++Depth;
      else if (K == tok::r_paren || K == tok::r_square)
        --Depth;
      ++Pos;
    }
    if (Pos == Start)
      return fail("an empty operand");
    Value V{std::nullopt, Toks[Start].Begin, Toks[Pos - 1].End, false};
    size_t N = Pos - Start;
    bool Mentions = false;
    for (size_t I = Start; I < Pos; ++I)
      Mentions |= isParam(I);
    V.MentionsParam = Mentions;
    if (!Mentions)
      return V;
    auto IsNull = [&](size_t I) {
      return Toks[I].Text == "NULL" || Toks[I].Text == "0";
    };
    if (N == 1) {
      V.Constant = false; // P
      return V;
    }
    if (N == 3 && (Toks[Start + 1].Kind == tok::equalequal ||
                   Toks[Start + 1].Kind == tok::exclaimequal)) {
      bool Eq = Toks[Start + 1].Kind == tok::equalequal;
      if ((isParam(Start) && IsNull(Start + 2)) ||
          (IsNull(Start) && isParam(Start + 2))) {
        V.Constant = Eq;
        return V;
      }
    }
    std::string Text;
    for (size_t I = Start; I < Pos; ++I)
      Text += (I > Start ? " " : "") + Toks[I].Text.str();
    return fail("'" + Text + "' uses the parameter in a way that cannot be "
                "folded");
  }
};

} // namespace

bool mentionsIdentifier(llvm::StringRef Text, llvm::StringRef Param,
                        const LangOptions &LO) {
  for (const Tok &T : lexText(Text, LO))
    if (T.Kind == tok::raw_identifier && T.Text == Param)
      return true;
  return false;
}

FoldedCondition foldCondition(llvm::StringRef Text, llvm::StringRef Param,
                              const LangOptions &LO) {
  FoldedCondition Out;
  std::vector<Tok> Toks = lexText(Text, LO);
  bool Mentions = false;
  for (const Tok &T : Toks)
    Mentions |= T.Kind == tok::raw_identifier && T.Text == Param;
  if (!Mentions)
    return Out;
  Folder F(Toks, Param);
  std::optional<Value> V = F.parse();
  if (!V) {
    Out.Kind = FoldedCondition::Result::Unsupported;
    Out.Why = F.Why;
    return Out;
  }
  if (V->Constant) {
    Out.Kind = *V->Constant ? FoldedCondition::Result::True
                            : FoldedCondition::Result::False;
    return Out;
  }
  Out.Kind = FoldedCondition::Result::Simplified;
  Out.Deletions = F.Deletions;
  return Out;
}

std::string applyDeletions(llvm::StringRef Text,
                           llvm::ArrayRef<std::pair<unsigned, unsigned>> Deletions) {
  std::vector<std::pair<unsigned, unsigned>> Sorted(Deletions.begin(), Deletions.end());
  std::sort(Sorted.begin(), Sorted.end());
  std::string Out;
  unsigned Cursor = 0;
  for (auto [Begin, Length] : Sorted) {
    if (Begin < Cursor)
      continue;
    Out += Text.slice(Cursor, Begin).str();
    Cursor = Begin + Length;
  }
  Out += Text.substr(Cursor).str();
  return Out;
}

} // namespace gup
