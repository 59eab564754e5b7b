//===- WholeMigration.cpp - Definitions, plumbing and the new helper ------===//
#include "WholeMigration.h"

#include "DeadParam.h"
#include "GupApi.h"
#include "Rule.h"
#include "SingleVma.h"
#include "TextEdits.h"
#include "VersionGuards.h"
#include "VmasArgument.h"
#include "rules/spec/SpecRules.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/RawCommentList.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <map>
#include <optional>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace gup {
namespace {

constexpr llvm::StringLiteral GupFunctionId = "whole-function";
constexpr llvm::StringLiteral GupCallId = "whole-call";

/// Statement macros that vanish when their condition is now always false.
constexpr llvm::StringLiteral AssertionMacros[] = {
    "BUG_ON",  "VM_BUG_ON",    "WARN_ON",   "WARN_ON_ONCE",
    "VM_WARN_ON", "VM_WARN_ON_ONCE", "WARN", "WARN_ONCE"};

constexpr llvm::StringLiteral HelperRule = "add-vma-helper";

AST_MATCHER(FunctionDecl, hasVmasArrayParameter) {
  for (const ParmVarDecl *P : Node.parameters())
    if (isVmasArrayType(P->getType()))
      return true;
  return false;
}

AST_MATCHER_P(FunctionDecl, hasParameterSpelled, std::string, Spelled) {
  for (const ParmVarDecl *P : Node.parameters())
    if (isSpelledType(P->getType(), Spelled))
      return true;
  return false;
}

/// What the pass removes, and the words its messages use for it: GUP's
/// vmas parameter (the texts and rule names it always had), or a spec
/// entry's parameter (its name, kernel and spec id; rule removed-argument).
class Target {
public:
  explicit Target(const RemovedParameter &R) : R(R) {}

  bool gup() const { return !R.Entry; }
  /// The type of the removed parameter (and of the helpers' that feed it).
  bool isRemovedType(QualType T) const {
    return gup() ? isVmasArrayType(T) : isSpelledType(T, R.Entry->ParameterType);
  }
  /// \p FD is the API (GUP: a function of the family) with the parameter
  /// still there: which one, under which name, and whether modules call it.
  bool seed(const FunctionDecl &FD, unsigned &Index, std::string &Api, bool &Public) const {
    if (gup()) {
      const GupFunction *F = gupFunctionWithVmas(FD);
      if (!F)
        return false;
      Index = F->VmasIndex;
      Api = F->Name.str();
      Public = F->Public;
      return true;
    }
    const SpecEntry &E = *R.Entry;
    if (!removesSpecParameter(FD, E))
      return false;
    Index = E.Index;
    Api = E.Name;
    Public = true;
    return true;
  }
  /// \p Name is the API's (not a helper of the tree).
  bool isApi(llvm::StringRef Name) const {
    return gup() ? findGupFunction(Name) != nullptr : Name == R.Entry->Name;
  }
  /// Calls of \p Name without the argument need the new API.
  bool publicApi(llvm::StringRef Name) const {
    if (!gup())
      return isApi(Name);
    const GupFunction *F = findGupFunction(Name);
    return F && F->Public;
  }
  /// The prototypes of a public API are another rule's (GUP's
  /// drop-vmas-param); a spec entry's are this pass's.
  bool prototypesElsewhere(bool Public) const { return gup() && Public; }
  /// Uses of the parameter in a body fold as NULL (dropWhen "null").
  bool foldsAsNull() const { return gup() || R.Entry->Drop == DropWhen::Null; }
  /// A helper loses its parameter only if it feeds the removed one (GUP:
  /// any dead vmas parameter goes).
  bool helpersMustFeed() const { return !gup(); }

  /// "vmas" / "'stats'", before "parameter" or "argument".
  std::string word() const {
    if (gup())
      return "vmas";
    return R.Entry->ParameterName.empty() ? "removed" : "'" + R.Entry->ParameterName + "'";
  }
  /// "Linux 6.5" / "Linux 6.9 (frob-stats)".
  std::string release() const {
    if (gup())
      return "Linux 6.5";
    return "Linux " + formatKernelVersion(R.Spec->Kernel) + " (" + R.Spec->Id + ")";
  }
  /// What a helper's body does with it when it is kept.
  std::string bodyUse() const { return gup() ? "the array" : "the parameter"; }
  std::string migration() const { return gup() ? "" : R.Spec->Id; }

  /// The spec's names for the parts of the parameter-removed rule this pass
  /// reports (GUP's: drop-vmas-definition, ...; else removed-argument).
  llvm::StringRef definitionRule() const { return rule(RemovedParameterRole::Definition); }
  llvm::StringRef argumentRule() const {
    return rule(RemovedParameterRole::ForwardedArgument);
  }
  llvm::StringRef paramRule() const { return rule(RemovedParameterRole::Prototype); }
  /// The spec's wording for a prototype of its public API (\p Api) when it
  /// has one, else "" (GUP's public prototypes are the table's).
  std::string prototypeMessage(llvm::StringRef Api, bool Public) const {
    if (gup() || !Public || Api != R.Entry->Name)
      return "";
    return roleMessage(*R.Spec, *R.Entry, RemovedParameterRole::Prototype);
  }

private:
  llvm::StringRef rule(RemovedParameterRole Role) const {
    return removedParameterRule(gup() ? gupVmasMigration() : *R.Spec, Role).Name;
  }

