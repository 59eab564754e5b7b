//===- VersionGuards.cpp - Code already written for one side of Linux 6.5 -===//
#include "VersionGuards.h"

#include "Conditionals.h"
#include "MigrationSpec.h"
#include "SourceText.h"
#include "rules/spec/SpecRules.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"

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

/// KERNEL_VERSION(a,b,c) (squeezed), or a version code written as a
/// number (0x060500), as a version code.
std::optional<unsigned> kernelVersion(llvm::StringRef S) {
  S = stripParens(S);
  llvm::StringRef Number = S.rtrim("uUlL");
  unsigned Code;
  if (!Number.empty() && isdigit(static_cast<unsigned char>(Number[0])) &&
      !Number.getAsInteger(0, Code))
    return Code;
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

std::optional<VersionRange> exactVersionCondition(llvm::StringRef Text) {
  std::string Squeezed = squeeze(Text);
  llvm::StringRef S = stripParens(Squeezed);
  if (S.empty())
    return std::nullopt;
  VersionRange R;
  for (llvm::StringRef Part : splitTop(S, "&&")) {
    if (splitTop(Part, "||").size() > 1 || Part.contains("!="))
      return std::nullopt;
    std::optional<VersionRange> C = comparison(Part, false);
    if (!C)
      return std::nullopt;
    R = intersect(R, *C);
  }
  return R;
}

Decided decideCondition(llvm::StringRef Text, VersionRange Where) {
  std::string Squeezed = squeeze(Text);
  llvm::StringRef S = stripParens(Squeezed);
  if (S == "0")
    return Decided::False;
  if (S == "1")
    return Decided::True;
  if (Where.AtLeast >= Where.Below)
    return Decided::Unknown;
  VersionRange Possible = parseVersionCondition(Text, false);
  if (std::max(Possible.AtLeast, Where.AtLeast) >= std::min(Possible.Below, Where.Below))
    return Decided::False;
  if (std::optional<VersionRange> Exact = exactVersionCondition(Text))
    if (Exact->AtLeast <= Where.AtLeast && Where.Below <= Exact->Below)
      return Decided::True;
  return Decided::Unknown;
}

bool mentionsVersionCode(llvm::StringRef Body) {
  return Body.contains("LINUX_VERSION_CODE");
}

static std::string
expandVersionMacros(llvm::StringRef Text,
                    llvm::function_ref<std::optional<std::string>(llvm::StringRef)> BodyOf,
                    unsigned Depth) {
  auto IsIdentChar = [](char C) { return isalnum(static_cast<unsigned char>(C)) || C == '_'; };
  std::string Out;
  bool AfterDefined = false;
  for (size_t I = 0; I < Text.size();) {
    char C = Text[I];
    if (isdigit(static_cast<unsigned char>(C))) { // a number, with its suffix
      size_t J = I;
      while (J < Text.size() && (IsIdentChar(Text[J]) || Text[J] == '.'))
        ++J;
      Out += Text.slice(I, J);
      I = J;
      continue;
    }
    if (!IsIdentChar(C)) {
      Out += C;
      if (C != '(' && C != ' ' && C != '\t')
        AfterDefined = false;
      ++I;
      continue;
    }
    size_t J = I;
    while (J < Text.size() && IsIdentChar(Text[J]))
      ++J;
    llvm::StringRef Name = Text.slice(I, J);
    I = J;
    std::optional<std::string> Body;
    if (!AfterDefined && Depth < 8 && Name != "LINUX_VERSION_CODE" &&
        Name != "KERNEL_VERSION" && Name != "defined")
      Body = BodyOf(Name);
    AfterDefined = Name == "defined";
    if (Body)
      Out += "(" + expandVersionMacros(*Body, BodyOf, Depth + 1) + ")";
    else
      Out += Name;
  }
  return Out;
}

std::string expandVersionMacros(
    llvm::StringRef Text,
    llvm::function_ref<std::optional<std::string>(llvm::StringRef)> BodyOf) {
  return expandVersionMacros(Text, BodyOf, 0);
}

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
  void Ifdef(SourceLocation Loc, const Token &Name, const MacroDefinition &MD) override {
    Pending = {nameOf(Name), definitionOf(MD), 1};
    open(Loc, {}, false);
  }
  void Defined(const Token &Name, const MacroDefinition &MD, SourceRange) override {
    // Read by the #if or #elif being evaluated (its callback comes next).
    Pending = {nameOf(Name), definitionOf(MD), Pending.Count + 1};
  }
  void MacroDefined(const Token &Name, const MacroDirective *MD) override {
    const MacroInfo *MI = MD ? MD->getMacroInfo() : nullptr;
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!MI || !II || !MI->isObjectLike())
      return;
    // Only the module's own spellings of a version test are kept.
    std::string Body;
    bool Interesting = false;
    for (const Token &T : MI->tokens()) {
      if (!Body.empty())
        Body += ' ';
      if (const IdentifierInfo *Id = T.getIdentifierInfo()) {
        Body += Id->getName();
        Interesting |= Id->getName() == "LINUX_VERSION_CODE" ||
                       Owner.VersionMacros.count(Id->getName());
      } else if (T.isLiteral() && T.getLiteralData()) {
        Body.append(T.getLiteralData(), T.getLength());
      } else if (const char *P = tok::getPunctuatorSpelling(T.getKind())) {
        Body += P;
      } else {
        return;
      }
    }
    if (Interesting)
      Owner.VersionMacros[II->getName()] = Body;
    else
      Owner.VersionMacros.erase(II->getName());
  }
  void MacroUndefined(const Token &Name, const MacroDefinition &,
                      const MacroDirective *) override {
    if (const IdentifierInfo *II = Name.getIdentifierInfo())
      Owner.VersionMacros.erase(II->getName());
  }
  void Ifndef(SourceLocation Loc, const Token &, const MacroDefinition &) override {
    open(Loc, {}, false);
  }
  void Elif(SourceLocation Loc, SourceRange Condition, ConditionValueKind,
            SourceLocation) override {
    add(Loc, Condition, true);
  }
  void Elifdef(SourceLocation Loc, const Token &Name, const MacroDefinition &MD) override {
    Pending = {nameOf(Name), definitionOf(MD), 1};
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
    // One `defined(M)` (or #ifdef M): M and where it is defined, for
    // branchRange().
    Tested One = Pending.Count == 1 ? Pending : Tested();
    Pending = {};
    if (Owner.Open.empty())
      return;
    Owner.Chains[Owner.Open.back()].Branches.push_back(
        {Loc, Condition, Known, One.Name, One.DefinedAt});
  }
  static SourceLocation definitionOf(const MacroDefinition &MD) {
    const MacroInfo *MI = MD.getMacroInfo();
    return MI ? MI->getDefinitionLoc() : SourceLocation();
  }
  static std::string nameOf(const Token &Name) {
    const IdentifierInfo *II = Name.getIdentifierInfo();
    return II ? II->getName().str() : "";
  }
  VersionGuards &Owner;
  /// The macros the `defined` operators of the directive being evaluated
  /// tested: the last one, and how many there were.
  struct Tested {
    std::string Name;
    SourceLocation DefinedAt;
    unsigned Count = 0;
  } Pending;
};

