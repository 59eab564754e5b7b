//===- VersionGuards.cpp - Code already written for one side of Linux 6.5 -===//
#include "VersionGuards.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;

namespace gup {

namespace {

/// \p Text without blanks, comments and line continuations.
std::string squeeze(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '/' && I + 1 < Text.size() && Text[I + 1] == '*') {
      size_t End = Text.find("*/", I + 2);
      I = End == llvm::StringRef::npos ? Text.size() : End + 1;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\\')
      continue;
    Out += C;
  }
  return Out;
}

/// Strips parentheses that enclose all of \p S.
llvm::StringRef stripParens(llvm::StringRef S) {
  while (S.size() >= 2 && S.front() == '(' && S.back() == ')') {
    int Depth = 0;
    bool Encloses = true;
    for (size_t I = 0; I < S.size(); ++I) {
      Depth += S[I] == '(' ? 1 : S[I] == ')' ? -1 : 0;
      if (Depth == 0 && I + 1 < S.size()) {
        Encloses = false;
        break;
      }
    }
    if (!Encloses)
      break;
    S = S.drop_front().drop_back();
  }
  return S;
}

/// Splits \p S at top-level occurrences of \p Op ("&&" or "||").
std::vector<llvm::StringRef> splitTop(llvm::StringRef S, llvm::StringRef Op) {
  std::vector<llvm::StringRef> Parts;
  int Depth = 0;
  size_t From = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    Depth += S[I] == '(' ? 1 : S[I] == ')' ? -1 : 0;
    if (Depth == 0 && S.substr(I).starts_with(Op)) {
      Parts.push_back(S.slice(From, I));
      From = I + Op.size();
      ++I;
    }
  }
  Parts.push_back(S.substr(From));
  return Parts;
}

/// KERNEL_VERSION(a,b,c) (squeezed) as a version code.
std::optional<unsigned> kernelVersion(llvm::StringRef S) {
  S = stripParens(S);
  if (!S.consume_front("KERNEL_VERSION(") || !S.consume_back(")"))
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 3> Parts;
  S.split(Parts, ',');
  if (Parts.size() != 3)
    return std::nullopt;
  unsigned V[3];
  for (int I = 0; I < 3; ++I)
    if (stripParens(Parts[I]).getAsInteger(0, V[I]))
      return std::nullopt;
  return (V[0] << 16) + (V[1] << 8) + std::min(V[2], 255u);
}

/// One comparison of LINUX_VERSION_CODE with KERNEL_VERSION(), as a range.
std::optional<VersionRange> comparison(llvm::StringRef S, bool Negate) {
  S = stripParens(S);
  if (S.consume_front("!")) {
    Negate = !Negate;
    S = stripParens(S);
  }
  static const char *const Ops[] = {">=", "<=", "==", "!=", ">", "<"};
  for (const char *Op : Ops) {
    size_t At = S.find(Op);
    if (At == llvm::StringRef::npos)
      continue;
    llvm::StringRef Left = stripParens(S.take_front(At));
    llvm::StringRef Right = stripParens(S.drop_front(At + strlen(Op)));
    std::string Relation = Op;
    std::optional<unsigned> K;
    if (Left == "LINUX_VERSION_CODE") {
      K = kernelVersion(Right);
    } else if (Right == "LINUX_VERSION_CODE") {
      K = kernelVersion(Left);
      // K op V  ==  V op' K
      if (Relation[0] == '<')
        Relation[0] = '>';
      else if (Relation[0] == '>')
        Relation[0] = '<';
    }
    if (!K)
      return std::nullopt;
    if (Negate) {
      if (Relation == ">=") Relation = "<";
      else if (Relation == ">") Relation = "<=";
      else if (Relation == "<=") Relation = ">";
      else if (Relation == "<") Relation = ">=";
      else if (Relation == "==") Relation = "!=";
      else Relation = "==";
    }
    VersionRange R;
    if (Relation == ">=")
      R.AtLeast = *K;
    else if (Relation == ">")
      R.AtLeast = *K + 1;
    else if (Relation == "<")
      R.Below = *K;
    else if (Relation == "<=")
      R.Below = *K + 1;
    else if (Relation == "==") {
      R.AtLeast = *K;
      R.Below = *K + 1;
    } // != constrains no interval
    return R;
  }
  return std::nullopt;
}

VersionRange intersect(VersionRange A, VersionRange B) {
  A.AtLeast = std::max(A.AtLeast, B.AtLeast);
  A.Below = std::min(A.Below, B.Below);
  return A;
}

} // namespace

VersionRange parseVersionCondition(llvm::StringRef Text, bool Negate) {
  std::string Squeezed = squeeze(Text);
  llvm::StringRef S = stripParens(Squeezed);
  VersionRange All;
  if (!Negate) {
    // A && B: both hold, so the range is the intersection of what we know.
    VersionRange R;
    for (llvm::StringRef Part : splitTop(S, "&&")) {
      if (splitTop(Part, "||").size() > 1)
        continue;
      if (std::optional<VersionRange> C = comparison(Part, false))
        R = intersect(R, *C);
    }
    return R;
  }
  // !(A || B) == !A && !B; !(A && B) is a union: only one comparison is read.
  if (splitTop(S, "&&").size() > 1)
    return All;
  VersionRange R;
  for (llvm::StringRef Part : splitTop(S, "||"))
    if (std::optional<VersionRange> C = comparison(Part, true))
      R = intersect(R, *C);
  return R;
}