  const RemovedParameter &R;
};

const FunctionDecl *canonical(const FunctionDecl *FD) {
  return FD ? FD->getCanonicalDecl() : nullptr;
}

/// What loses a parameter: a function (canonical declaration), the indices,
/// and the name its edits are filed under (the API for the table's
/// functions, the function itself for static helpers).
struct Removal {
  std::set<unsigned> Indices;
  std::string Api;
  bool Public = false;
};

const Stmt *parentStmt(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

std::string lineText(const Stmt *S, const SourceManager &SM) { return lineOf(S, SM); }

/// Every reference to the TU's static functions that have a vmas parameter
/// (the helpers that may lose it), and which of them call the function.
class HelperReferences {
public:
  HelperReferences(ASTContext &Ctx, const llvm::SetVector<const FunctionDecl *> &Functions,
                   const Target &Removed) {
    const SourceManager &SM = Ctx.getSourceManager();
    std::set<FileID> Files;
    for (const FunctionDecl *FD : Functions)
      if (!FD->isExternallyVisible() && !Removed.isApi(FD->getName())) {
        Targets.insert(canonical(FD));
        Files.insert(SM.getFileID(SM.getExpansionLoc(FD->getLocation())));
      }
    if (Targets.empty())
      return;
    // A static function is named only after its declaration, in the files
    // that declare it (the .c file, or a header that defines it).
    struct Collector : RecursiveASTVisitor<Collector> {
      HelperReferences &Out;
      explicit Collector(HelperReferences &Out) : Out(Out) {}
      bool VisitCallExpr(CallExpr *Call) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
          Out.Callees.insert(Ref);
        return true;
      }
      bool VisitDeclRefExpr(DeclRefExpr *Ref) {
        if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
          if (Out.Targets.count(canonical(FD)))
            Out.Refs[canonical(FD)].push_back(Ref);
        return true;
      }
    } C(*this);
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (D->getBeginLoc().isValid() &&
          Files.count(SM.getFileID(SM.getExpansionLoc(D->getBeginLoc()))))
        C.TraverseDecl(D);
  }

  /// True when \p FD is used other than by calling it (a function
  /// pointer): its type cannot change.
  bool addressTaken(const FunctionDecl *FD) const {
    auto It = Refs.find(canonical(FD));
    return It != Refs.end() && llvm::any_of(It->second, [&](const DeclRefExpr *Ref) {
             return !Callees.count(Ref);
           });
  }

  llvm::ArrayRef<const DeclRefExpr *> of(const FunctionDecl *FD) const {
    auto It = Refs.find(canonical(FD));
    if (It == Refs.end())
      return {};
    return It->second;
  }

private:
  std::set<const FunctionDecl *> Targets;
  std::map<const FunctionDecl *, std::vector<const DeclRefExpr *>> Refs;
  std::set<const DeclRefExpr *> Callees;
};

class Pass {
public:
  Pass(const MigrationOptions &Options, FindingSink &Sink, ASTContext &Ctx,
       const llvm::SetVector<const FunctionDecl *> &Functions,
       const llvm::SetVector<const CallExpr *> &Calls, const RemovedParameter &Removed)
      : Options(Options), Sink(Sink), Removed(Removed), Ctx(Ctx),
        SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), E(SM, LO),
        Functions(Functions), Calls(Calls), References(Ctx, Functions, this->Removed) {}

  const std::map<const FunctionDecl *, Removal> &removals() const { return Removals; }

  void run() {
    seedFromTable();
    growTransitively();
    planRenames();
    for (auto &[Canon, R] : Removals)
      migrateFunction(Canon, R);
    for (const CallExpr *Call : Calls)
      migrateCall(Call);
    if (Removed.gup())
      addHelperIfNeeded();
  }

private:
  const MigrationOptions &Options;
  FindingSink &Sink;
  Target Removed;
  /// ApiSide of what report() reports next (set per function or call).
  ApiSide Side = ApiSide::Definition;
  /// The callee of the call report() is about, if it stays a call.
  SourceLocation CalleeLoc;
  ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LO;
  EditContext E;
  const llvm::SetVector<const FunctionDecl *> &Functions;
  const llvm::SetVector<const CallExpr *> &Calls;
  std::map<const FunctionDecl *, Removal> Removals;
  HelperReferences References;
  /// Static helpers renamed with their parameter (`<name>_<param>` ->
  /// `<name>`): canonical declaration -> new name.
  std::map<const FunctionDecl *, std::string> Renames;
  /// Statements a body plan deletes, per function, as file ranges.
  std::map<const FunctionDecl *, std::vector<CharSourceRange>> Deleted;

  const Removal *removal(const FunctionDecl *FD) const {
    auto It = Removals.find(canonical(FD));
    return It == Removals.end() ? nullptr : &It->second;
  }
  bool removes(const FunctionDecl *FD, unsigned Index) const {
    const Removal *R = removal(FD);
    return R && R->Indices.count(Index);
  }

  void seedFromTable() {
    auto Seed = [&](const FunctionDecl *FD) {
      unsigned Index;
      std::string Api;
      bool Public;
      if (Removed.seed(*FD, Index, Api, Public)) {
        Removal &R = Removals[canonical(FD)];
        R.Indices.insert(Index);
        R.Api = Api;
        R.Public = Public;
      }
    };
    for (const FunctionDecl *FD : Functions)
      Seed(FD);
    // A call decides its own argument only if its callee is known here.
    for (const CallExpr *Call : Calls)
      if (const FunctionDecl *FD = Call->getDirectCallee())
        Seed(FD);
  }

  /// What a vmas argument is: the classifier the call-site rules use too,
  /// so each site has one owner.
  VmasArgument classify(const Expr *Arg) const {
    return classifyRemovedArgument(*Arg, Ctx,
                                   [&](QualType T) { return Removed.isRemovedType(T); });
  }

  /// The removed parameter \p Arg passes on (see
  /// VmasArgumentKind::OwnParameter), or null.
  const ParmVarDecl *derivedParam(const Expr *Arg) const {
    VmasArgument A = classify(Arg);
    return A.Kind == VmasArgumentKind::OwnParameter ? A.Param : nullptr;
  }

  /// Whether every use of \p P in \p FD's body can go once P is NULL.
  bool removable(const FunctionDecl *FD, const ParmVarDecl *P, std::string *Why) {
    std::vector<CharSourceRange> Scratch;
    std::vector<TextEdit> Edits;
    return planUses(FD, P, Edits, Scratch, Why);
  }

  /// `<name>_<param>` -> `<name>` for a static helper of the main file that
  /// loses its one vmas parameter `<param>` (upstream renamed
  /// record_subpages_vmas() so), when nothing in the TU or in the file's
  /// text (code the build skips included) is called `<name>`, and every
  /// mention of the old name is a declaration or a call this pass edits.
  void planRenames() {
    std::set<const DeclRefExpr *> CalleesHere;
    for (const CallExpr *Call : Calls)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
        CalleesHere.insert(Ref);
    auto InMainFile = [&](SourceLocation Loc) {
      return Loc.isFileID() && SM.getFileID(Loc) == SM.getMainFileID();
    };
    for (const auto &[Canon, R] : Removals) {
      const FunctionDecl *Def = Canon->getDefinition();
      if (R.Public || Removed.isApi(R.Api) || R.Indices.size() != 1 || !Def)
        continue;
      llvm::StringRef Param = Def->getParamDecl(*R.Indices.begin())->getName();
      llvm::StringRef Old = Canon->getName();
      std::string Suffix = "_" + Param.str();
      if (Param.empty() || !Old.ends_with(Suffix) || Old.size() == Suffix.size())
        continue;
      std::string New = Old.drop_back(Suffix.size()).str();
      if (!nameIsFree(New))
        continue;
      unsigned Mentions = 0;
      bool AllEdited = true;
      for (const FunctionDecl *FD : Canon->redecls()) {
        AllEdited &= InMainFile(FD->getLocation());
        ++Mentions;
      }
      for (const DeclRefExpr *Ref : References.of(Canon)) {
        AllEdited &= InMainFile(Ref->getLocation()) && CalleesHere.count(Ref);
        ++Mentions;
      }
      if (AllEdited && identifierCount(Old) == Mentions)
        Renames[Canon] = New;
    }
  }