std::unique_ptr<PPCallbacks> VersionGuards::callbacks() {
  return std::make_unique<VersionGuardRecorder>(*this);
}

/// The offset of the only line of \p Buffer that defines \p Name, or
/// nullopt (none, or several: which one a kernel reads is not known).
static std::optional<size_t> onlyDefinition(llvm::StringRef Buffer, llvm::StringRef Name) {
  auto IsIdentChar = [](char C) { return isalnum(static_cast<unsigned char>(C)) || C == '_'; };
  std::optional<size_t> Found;
  for (size_t At = Buffer.find(Name); !Name.empty() && At != llvm::StringRef::npos;
       At = Buffer.find(Name, At + 1)) {
    size_t End = At + Name.size();
    if ((At > 0 && IsIdentChar(Buffer[At - 1])) ||
        (End < Buffer.size() && IsIdentChar(Buffer[End])))
      continue;
    // "#", "define" and blanks are all that precede it on its line.
    size_t LineStart = Buffer.rfind('\n', At);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    llvm::StringRef Before = Buffer.slice(LineStart, At).trim();
    if (!Before.consume_front("#") || Before.ltrim() != "define" ||
        Buffer.slice(LineStart, At).rtrim(" \t").size() == Buffer.slice(LineStart, At).size())
      continue;
    if (Found)
      return std::nullopt;
    Found = At;
  }
  return Found;
}