class VersionGuardRecorder : public PPCallbacks {
public:
  explicit VersionGuardRecorder(VersionGuards &Owner) : Owner(Owner) {}

  void If(SourceLocation Loc, SourceRange Condition, ConditionValueKind) override {
    open(Loc, Condition, true);
  }
  void Ifdef(SourceLocation Loc, const Token &, const MacroDefinition &) override {
    open(Loc, {}, false);
  }
  void Ifndef(SourceLocation Loc, const Token &, const MacroDefinition &) override {
    open(Loc, {}, false);
  }
  void Elif(SourceLocation Loc, SourceRange Condition, ConditionValueKind,
            SourceLocation) override {
    add(Loc, Condition, true);
  }
  void Elifdef(SourceLocation Loc, const Token &, const MacroDefinition &) override {
    add(Loc, {}, false);
  }
  void Elifdef(SourceLocation Loc, SourceRange, SourceLocation) override {
    add(Loc, {}, false);
  }
  void Elifndef(SourceLocation Loc, const Token &, const MacroDefinition &) override {
    add(Loc, {}, false);
  }
  void Elifndef(SourceLocation Loc, SourceRange, SourceLocation) override {
    add(Loc, {}, false);
  }
  void Else(SourceLocation Loc, SourceLocation) override { add(Loc, {}, false); }
  void Endif(SourceLocation Loc, SourceLocation) override {
    if (Owner.Open.empty())
      return;
    Owner.Chains[Owner.Open.back()].End = Loc;
    Owner.Open.pop_back();
  }

private:
  void open(SourceLocation Loc, SourceRange Condition, bool Known) {
    Owner.Open.push_back(Owner.Chains.size());
    Owner.Chains.emplace_back();
    add(Loc, Condition, Known);
  }
  void add(SourceLocation Loc, SourceRange Condition, bool Known) {
    if (Owner.Open.empty())
      return;
    Owner.Chains[Owner.Open.back()].Branches.push_back({Loc, Condition, Known});
  }
  VersionGuards &Owner;
};

std::unique_ptr<PPCallbacks> VersionGuards::callbacks() {
  return std::make_unique<VersionGuardRecorder>(*this);
}

VersionRange VersionGuards::rangeAt(FileID File, unsigned Offset,
                                    const SourceManager &SM,
                                    const LangOptions &LO) const {
  VersionRange R;
  auto Text = [&](const Branch &B) {
    return Lexer::getSourceText(CharSourceRange::getTokenRange(B.Condition), SM, LO);
  };
  // Each chain is looked at once (queries come after parsing, when every
  // chain has all its branches): only those with a version test can narrow
  // the range.
  for (; ChainsLookedAt < Chains.size(); ++ChainsLookedAt) {
    const Chain &C = Chains[ChainsLookedAt];
    for (const Branch &B : C.Branches)
      if (B.Known && (parseVersionCondition(Text(B), false).known() ||
                      parseVersionCondition(Text(B), true).known())) {
        VersionChains.push_back(ChainsLookedAt);
        break;
      }
  }
  for (size_t Index : VersionChains) {
    const Chain &C = Chains[Index];
    if (C.Branches.empty() || C.End.isInvalid())
      continue;
    auto [IfFile, IfOffset] = SM.getDecomposedLoc(C.Branches.front().Directive);
    auto [EndFile, EndOffset] = SM.getDecomposedLoc(C.End);
    if (IfFile != File || EndFile != File || Offset <= IfOffset || Offset >= EndOffset)
      continue;
    size_t In = 0;
    for (size_t I = 0; I < C.Branches.size(); ++I)
      if (SM.getFileOffset(C.Branches[I].Directive) < Offset)
        In = I;
    // Branch In is compiled when every earlier condition is false and its
    // own is true.
    for (size_t I = 0; I < In; ++I)
      if (C.Branches[I].Known)
        R = intersect(R, parseVersionCondition(Text(C.Branches[I]), true));
    if (C.Branches[In].Known)
      R = intersect(R, parseVersionCondition(Text(C.Branches[In]), false));
  }
  return R;
}

bool VersionGuards::oldKernelsOnly(SourceLocation Loc, const SourceManager &SM,
                                   const LangOptions &LO) const {
  if (Chains.empty() || Loc.isInvalid())
    return false;
  // Where the code is used, and where it is written (a macro defined in an
  // old-kernels branch is old code wherever it expands).
  for (SourceLocation At : {SM.getExpansionLoc(Loc), SM.getSpellingLoc(Loc)}) {
    auto [File, Offset] = SM.getDecomposedLoc(At);
    if (rangeAt(File, Offset, SM, LO).Below <= FirstKernelWithoutVmas)
      return true;
  }
  return false;
}

} // namespace gup