  bool nameIsFree(llvm::StringRef Name) const {
    auto It = Ctx.Idents.find(Name);
    if (It != Ctx.Idents.end()) {
      IdentifierInfo *II = It->getValue();
      if (II->hasMacroDefinition() ||
          !Ctx.getTranslationUnitDecl()->lookup(DeclarationName(II)).empty())
        return false;
    }
    return identifierCount(Name) == 0;
  }

  /// How many times \p Name is written as an identifier in the main file,
  /// in every #if branch.
  unsigned identifierCount(llvm::StringRef Name) const {
    FileID Main = SM.getMainFileID();
    return identifierMentions(Main, 0, SM.getBufferData(Main).size(), Name, SM, LO);
  }

  /// The edit that renames \p FD where \p Loc names it, if it is renamed.
  std::optional<TextEdit> renameAt(const FunctionDecl *FD, SourceLocation Loc) const {
    auto It = Renames.find(canonical(FD));
    if (It == Renames.end())
      return std::nullopt;
    return E.replace(CharSourceRange::getCharRange(
                         Loc, Loc.getLocWithOffset(FD->getName().size())),
                     It->second);
  }

  /// \p Edits and, when the callee of \p Call is renamed, the edit of its name.
  std::vector<TextEdit> withRename(const CallExpr *Call, std::vector<TextEdit> Edits) const {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
      if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
        if (std::optional<TextEdit> Rename = renameAt(FD, Ref->getLocation()))
          Edits.push_back(*Rename);
    return Edits;
  }

  std::string renamedCallee(const CallExpr *Call) const {
    const FunctionDecl *FD = Call->getDirectCallee();
    auto It = FD ? Renames.find(canonical(FD)) : Renames.end();
    return It == Renames.end() ? "" : "; the callee is renamed " + It->second + "()";
  }

  /// " and rename it NEW() ..." when \p FD is renamed, for messages.
  std::string renamedNote(const FunctionDecl *FD) const {
    auto It = Renames.find(canonical(FD));
    return It == Renames.end() ? ""
                               : " and rename it " + It->second +
                                     "() (its name ended in the parameter's)";
  }