VersionRange VersionGuards::branchRange(const Branch &B, bool Negate,
                                        const SourceManager &SM,
                                        const LangOptions &LO, unsigned Depth) const {
  VersionRange R;
  std::string Text;
  if (B.Known) {
    Text = expandVersionMacros(
        Lexer::getSourceText(CharSourceRange::getTokenRange(B.Condition), SM, LO),
        [&](llvm::StringRef Name) -> std::optional<std::string> {
          auto It = VersionMacros.find(Name);
          if (It == VersionMacros.end())
            return std::nullopt;
          return It->second;
        });
    R = parseVersionCondition(Text, Negate);
  }
  // `#ifdef M` or `#if defined(M)`: compiled only where M's definition is,
  // when M is defined in one place.
  std::string Squeezed;
  for (char C : Text)
    if (C != ' ' && C != '\t' && C != '(' && C != ')')
      Squeezed += C;
  bool OnlyDefined = !B.Known || (llvm::StringRef(Squeezed).starts_with("defined") &&
                                  Squeezed.find_first_of("&|!<>=") == std::string::npos);
  if (Negate || !OnlyDefined || B.Macro.empty() || Depth >= 4)
    return R;
  // Where M is defined in this build, or, when it is not (its definition
  // is in a branch this build skips), the one #define of it in the file.
  if (auto Definition = macroDefinition(B, SM))
    R = intersect(R, rangeAt(Definition->first, Definition->second, SM, LO, Depth + 1));
  return R;
}

std::optional<std::pair<FileID, size_t>>
VersionGuards::macroDefinition(const Branch &B, const SourceManager &SM) const {
  SourceLocation At = B.DefinedAt.isValid() && B.DefinedAt.isFileID()
                          ? B.DefinedAt
                          : SM.getExpansionLoc(B.Directive);
  FileID File = SM.getFileID(At);
  if (std::optional<size_t> Offset = onlyDefinition(SM.getBufferData(File), B.Macro))
    return std::make_pair(File, *Offset);
  return std::nullopt;
}

bool VersionGuards::encloses(const Chain &C, FileID File, size_t Offset,
                             const SourceManager &SM) {
  if (C.Branches.empty() || C.End.isInvalid())
    return false;
  auto [IfFile, IfOffset] = SM.getDecomposedLoc(C.Branches.front().Directive);
  auto [EndFile, EndOffset] = SM.getDecomposedLoc(C.End);
  return IfFile == File && EndFile == File && IfOffset < Offset && Offset < EndOffset;
}

void VersionGuards::findVersionChains(const SourceManager &SM, const LangOptions &LO) const {
  // Queries come after parsing, when every chain has all its branches.
  if (ChainsLookedAt == Chains.size())
    return;
  ChainsLookedAt = Chains.size();
  VersionChains.clear();
  std::vector<bool> Narrows(Chains.size(), false);
  for (size_t I = 0; I < Chains.size(); ++I)
    for (const Branch &B : Chains[I].Branches)
      if (B.Known && (branchRange(B, false, SM, LO, /*Depth=*/4).known() ||
                      branchRange(B, true, SM, LO, /*Depth=*/4).known())) {
        Narrows[I] = true;
        break;
      }
  // `#ifdef M` narrows where M's #define is in a chain that narrows; the
  // rounds follow as many levels as branchRange() does.
  for (unsigned Round = 0; Round < 4 && llvm::is_contained(Narrows, true); ++Round) {
    std::vector<size_t> Found;
    for (size_t I = 0; I < Chains.size(); ++I)
      if (Narrows[I])
        Found.push_back(I);
    bool Grew = false;
    for (size_t I = 0; I < Chains.size(); ++I) {
      if (Narrows[I])
        continue;
      for (const Branch &B : Chains[I].Branches) {
        if (B.Macro.empty())
          continue;
        auto Definition = macroDefinition(B, SM);
        if (!Definition)
          continue;
        for (size_t J : Found)
          if (encloses(Chains[J], Definition->first, Definition->second, SM))
            Narrows[I] = Grew = true;
        if (Narrows[I])
          break;
      }
    }
    if (!Grew)
      break;
  }
  for (size_t I = 0; I < Chains.size(); ++I)
    if (Narrows[I])
      VersionChains.push_back(I);
}

VersionRange VersionGuards::rangeAt(FileID File, unsigned Offset,
                                    const SourceManager &SM,
                                    const LangOptions &LO) const {
  return rangeAt(File, Offset, SM, LO, 0);
}