  /// The static helpers whose `struct vm_area_struct **` parameter can go
  /// too. Optimistic: every candidate is assumed to go, then those whose
  /// callers pass something else or whose body needs the array are put
  /// back, until nothing changes; so helpers that pass the parameter to
  /// each other (or to themselves) go together.
  void growTransitively() {
    std::vector<std::pair<const FunctionDecl *, unsigned>> Candidates;
    for (const FunctionDecl *FD : Functions) {
      if (!FD->doesThisDeclarationHaveABody() || FD->isExternallyVisible() ||
          Removed.isApi(FD->getName()) || References.addressTaken(FD))
        continue;
      for (unsigned I = 0; I < FD->getNumParams(); ++I)
        if (Removed.isRemovedType(FD->getParamDecl(I)->getType()) && !removes(FD, I)) {
          Candidates.push_back({FD, I});
          Removal &R = Removals[canonical(FD)];
          R.Indices.insert(I);
          R.Api = FD->getName().str();
        }
    }
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (auto [FD, I] : Candidates) {
        // Every caller must be visible and pass NULL or a removed
        // parameter of its own; every use in the body must go.
        if (!removes(FD, I) ||
            (callersAgree(FD, I) && removable(FD, FD->getParamDecl(I), nullptr) &&
             (!Removed.helpersMustFeed() || feedsRemoved(FD, FD->getParamDecl(I)))))
          continue;
        Removal &R = Removals[canonical(FD)];
        R.Indices.erase(I);
        if (R.Indices.empty())
          Removals.erase(canonical(FD));
        Changed = true;
      }
    }
  }

  /// True when \p FD passes \p P on, as it is, to a parameter that goes.
  bool feedsRemoved(const FunctionDecl *FD, const ParmVarDecl *P) const {
    // A parameter is named only inside its function: a call passing P is
    // in FD's body.
    for (const CallExpr *Call : Calls) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        continue;
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        VmasArgument A = classify(Call->getArg(I));
        if (A.Kind == VmasArgumentKind::OwnParameter && A.Param == P && removes(Callee, I))
          return true;
      }
    }
    return false;
  }

  /// True when every call of \p FD passes NULL, or a parameter that goes
  /// too, at \p Index; else \p Disagrees is the first call that does not.
  bool callersAgree(const FunctionDecl *FD, unsigned Index,
                    const CallExpr **Disagrees = nullptr) const {
    for (const CallExpr *Call : Calls) {
      if (canonical(Call->getDirectCallee()) != canonical(FD) ||
          Call->getNumArgs() <= Index)
        continue;
      const Expr *Arg = Call->getArg(Index);
      if (isNullPointer(*Arg, Ctx))
        continue;
      const ParmVarDecl *P = derivedParam(Arg);
      const auto *Holder = P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
      if (!Holder || !removes(Holder, P->getFunctionScopeIndex())) {
        if (Disagrees)
          *Disagrees = Call;
        return false;
      }
    }
    return true;
  }

  /// Why \p Holder keeps its vmas parameter \p P, for a message.
  std::string whyKept(const FunctionDecl *Holder, const ParmVarDecl *P) {
    if (!Holder)
      return "it is not a function's parameter";
    std::string Name = Holder->getName().str() + "()";
    if (Holder->isExternallyVisible())
      return Name + " is visible outside this file, so its other callers are "
                    "not known";
    const FunctionDecl *Def = Holder->getDefinition();
    if (!Def)
      return Name + " has no body here";
    const CallExpr *Disagrees = nullptr;
    if (!callersAgree(Holder, P->getFunctionScopeIndex(), &Disagrees)) {
      const Expr *Arg = Disagrees->getArg(P->getFunctionScopeIndex());
      VmasArgument A = classify(Arg);
      std::string What = "not NULL";
      if (A.Kind == VmasArgumentKind::OwnParameterUnsafe)
        What = "which cannot simply be dropped: " + A.Why;
      else if (A.Kind == VmasArgumentKind::OwnParameter)
        if (const auto *Up = dyn_cast<FunctionDecl>(A.Param->getDeclContext()))
          What = "a parameter " + Up->getName().str() + "() keeps";
      return "a caller of " + Name + " passes '" + shown(Arg) + "' for it (" +
             lineText(Disagrees, SM) + "), " + What;
    }
    std::string Why;
    if (!removable(Def, Def->getParamDecl(P->getFunctionScopeIndex()), &Why))
      return Why;
    return "its body uses " + Removed.bodyUse();
  }

  /// The text of \p E as written, for messages.
  std::string shown(const Expr *E) const {
    llvm::Expected<CharSourceRange> R = this->E.rangeOf(E);
    if (R)
      return this->E.text(*R).str();
    llvm::consumeError(R.takeError());
    return Lexer::getSourceText(
               CharSourceRange::getTokenRange(SM.getExpansionRange(E->getSourceRange()).getAsRange()),
               SM, LO)
        .str();
  }

  bool inside(const std::vector<CharSourceRange> &Ranges, SourceLocation Loc) const {
    SourceLocation F = SM.getFileLoc(Loc);
    for (const CharSourceRange &R : Ranges)
      if (SM.getFileID(R.getBegin()) == SM.getFileID(F) &&
          !SM.isBeforeInTranslationUnit(F, R.getBegin()) &&
          SM.isBeforeInTranslationUnit(F, R.getEnd()))
        return true;
    return false;
  }

  /// The nearest statement above \p S that is a full statement (its parent
  /// is not an expression).
  const Stmt *fullStatement(const Stmt *S) const {
    const Stmt *Cur = S;
    while (const Stmt *P = parentStmt(Cur, Ctx)) {
      if (!isa<Expr>(P))
        return Cur;
      Cur = P;
    }
    return Cur;
  }

  /// The statement holding \p S that is an element of a block or the body
  /// of a control statement (climbing through declarations too).
  const Stmt *statementInBlock(const Stmt *S) const {
    DynTypedNode Node = DynTypedNode::create(*S);
    const Stmt *Last = S;
    while (true) {
      DynTypedNodeList Parents = Ctx.getParents(Node);
      if (Parents.empty())
        return Last;
      const DynTypedNode &P = Parents[0];
      // Blocks and statements a macro expands to (BUG_ON's do { if ... })
      // are inside the statement we want, not it.
      if (const Stmt *PS = P.get<Stmt>())
        if (PS->getBeginLoc().isMacroID() &&
            !SM.isMacroArgExpansion(PS->getBeginLoc())) {
          if (const Stmt *St = Node.get<Stmt>())
            Last = St;
          Node = P;
          continue;
        }
      if (P.get<CompoundStmt>() || P.get<LabelStmt>())
        return Node.get<Stmt>() ? Node.get<Stmt>() : Last;
      if (const auto *If = P.get<IfStmt>())
        if (Node.get<Stmt>() && (If->getThen() == Node.get<Stmt>() ||
                                 If->getElse() == Node.get<Stmt>()))
          return Node.get<Stmt>();
      if (const auto *For = P.get<ForStmt>())
        if (For->getBody() == Node.get<Stmt>())
          return Node.get<Stmt>();
      if (const auto *While = P.get<WhileStmt>())
        if (While->getBody() == Node.get<Stmt>())
          return Node.get<Stmt>();
      if (const Stmt *St = Node.get<Stmt>())
        Last = St;
      Node = P;
    }
  }

  /// The name of the outermost macro expanding at \p Loc, or "".
  std::string macroAt(SourceLocation Loc) const {
    return expandingMacroName(Loc, SM, LO);
  }

  /// Edits (into \p Edits) that remove every use of \p P from \p FD's body;
  /// false with \p Why when one cannot go.
  bool planUses(const FunctionDecl *FD, const ParmVarDecl *P,
                std::vector<TextEdit> &Edits, std::vector<CharSourceRange> &Gone,
                std::string *Why) {
    auto Fail = [&](const Stmt *At, const std::string &Reason) {
      if (Why)
        *Why = "'" + P->getName().str() + "' " + Reason + " (" + lineText(At, SM) + ")";
      return false;
    };
    std::string Name = P->getName().str();
    auto Refs = referencesTo(P, FD->getBody());
    std::vector<const DeclRefExpr *> Ordered(Refs.begin(), Refs.end());
    std::sort(Ordered.begin(), Ordered.end(), [&](const DeclRefExpr *A, const DeclRefExpr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    for (const DeclRefExpr *Ref : Ordered) {
      if (inside(Gone, Ref->getBeginLoc()))
        continue;
      // 1. Passed on to a parameter that goes too.
      const Stmt *Child = Ref;
      const Stmt *Up = parentStmt(Child, Ctx);
      while (Up && isa<Expr>(Up) && !isa<CallExpr>(Up)) {
        Child = Up;
        Up = parentStmt(Up, Ctx);
      }
      if (const auto *Call = dyn_cast_or_null<CallExpr>(Up)) {
        if (Call->getBuiltinCallee() == 0 && Call->getDirectCallee()) {
          for (unsigned I = 0; I < Call->getNumArgs(); ++I)
            if (Call->getArg(I) == Child) {
              if (!removes(Call->getDirectCallee(), I))
                break;
              VmasArgument A = classify(Call->getArg(I));
              if (A.Kind == VmasArgumentKind::OwnParameter && A.Param == P)
                goto Handled;
              if (A.Kind == VmasArgumentKind::OwnParameterUnsafe)
                return Fail(Call, "is passed on as '" + shown(Call->getArg(I)) +
                                      "', which cannot simply be dropped: " + A.Why);
              break;
            }
        }
      }
      if (!Removed.foldsAsNull())
        return Fail(Ref, "is used, and its value is no longer passed");
      {
        // 2. A store into the array: the statement goes.
        const Stmt *S = fullStatement(Ref);
        if (const auto *BO = dyn_cast<BinaryOperator>(S))
          if (BO->isAssignmentOp())
            if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(BO->getLHS()->IgnoreParens()))
              if (ASE->getBase()->IgnoreParenImpCasts() == Ref) {
                llvm::Expected<TextEdit> Remove = E.removeStatement(S);
                if (!Remove)
                  return Fail(S, llvm::toString(Remove.takeError()));
                Gone.push_back(Remove->Range);
                Edits.push_back(*Remove);
                continue;
              }
        // 3. A condition: of the if statement holding it, or of an
        // assertion macro (BUG_ON(P), WARN_ON_ONCE(P && x)) that is a
        // statement of its own.
        const Stmt *Whole = statementInBlock(Ref);
        SourceLocation At = SM.getExpansionLoc(Ref->getBeginLoc());
        if (const auto *If = dyn_cast_or_null<IfStmt>(Whole)) {
          llvm::Expected<CharSourceRange> Cond = E.rangeOf(If->getCond());
          bool InCond = Cond && SM.getFileID(Cond->getBegin()) == SM.getFileID(At) &&
                        !SM.isBeforeInTranslationUnit(At, Cond->getBegin()) &&
                        SM.isBeforeInTranslationUnit(At, Cond->getEnd());
          if (!Cond)
            llvm::consumeError(Cond.takeError());
          if (InCond) {
            if (!foldIf(If, P, Edits, Gone, Why))
              return false;
            continue;
          }
        }
        if (Whole) {
          std::string Macro = macroAt(Whole->getBeginLoc());
          if (!Macro.empty() && llvm::is_contained(AssertionMacros, Macro)) {
            if (!foldAssertion(Whole, Macro, P, Edits, Gone, Why))
              return false;
            continue;
          }
        }
        return Fail(Ref, "is used in a way the migration cannot remove");
      }
    Handled:;
    }
    return true;
  }

  bool foldIf(const IfStmt *If, const ParmVarDecl *P, std::vector<TextEdit> &Edits,
              std::vector<CharSourceRange> &Gone, std::string *Why) {
    llvm::Expected<CharSourceRange> Cond = E.rangeOf(If->getCond());
    if (!Cond) {
      if (Why)
        *Why = "the condition at " + lineText(If, SM) + " is produced by a macro";
      llvm::consumeError(Cond.takeError());
      return false;
    }
    FoldedCondition F = foldCondition(E.text(*Cond), P->getName(), LO);
    switch (F.Kind) {
    case FoldedCondition::Result::Unchanged:
      return true;
    case FoldedCondition::Result::Unsupported:
      if (Why)
        *Why = "the condition at " + lineText(If, SM) + " cannot be folded: " + F.Why;
      return false;
    case FoldedCondition::Result::True:
      if (Why)
        *Why = "the condition at " + lineText(If, SM) +
               " becomes always true; simplify it by hand";
      return false;
    case FoldedCondition::Result::False: {
      if (If->getElse()) {
        if (Why)
          *Why = "the condition at " + lineText(If, SM) +
                 " becomes always false but has an else branch";
        return false;
      }
      llvm::Expected<TextEdit> Remove = E.removeStatement(If);
      if (!Remove) {
        if (Why)
          *Why = llvm::toString(Remove.takeError());
        return false;
      }
      Gone.push_back(Remove->Range);
      Edits.push_back(*Remove);
      return true;
    }
    case FoldedCondition::Result::Simplified: {
      for (auto [Offset, Length] : F.Deletions) {
        SourceLocation At = Cond->getBegin().getLocWithOffset(Offset);
        Edits.push_back({CharSourceRange::getCharRange(At, At.getLocWithOffset(Length)), ""});
      }
      return true;
    }
    }
    return false;
  }

  bool foldAssertion(const Stmt *S, llvm::StringRef Macro, const ParmVarDecl *P,
                     std::vector<TextEdit> &Edits, std::vector<CharSourceRange> &Gone,
                     std::string *Why) {
    llvm::Expected<CharSourceRange> Whole = E.rangeOf(S);
    if (!Whole) {
      if (Why)
        *Why = llvm::toString(Whole.takeError());
      return false;
    }
    llvm::StringRef Text = E.text(*Whole);
    size_t Open = Text.find('('), Close = Text.rfind(')');
    if (Open == llvm::StringRef::npos || Close == llvm::StringRef::npos || Close < Open) {
      if (Why)
        *Why = "the " + Macro.str() + "() at " + lineText(S, SM) + " is not written plainly";
      return false;
    }
    llvm::StringRef Arg = Text.slice(Open + 1, Close);
    if (Macro == "WARN" || Macro == "WARN_ONCE") {
      // WARN(cond, fmt, ...): only the condition.
      int Depth = 0;
      for (size_t I = 0; I < Arg.size(); ++I) {
        if (Arg[I] == '(')
          ++Depth;
        else if (Arg[I] == ')')
          --Depth;
        else if (Arg[I] == ',' && Depth == 0) {
          Arg = Arg.take_front(I);
          break;
        }
      }
    }
    FoldedCondition F = foldCondition(Arg, P->getName(), LO);
    switch (F.Kind) {
    case FoldedCondition::Result::Unchanged:
      return true;
    case FoldedCondition::Result::False: {
      llvm::Expected<TextEdit> Remove = E.removeStatement(S);
      if (!Remove) {
        if (Why)
          *Why = llvm::toString(Remove.takeError());
        return false;
      }
      Gone.push_back(Remove->Range);
      Edits.push_back(*Remove);
      return true;
    }
    case FoldedCondition::Result::Simplified: {
      unsigned Base = Open + 1;
      for (auto [Offset, Length] : F.Deletions) {
        SourceLocation At = Whole->getBegin().getLocWithOffset(Base + Offset);
        Edits.push_back({CharSourceRange::getCharRange(At, At.getLocWithOffset(Length)), ""});
      }
      return true;
    }
    default:
      if (Why)
        *Why = "the " + Macro.str() + "() at " + lineText(S, SM) +
               " cannot be folded" + (F.Why.empty() ? "" : ": " + F.Why);
      return false;
    }
  }

  /// Lines of the kernel-doc comment of \p FD that describe parameter
  /// \p Name: its `@name:` paragraph and any paragraph that mentions
  /// `@name` (with one blank comment line, so no gap is left doubled).
  void docEdits(const FunctionDecl *FD, llvm::StringRef Name,
                std::vector<TextEdit> &Edits) {
    const RawComment *RC = Ctx.getRawCommentForDeclNoCache(FD);
    if (!RC)
      return;
    CharSourceRange Range = CharSourceRange::getCharRange(RC->getSourceRange());
    if (!Range.getBegin().isFileID())
      return;
    llvm::StringRef Text = E.text(CharSourceRange::getCharRange(
        RC->getBeginLoc(), RC->getEndLoc()));
    if (!Text.starts_with("/**"))
      return;
    auto [FID, Base] = SM.getDecomposedLoc(RC->getBeginLoc());
    llvm::StringRef Buffer = SM.getBufferData(FID);
    // Split the comment into lines with their offsets.
    struct Line {
      unsigned Begin, End; // End includes the newline
      llvm::StringRef Body; // text after the leading " * "
    };
    std::vector<Line> Lines;
    unsigned CommentEnd = SM.getFileOffset(RC->getEndLoc());
    unsigned Pos = Base;
    while (Pos < CommentEnd) {
      size_t NL = Buffer.find('\n', Pos);
      unsigned End = NL == llvm::StringRef::npos ? Buffer.size() : NL + 1;
      llvm::StringRef L = Buffer.slice(Pos, End).trim();
      if (L.starts_with("*") && !L.starts_with("*/"))
        L = L.drop_front(1).trim();
      Lines.push_back({Pos, End, L});
      Pos = End;
    }
    auto IsBlank = [&](size_t I) { return Lines[I].Body.empty(); };
    auto IsParam = [&](size_t I) {
      return Lines[I].Body.starts_with("@") && Lines[I].Body.contains(':') &&
             Lines[I].Body.take_until([](char C) { return C == ':'; }).find(' ') ==
                 llvm::StringRef::npos;
    };
    std::string Tag = "@" + Name.str();
    std::vector<std::pair<unsigned, unsigned>> Cut;
    for (size_t I = 1; I + 1 < Lines.size(); ++I) {
      llvm::StringRef B = Lines[I].Body;
      if (B.starts_with(Tag + ":") || B.starts_with(Tag + "\t") ||
          (B.starts_with(Tag + " ") && B.drop_front(Tag.size()).trim().starts_with(":"))) {
        size_t J = I + 1;
        while (J + 1 < Lines.size() && !IsBlank(J) && !IsParam(J))
          ++J;
        Cut.push_back({Lines[I].Begin, Lines[J - 1].End});
        I = J - 1;
        continue;
      }
      if (B.contains(Tag) && !B.contains(Tag + "_")) {
        // A sentence about the parameter: its whole paragraph.
        size_t First = I, Last = I;
        while (First > 1 && !IsBlank(First - 1) && !IsParam(First - 1))
          --First;
        while (Last + 2 < Lines.size() && !IsBlank(Last + 1))
          ++Last;
        unsigned End = Lines[Last].End;
        if (Last + 2 < Lines.size() && IsBlank(Last + 1))
          End = Lines[Last + 1].End;
        Cut.push_back({Lines[First].Begin, End});
        I = Last;
      }
    }
    for (auto [From, To] : Cut) {
      // Take the newline before the lines rather than the one after: an
      // edit that ends at the start of a line makes clang-tidy's clean-up
      // eat the next line's indentation.
      if (From > 0 && To > From && Buffer[To - 1] == '\n') {
        --From;
        --To;
      }
      SourceLocation At = SM.getComposedLoc(FID, From);
      Edits.push_back({CharSourceRange::getCharRange(At, At.getLocWithOffset(To - From)), ""});
    }
  }

  void report(llvm::StringRef Rule, llvm::StringRef Api, FindingKind Kind,
              SourceLocation Loc, std::string Message,
              std::vector<TextEdit> Edits = {},
              std::vector<std::string> Requires = {},
              std::string OnlyIfBlocked = "") {
    Finding F;
    F.Side = Side;
    F.CalleeLoc = CalleeLoc;
    F.Rule = Rule;
    F.Api = Api;
    F.Migration = Removed.migration();
    F.Kind = Kind;
    F.Loc = Loc;
    F.Message = std::move(Message);
    F.Edits.assign(Edits.begin(), Edits.end());
    F.Requires = std::move(Requires);
    F.OnlyIfBlocked = std::move(OnlyIfBlocked);
    Sink.report(std::move(F));
  }

  /// Which kernels the edits of a finding about \p FD are right for: the
  /// family's own are the API's definition; a module's helpers are its own.
  ApiSide sideOf(const FunctionDecl *FD) const {
    if (!FD || !FD->getIdentifier() || !Removed.isApi(FD->getName()))
      return ApiSide::Any;
    return ApiSide::Definition;
  }

  void migrateFunction(const FunctionDecl *Canon, const Removal &R) {
    Side = sideOf(Canon);
    CalleeLoc = {};
    for (const FunctionDecl *FD : Canon->redecls()) {
      if (!FD->doesThisDeclarationHaveABody()) {
        // Public prototypes belong to the drop-vmas-param rule; a
        // declaration through typeof() has no parameter list to change.
        if (Removed.prototypesElsewhere(R.Public) || !FD->getFunctionTypeLoc())
          continue;
        for (unsigned Index : R.Indices) {
          std::vector<TextEdit> Edits;
          llvm::Expected<TextEdit> Drop = dropParameter(*FD, Index, SM, LO);
          if (!Drop) {
            report(Removed.paramRule(), R.Api, FindingKind::NeedsAttention, FD->getLocation(),
                   "cannot remove the " + Removed.word() + " parameter of " + R.Api +
                       "() automatically: " + llvm::toString(Drop.takeError()) +
                       "; edit it by hand");
            continue;
          }
          Edits.push_back(*Drop);
          if (std::optional<TextEdit> Rename = renameAt(FD, FD->getLocation()))
            Edits.push_back(*Rename);
          docEdits(FD, FD->getParamDecl(Index)->getName(), Edits);
          std::string Message = Removed.prototypeMessage(R.Api, R.Public);
          report(Removed.paramRule(), R.Api, FindingKind::Rewrite,
                 FD->getParamDecl(Index)->getBeginLoc(),
                 Message.empty() ? "remove the " + Removed.word() +
                                       " parameter from this declaration of " + R.Api +
                                       "()" + renamedNote(FD) + ": its callers no longer pass it"
                                 : Message + renamedNote(FD),
                 std::move(Edits));
        }
        continue;
      }
      std::vector<TextEdit> Edits;
      std::vector<CharSourceRange> &Gone = Deleted[Canon];
      std::string Why;
      bool Ok = true;
      for (unsigned Index : R.Indices) {
        const ParmVarDecl *P = FD->getParamDecl(Index);
        if (!planUses(FD, P, Edits, Gone, &Why)) {
          Ok = false;
          break;
        }
        llvm::Expected<TextEdit> Drop = dropParameter(*FD, Index, SM, LO);
        if (!Drop) {
          Why = llvm::toString(Drop.takeError());
          Ok = false;
          break;
        }
        Edits.push_back(*Drop);
        docEdits(FD, P->getName(), Edits);
      }
      SourceLocation Loc = FD->getParamDecl(*R.Indices.begin())->getBeginLoc();
      if (!Ok) {
        report(Removed.definitionRule(), R.Api, FindingKind::NeedsAttention, Loc,
               "cannot remove the " + Removed.word() + " parameter from the definition of " +
                   FD->getName().str() + "() automatically: " + Why +
                   "; edit it by hand");
        continue;
      }
      if (std::optional<TextEdit> Rename = renameAt(FD, FD->getLocation()))
        Edits.push_back(*Rename);
      report(Removed.definitionRule(), R.Api, FindingKind::Rewrite, Loc,
             "remove the " + Removed.word() + " parameter from " + FD->getName().str() +
                 "() and the code that only served it" + renamedNote(FD) + ": " +
                 (R.Public || Removed.isApi(R.Api)
                      ? "the parameter is gone in " + Removed.release()
                      : "it only fed parameters that are gone in " + Removed.release()),
             std::move(Edits));
    }
  }

  void migrateCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const Removal *R = Callee ? removal(Callee) : nullptr;
    if (!R)
      return;
    // A public function's call without the argument needs the 6.5 API.
    Side = Removed.publicApi(Callee->getName()) ? ApiSide::New : sideOf(Callee);
    ApiSide CallSide = Side;
    ApiSide AlternativeSide = Side == ApiSide::New ? ApiSide::Old : Side;
    for (unsigned Index : R->Indices) {
      Side = CallSide;
      CalleeLoc = Call->getCallee()->getExprLoc();
      if (Call->getNumArgs() <= Index)
        continue;
      const Expr *Arg = Call->getArg(Index);
      VmasArgument A = classify(Arg);
      // NULL, locals and the rest passed to a public function are the
      // call-site rules' (the same decision Migration.cpp takes).
      if (ownerOf(A.Kind, R->Public) != VmasArgumentOwner::WholeMigration)
        continue;
      std::string Callee = R->Api + "()";
      if (A.Kind == VmasArgumentKind::NullPointer) {
        llvm::Expected<TextEdit> Drop = dropCallArgument(*Call, Index, SM, LO);
        if (!Drop)
          report(Removed.argumentRule(), R->Api, FindingKind::NeedsAttention, Arg->getBeginLoc(),
                 "cannot drop the NULL " + Removed.word() + " argument of " + Callee +
                     " automatically: " + llvm::toString(Drop.takeError()) +
                     "; edit it by hand");
        else
          report(Removed.argumentRule(), R->Api, FindingKind::Rewrite, Arg->getBeginLoc(),
                 "drop the NULL " + Removed.word() + " argument of " + Callee +
                     ": the parameter goes with the migration" + renamedCallee(Call),
                 withRename(Call, {*Drop}));
        continue;
      }
      const ParmVarDecl *P = A.Param;
      const auto *Holder = P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
      std::string HolderName = Holder ? Holder->getName().str() + "()" : "the caller";
      if (A.Kind == VmasArgumentKind::OwnParameterUnsafe) {
        report(Removed.argumentRule(), R->Api, FindingKind::NeedsAttention, Arg->getBeginLoc(),
               Callee + " is passed '" + shown(Arg) + "', computed from '" +
                   P->getName().str() + "', the " + Removed.word() + " parameter of " +
                   HolderName +
                   ", and this argument cannot simply be dropped: " + A.Why +
                   "; migrate the call, the wrapper and its callers by hand");
        continue;
      }
      if (A.Kind != VmasArgumentKind::OwnParameter) {
        // Only an internal function (or a helper) gets here: its parameter
        // goes whatever its callers pass.
        report(Removed.argumentRule(), R->Api, FindingKind::NeedsAttention, Arg->getBeginLoc(),
               Callee + " is passed '" + shown(Arg) + "', which is neither NULL "
                        "nor the caller's own " + Removed.word() + " parameter, and its " +
                   Removed.word() + " parameter goes with the migration; edit this "
                   "call by hand");
        continue;
      }
      const Removal *Outer = Holder ? removal(Holder) : nullptr;
      if (!Outer || !Outer->Indices.count(P->getFunctionScopeIndex())) {
        report(Removed.argumentRule(), R->Api, FindingKind::NeedsAttention, Arg->getBeginLoc(),
               Callee + " is passed '" + P->getName().str() + "', the " + Removed.word() +
                   " parameter of " + HolderName +
                   ", which cannot lose it automatically: " + whyKept(Holder, P) +
                   "; migrate the wrapper and its callers by hand");
        continue;
      }
      const FunctionDecl *HolderDef = Holder->getDefinition() ? Holder->getDefinition() : Holder;
      if (inside(Deleted[canonical(Holder)], Call->getBeginLoc())) {
        // The statement goes with the caller's own rewrite; only the
        // dependency remains: the caller must be migrated for this to hold.
        report(Removed.argumentRule(), R->Api, FindingKind::Rewrite, Arg->getBeginLoc(),
               "the call of " + Callee + " goes with " + HolderDef->getName().str() +
                   "()'s " + Removed.word() + " parameter",
               {}, {Outer->Api});
        continue;
      }
      llvm::Expected<TextEdit> Drop = dropCallArgument(*Call, Index, SM, LO);
      if (!Drop) {
        report(Removed.argumentRule(), R->Api, FindingKind::NeedsAttention, Arg->getBeginLoc(),
               "cannot drop the " + Removed.word() + " argument of " + Callee +
                   " automatically: " +
                   llvm::toString(Drop.takeError()) + "; edit it by hand");
        continue;
      }
      report(Removed.argumentRule(), R->Api, FindingKind::Rewrite, Arg->getBeginLoc(),
             "drop the " + Removed.word() + " argument of " + Callee + ": " +
                 HolderDef->getName().str() + "() loses its own " + Removed.word() +
                 " parameter" +
                 renamedCallee(Call),
             withRename(Call, {*Drop}), {Outer->Api});
      // If the callee keeps its parameter (held back) while the caller loses
      // its own, the caller passes NULL instead.
      llvm::Expected<CharSourceRange> ArgRange = E.rangeOf(Arg);
      Side = AlternativeSide;
      CalleeLoc = {};
      if (ArgRange)
        report(Removed.argumentRule(), Outer->Api, FindingKind::Rewrite, Arg->getBeginLoc(),
               "pass NULL to " + Callee + ", which keeps its " + Removed.word() +
                   " parameter, since " +
                   HolderDef->getName().str() + "() no longer has one",
               {E.replace(*ArgRange, "NULL")}, {}, R->Api);
      else
        llvm::consumeError(ArgRange.takeError());
    }
  }

  void addHelperIfNeeded() {
    Side = ApiSide::Definition;
    CalleeLoc = {};
    // Only where the prototype of get_user_pages_remote() is rewritten.
    const FunctionDecl *Proto = nullptr;
    bool HaveHelper = false;
    const FunctionDecl *Lookup = nullptr;
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || !FD->getIdentifier())
        continue;
      if (FD->getName() == "get_user_page_vma_remote")
        HaveHelper = true;
      if (FD->getName() == "vma_lookup" && !Lookup)
        Lookup = FD;
      if (!Proto && FD->getName() == "get_user_pages_remote" &&
          !FD->doesThisDeclarationHaveABody() && gupFunctionWithVmas(*FD))
        Proto = FD;
    }
    if (!Proto || HaveHelper)
      return;
    // The helper's body needs these before it; a header without them (not
    // the kernel's mm.h) gets a warning instead of code that cannot build.
    std::vector<std::string> Missing;
    for (llvm::StringRef Name : {"ERR_PTR", "put_page", "WARN_ON_ONCE", "EINVAL"}) {
      auto It = Ctx.Idents.find(Name);
      bool Known = false;
      if (It != Ctx.Idents.end()) {
        IdentifierInfo *II = It->getValue();
        Known = II->hasMacroDefinition();
        for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(DeclarationName(II)))
          Known |= SM.isBeforeInTranslationUnit(SM.getFileLoc(D->getLocation()),
                                                SM.getFileLoc(Proto->getLocation()));
      }
      if (!Known)
        Missing.push_back(Name.str());
    }
    if (!Missing.empty()) {
      std::string List;
      for (const std::string &M : Missing)
        List += (List.empty() ? "" : ", ") + M;
      report(HelperRule, "", FindingKind::Report, Proto->getLocation(),
             "the tree has no get_user_page_vma_remote(), and it cannot be added "
             "after this prototype because " + List +
                 (Missing.size() == 1 ? " is" : " are") +
                 " not declared before it; add the helper by hand where they are");
      return;
    }
    SourceLocation ProtoEnd = Proto->getEndLoc();
    if (!ProtoEnd.isFileID())
      return;
    Token Semi;
    SourceLocation After = Lexer::getLocForEndOfToken(ProtoEnd, 0, SM, LO);
    if (Lexer::getRawToken(After, Semi, SM, LO, true) || !Semi.is(tok::semi))
      return;
    SourceLocation Insert = Semi.getEndLoc();
    std::string Text = "\n";
    // vma_lookup() is defined further down in the kernel's mm.h; the helper
    // needs it declared before it.
    if (Lookup && SM.getFileID(SM.getFileLoc(Lookup->getLocation())) == SM.getFileID(Insert) &&
        SM.isBeforeInTranslationUnit(Insert, SM.getFileLoc(Lookup->getLocation())))
      Text += "\n" + std::string(Lookup->isInlineSpecified() ? "static inline " : "") +
              "struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);\n";
    else if (!Lookup)
      Text += "\nstruct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);\n";
    bool NeverNull = Options.TargetKernel >= 607;
    Text += "\n"
            "/*\n"
            " * One page of @mm at @addr and the VMA that maps it, with mmap_lock\n"
            " * held by the caller. Returns the page with a reference taken (drop it\n"
            " * with put_page()) and stores its VMA in *@vmap, or returns an ERR_PTR()\n";
    Text += NeverNull ? " * and leaves *@vmap alone. The VMA is valid only while mmap_lock\n"
                        " * stays held.\n"
                      : " * or NULL (no page) and leaves *@vmap alone. The VMA is valid only\n"
                        " * while mmap_lock stays held.\n";
    Text += " */\n"
            "static inline struct page *get_user_page_vma_remote(struct mm_struct *mm,\n"
            "\t\t\t\t\t\t    unsigned long addr,\n"
            "\t\t\t\t\t\t    int gup_flags,\n"
            "\t\t\t\t\t\t    struct vm_area_struct **vmap)\n"
            "{\n"
            "\tstruct vm_area_struct *vma;\n"
            "\tstruct page *page;\n"
            "\tlong got = get_user_pages_remote(mm, addr, 1, gup_flags, &page, NULL);\n"
            "\n"
            "\tif (got < 0)\n"
            "\t\treturn ERR_PTR(got);\n";
    Text += NeverNull ? "\tif (WARN_ON_ONCE(got == 0))\n"
                        "\t\treturn ERR_PTR(-EIO);\n"
                      : "\tif (got == 0)\n"
                        "\t\treturn NULL;\n";
    Text += "\n"
            "\tvma = vma_lookup(mm, addr);\n"
            "\tif (WARN_ON_ONCE(!vma)) {\n"
            "\t\tput_page(page);\n"
            "\t\treturn ERR_PTR(-EINVAL);\n"
            "\t}\n"
            "\n"
            "\t*vmap = vma;\n"
            "\treturn page;\n"
            "}\n";
    report(HelperRule, "get_user_pages_remote", FindingKind::Rewrite, Proto->getLocation(),
           "add get_user_page_vma_remote() after the prototype of "
           "get_user_pages_remote(): the callers that read one VMA use it",
           {E.insert(Insert, Text)});
  }
};

} // namespace

namespace {
std::string boundId(llvm::StringLiteral Gup, const RemovedParameter &Removed) {
  if (!Removed.Entry)
    return Gup.str();
  return Gup.str() + "-" + std::to_string(Removed.Number);
}
} // namespace

WholeMigration::WholeMigration(const MigrationOptions &Options, FindingSink &Sink,
                               const VersionGuards *Versions, RemovedParameter Removed)
    : Options(Options), Sink(Sink), Versions(Versions), Removed(Removed),
      FunctionId(boundId(GupFunctionId, Removed)), CallId(boundId(GupCallId, Removed)) {}

void WholeMigration::registerMatchers(MatchFinder &Finder,
                                      MatchFinder::MatchCallback *Receiver) {
  auto WithVmas = functionDecl(hasVmasArrayParameter());
  Finder.addMatcher(WithVmas.bind(GupFunctionId), Receiver);
  Finder.addMatcher(callExpr(callee(WithVmas)).bind(GupCallId), Receiver);
}

void WholeMigration::registerMatchers(MatchFinder &Finder,
                                      MatchFinder::MatchCallback *Receiver,
                                      const RemovedParameter &Removed) {
  // The API by name (the pass checks its arity and type), and every
  // function with a parameter of the removed type (the helpers).
  auto Affected = functionDecl(anyOf(hasName(Removed.Entry->Name),
                                     hasParameterSpelled(Removed.Entry->ParameterType)));
  Finder.addMatcher(Affected.bind(boundId(GupFunctionId, Removed)), Receiver);
  Finder.addMatcher(callExpr(callee(Affected)).bind(boundId(GupCallId, Removed)), Receiver);
}