VersionRange VersionGuards::rangeAt(FileID File, unsigned Offset,
                                    const SourceManager &SM, const LangOptions &LO,
                                    unsigned Depth) const {
  VersionRange R;
  findVersionChains(SM, LO);
  for (size_t Index : VersionChains) {
    const Chain &C = Chains[Index];
    if (!encloses(C, File, Offset, SM))
      continue;
    size_t In = 0;
    for (size_t I = 0; I < C.Branches.size(); ++I)
      if (SM.getFileOffset(C.Branches[I].Directive) < Offset)
        In = I;
    // Branch In is compiled when every earlier condition is false and its
    // own is true.
    for (size_t I = 0; I < In; ++I)
      R = intersect(R, branchRange(C.Branches[I], true, SM, LO, Depth));
    R = intersect(R, branchRange(C.Branches[In], false, SM, LO, Depth));
  }
  return R;
}

bool VersionGuards::oldKernelsOnly(SourceLocation Loc, const SourceManager &SM,
                                   const LangOptions &LO) const {
  if (Chains.empty() || Loc.isInvalid())
    return false;
  // Where the code is used, and each place it is written on the way (a
  // macro defined in an old-kernels branch is old code wherever it expands,
  // also when it only passes on a macro such as NULL).
  llvm::SmallVector<SourceLocation, 4> Places{SM.getExpansionLoc(Loc)};
  for (SourceLocation At = Loc; At.isMacroID(); At = SM.getImmediateMacroCallerLoc(At)) {
    SourceLocation Spelled = SM.getImmediateSpellingLoc(At);
    if (Spelled.isFileID())
      Places.push_back(Spelled);
    if (Places.size() > 16)
      break;
  }
  Places.push_back(SM.getSpellingLoc(Loc));
  for (SourceLocation At : Places) {
    auto [File, Offset] = SM.getDecomposedLoc(At);
    if (rangeAt(File, Offset, SM, LO).Below <= FirstKernelWithoutVmas)
      return true;
  }
  return false;
}

bool VersionGuards::oldKernelsOnly(const CallExpr &Call, const SourceManager &SM,
                                   const LangOptions &LO) const {
  if (oldKernelsOnly(Call.getBeginLoc(), SM, LO))
    return true;
  const FunctionDecl *Callee = Call.getDirectCallee();
  for (unsigned I = 0; Callee && I < Callee->getNumParams() && I < Call.getNumArgs(); ++I)
    if (isVmasArrayType(Callee->getParamDecl(I)->getType())) {
      const Expr *Vmas = Call.getArg(I);
      return oldKernelsOnly(Vmas->getBeginLoc(), SM, LO) ||
             oldKernelsOnly(Vmas->getEndLoc(), SM, LO);
    }
  return false;
}

bool VersionGuards::oldKernelsOnly(const FunctionDecl &FD, const SourceManager &SM,
                                   const LangOptions &LO) const {
  for (const ParmVarDecl *P : FD.parameters())
    if (isVmasArrayType(P->getType()))
      return oldKernelsOnly(P->getBeginLoc(), SM, LO) ||
             oldKernelsOnly(P->getLocation(), SM, LO);
  return false;
}

std::optional<Finding> newKernelsStillPassVmas(const CallExpr &Call,
                                               const GupFunction &Api,
                                               const SourceManager &SM,
                                               const LangOptions &LO) {
  llvm::Expected<ListSpelling> List = spellCallArguments(Call, SM, LO);
  if (!List) {
    llvm::consumeError(List.takeError());
    return std::nullopt;
  }
  if (!List->HasDirectives || List->InMacroBody)
    return std::nullopt;
  std::optional<unsigned> Count =
      countItemsForNewKernels(SM.getBufferData(List->File), List->LParen, List->RParen);
  if (!Count || *Count != Call.getNumArgs())
    return std::nullopt;
  Finding F;
  // A vmas argument no rule migrates: the GUP spec's fallback.
  F.Rule = removedParameterRule(gupVmasMigration(), RemovedParameterRole::ArgumentKept).Name;
  F.Api = Api.Name.str();
  F.Kind = FindingKind::Report;
  F.Loc = SM.getComposedLoc(List->File, List->LParen);
  F.Message = ("the vmas argument of this call of " + Api.Name +
               "() is under a version test for kernels before 6.5, but the "
               "argument list that Linux 6.5 and later compile still passes " +
               llvm::Twine(*Count) + " arguments, as the old API took; remove "
               "the vmas argument from that branch by hand")
                  .str();
  return F;
}

} // namespace gup