bool WholeMigration::collect(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = Result.Context->getSourceManager();
  const LangOptions &LO = Result.Context->getLangOpts();
  // Code written only for kernels before the change is right as it is.
  auto OldOnly = [&](SourceLocation Loc) {
    if (!Versions || Loc.isInvalid())
      return false;
    auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
    return Versions->rangeAt(File, Offset, SM, LO).Below <= versionCode(Removed.Spec->Kernel);
  };
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>(FunctionId)) {
    if (Removed.Entry ? !OldOnly(FD->getLocation())
                      : !Versions || !Versions->oldKernelsOnly(*FD, SM, LO))
      Functions.insert(FD);
    return true;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId)) {
    if (Removed.Entry ? !OldOnly(Call->getBeginLoc())
                      : !Versions || !Versions->oldKernelsOnly(*Call, SM, LO))
      Calls.insert(Call);
    return true;
  }
  return false;
}

void WholeMigration::clear() {
  Functions.clear();
  Calls.clear();
}

std::vector<ChangedFunction> WholeMigration::finish(ASTContext &Ctx) {
  std::vector<ChangedFunction> Helpers;
  if (!Functions.empty() || !Calls.empty()) {
    Pass P(Options, Sink, Ctx, Functions, Calls, Removed);
    P.run();
    const SourceManager &SM = Ctx.getSourceManager();
    Target T(Removed);
    for (const auto &[Canon, R] : P.removals()) {
      if (T.isApi(R.Api))
        continue;
      ChangedFunction &H = Helpers.emplace_back();
      H.Name = R.Api;
      H.Indices = R.Indices;
      H.Arity = Canon->getNumParams();
      for (const FunctionDecl *FD : Canon->redecls())
        H.Files.insert(SM.getFileID(SM.getExpansionLoc(FD->getLocation())));
    }
  }
  clear();
  return Helpers;
}

} // namespace gup
