//===- SingleVma.cpp - Shapes shared by the single-VMA rules --------------===//
#include "SingleVma.h"

#include "TextEdits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace gup {

static llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

static const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

const VarDecl *addressedLocal(const Expr *E) {
  const auto *UO = dyn_cast_or_null<UnaryOperator>(strip(E));
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(UO->getSubExpr()));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage())
    return nullptr;
  return Var;
}

bool isIntConstant(const Expr *E, int64_t Value, ASTContext &Ctx) {
  Expr::EvalResult R;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return false;
  return R.Val.getInt() == Value;
}

namespace {
class DeclFinder : public RecursiveASTVisitor<DeclFinder> {
public:
  const VarDecl *Var;
  const DeclStmt *Found = nullptr;
  bool VisitDeclStmt(DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (D == Var)
        Found = DS;
    return !Found;
  }
};
} // namespace

const DeclStmt *declarationOf(const VarDecl *Var, const Stmt *Body) {
  DeclFinder F;
  F.Var = Var;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

bool alwaysLeaves(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) ||
      isa<GotoStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && alwaysLeaves(CS->body_back());
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysLeaves(If->getThen()) &&
           alwaysLeaves(If->getElse());
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      return FD->isNoReturn();
  return false;
}

/// `likely(x)`/`unlikely(x)` expand to __builtin_expect(!!(x), c).
static const Expr *stripExpect(const Expr *E) {
  while (true) {
    E = strip(E);
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
          Call->getNumArgs() == 2) {
        E = Call->getArg(0);
        continue;
      }
    }
    if (const auto *Not = dyn_cast<UnaryOperator>(E))
      if (Not->getOpcode() == UO_LNot)
        if (const auto *Not2 = dyn_cast<UnaryOperator>(strip(Not->getSubExpr())))
          if (Not2->getOpcode() == UO_LNot) {
            E = Not2->getSubExpr();
            continue;
          }
    return E;
  }
}

static bool isSubject(const Expr *E, const Expr *Subject) {
  E = strip(E);
  if (E == Subject)
    return true;
  const auto *A = dyn_cast<DeclRefExpr>(E);
  const auto *B = dyn_cast<DeclRefExpr>(Subject);
  return A && B && A->getDecl() == B->getDecl();
}

/// Whether \p Cond tests the one-page count \p Subject as "failed" (true) or
/// "got the page" (false); sets \p Comparison to the text to replace.
static std::optional<bool> classifyTest(const Expr *Cond, const Expr *Subject,
                                        ASTContext &Ctx,
                                        const Expr *&Comparison) {
  const Expr *E = stripExpect(Cond);
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_LNot && isSubject(UO->getSubExpr(), Subject)) {
      Comparison = UO;
      return true; // !ret
    }
    return std::nullopt;
  }
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->isComparisonOp())
    return std::nullopt;
  BinaryOperatorKind Op = BO->getOpcode();
  const Expr *Other;
  if (isSubject(BO->getLHS(), Subject)) {
    Other = BO->getRHS();
  } else if (isSubject(BO->getRHS(), Subject)) {
    Other = BO->getLHS();
    Op = BinaryOperator::reverseComparisonOp(Op);
  } else {
    return std::nullopt;
  }
  Comparison = BO;
  auto K = [&](int64_t V) { return isIntConstant(Other, V, Ctx); };
  if ((Op == BO_LE && K(0)) || (Op == BO_LT && K(1)) || (Op == BO_NE && K(1)) ||
      (Op == BO_EQ && K(0)))
    return true;
  if ((Op == BO_EQ && K(1)) || (Op == BO_GT && K(0)) || (Op == BO_GE && K(1)))
    return false;
  return std::nullopt;
}

static const Stmt *parentOf(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

static std::string sourceText(const Stmt *S, const SourceManager &SM,
                              const LangOptions &LO) {
  return Lexer::getSourceText(
             CharSourceRange::getTokenRange(S->getSourceRange()), SM, LO)
      .str();
}

llvm::Expected<CountTest> analyseCountTest(const CallSite &Site,
                                           FunctionFlow &Flow,
                                           ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CountTest T;
  const Stmt *Child = Site.Call;
  const Stmt *Parent = parentOf(Child, Ctx);
  while (Parent && (isa<ParenExpr>(Parent) || isa<ImplicitCastExpr>(Parent))) {
    Child = Parent;
    Parent = parentOf(Child, Ctx);
  }
  const Expr *Subject = nullptr;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent);
      BO && BO->getOpcode() == BO_Assign && strip(BO->getRHS()) == Site.Call) {
    const auto *Ref = dyn_cast<DeclRefExpr>(strip(BO->getLHS()));
    const auto *Count = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Count || !Count->hasLocalStorage())
      return failure("the page count is stored in '" +
                     sourceText(BO->getLHS(), SM, Ctx.getLangOpts()) +
                     "', not in a local variable");
    const auto *Block = dyn_cast_or_null<CompoundStmt>(parentOf(BO, Ctx));
    if (!Block)
      return failure("the page count is assigned inside a larger expression");
    const Stmt *Next = nullptr;
    for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
      if (*It == BO && std::next(It) != Block->body_end())
        Next = *std::next(It);
    T.Kind = CountTest::Form::Assigned;
    T.Statement = BO;
    T.Assignment = BO;
    T.Count = Count;
    T.If = dyn_cast_or_null<IfStmt>(Next);
    if (!T.If)
      return failure("the page count is not tested by the statement right "
                     "after the call");
    Subject = Ref;
  } else {
    // The call inside the condition of an if: `if (call(...) <= 0)`.
    const Stmt *Up = Child;
    while (Up && !isa<IfStmt>(Up)) {
      const Stmt *P = parentOf(Up, Ctx);
      if (const auto *If = dyn_cast_or_null<IfStmt>(P)) {
        if (If->getCond() != Up)
          Up = nullptr;
        else
          Up = If;
        break;
      }
      if (!P || !isa<Expr>(P)) {
        Up = nullptr;
        break;
      }
      Up = P;
    }
    T.If = dyn_cast_or_null<IfStmt>(Up);
    if (!T.If)
      return failure("the page count is neither stored in a variable nor "
                     "tested by an if");
    T.Kind = CountTest::Form::InCondition;
    T.Statement = T.If;
    Subject = Site.Call;
  }
  if (T.If->getInit() || T.If->getConditionVariable())
    return failure("the if that tests the page count declares variables");

  std::optional<bool> MeansFailure =
      classifyTest(T.If->getCond(), Subject, Ctx, T.Comparison);
  if (!MeansFailure)
    return failure("the test '" + sourceText(T.If->getCond(), SM, Ctx.getLangOpts()) +
                   "' is not one of 'ret <= 0', 'ret < 1', 'ret != 1', '!ret', "
                   "'ret == 1', 'ret > 0'");
  T.ConditionMeansFailure = *MeansFailure;
  T.Failure = *MeansFailure ? T.If->getThen() : T.If->getElse();
  T.Success = *MeansFailure ? T.If->getElse() : T.If->getThen();
  T.SuccessShared = !T.Success && !alwaysLeaves(T.Failure);
  T.FailureShared = !T.Failure && !alwaysLeaves(T.Success);
  if (T.Success && isa<IfStmt>(T.Success))
    return failure("the page-count test continues in an else-if chain");
  auto FailEntry = Flow.branch(T.If, *MeansFailure);
  auto SuccEntry = Flow.branch(T.If, !*MeansFailure);
  if (!FailEntry || !SuccEntry)
    return failure("the control flow around the page-count test is not understood");
  T.FailureEntry = *FailEntry;
  T.SuccessEntry = *SuccEntry;
  return T;
}

const Stmt *vmaEscape(const VarDecl *Vma, const Expr *OwnArgument,
                      const Stmt *Body, ASTContext &Ctx) {
  auto Own = referencesTo(Vma, OwnArgument);
  for (const DeclRefExpr *Ref : referencesTo(Vma, Body)) {
    if (llvm::is_contained(Own, Ref))
      continue; // the call's own &vma
    const Stmt *Child = Ref;
    const Stmt *P = parentOf(Child, Ctx);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
      Child = P;
      P = parentOf(P, Ctx);
    }
    if (!P)
      continue;
    if (isa<ReturnStmt>(P) || isa<InitListExpr>(P))
      return P;
    if (const auto *UO = dyn_cast<UnaryOperator>(P))
      if (UO->getOpcode() == UO_AddrOf)
        return P;
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      if (BO->getOpcode() == BO_Assign && BO->getRHS()->IgnoreParenImpCasts() == Ref) {
        const auto *To = dyn_cast<DeclRefExpr>(strip(BO->getLHS()));
        const auto *ToVar = To ? dyn_cast<VarDecl>(To->getDecl()) : nullptr;
        if (!ToVar || !ToVar->hasLocalStorage())
          return P;
      }
  }
  return nullptr;
}

bool usedAsNumber(const Stmt *Read, ASTContext &Ctx) {
  const Stmt *Child = Read;
  const Stmt *P = parentOf(Child, Ctx);
  while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
    Child = P;
    P = parentOf(P, Ctx);
  }
  if (!P)
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return !(BO->isComparisonOp() || BO->isLogicalOp());
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->getOpcode() != UO_LNot;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getCond() != Child;
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return While->getCond() != Child;
  if (const auto *CO = dyn_cast<ConditionalOperator>(P))
    return CO->getCond() != Child;
  return true;
}

const VarDecl *singleVmaLocal(const CallSite &Site, ASTContext &Ctx) {
  const VarDecl *Vma = addressedLocal(Site.VmasArg);
  if (!Vma)
    return nullptr;
  const CallExpr *Call = Site.Call;
  unsigned NrIndex = Site.Api->VmasIndex == 5 ? 2 : 1;
  if (!isIntConstant(Call->getArg(NrIndex), 1, Ctx)) {
    Site.decline("the vmas argument points at a single VMA ('&" +
                 Vma->getName().str() +
                 "') but nr_pages is not the constant 1");
    return nullptr;
  }
  if (std::optional<unsigned> Locked = lockedIndex(*Site.Api))
    if (!isNullPointer(*Call->getArg(*Locked), Ctx)) {
      Site.decline("the call also passes 'locked', so GUP may drop mmap_lock "
                   "and the VMA would dangle; before 6.5 GUP rejects that "
                   "combination");
      return nullptr;
    }
  if (!Site.Caller || !Site.Caller->hasBody())
    return nullptr;
  return Vma;
}

std::optional<unsigned> lockedIndex(const GupFunction &Api) {
  if (Api.Name == "get_user_pages_remote" || Api.Name == "pin_user_pages_remote")
    return 6;
  return std::nullopt;
}

/// The remote APIs take the mm as their first argument; the others work on
/// current->mm.
static bool takesMm(const GupFunction &Api) {
  return Api.Name == "get_user_pages_remote" || Api.Name == "pin_user_pages_remote";
}

std::string mmText(const GupFunction &Api, const std::vector<std::string> &Args) {
  if (takesMm(Api))
    return Args[0];
  return "current->mm";
}

/// True when \p Var is given its value at its declaration and never again:
/// no assignment, increment or address taken anywhere in \p Body.
static bool onlyInitialised(const VarDecl *Var, const Stmt *Body, ASTContext &Ctx) {
  if (!Var->getInit() || Var->getType().isVolatileQualified())
    return false;
  for (const DeclRefExpr *Use : referencesTo(Var, Body)) {
    const Stmt *Child = Use;
    DynTypedNodeList Parents = Ctx.getParents(*Child);
    while (!Parents.empty() && Parents[0].get<ParenExpr>()) {
      Child = Parents[0].get<ParenExpr>();
      Parents = Ctx.getParents(*Child);
    }
    if (Parents.empty())
      continue;
    if (const auto *BO = Parents[0].get<BinaryOperator>())
      if (BO->isAssignmentOp() && BO->getLHS() == Child)
        return false;
    if (const auto *UO = Parents[0].get<UnaryOperator>())
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
        return false;
  }
  return true;
}

/// The value \p E stands for: \p E itself or, while it names a local
/// variable that only its initialiser sets, that initialiser.
static const Expr *valueBehindLocals(const Expr *E, const Stmt *Body, ASTContext &Ctx) {
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
        !onlyInitialised(Var, Body, Ctx))
      return E;
    E = Var->getInit();
  }
  return E;
}

static std::string withoutBlanks(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    if (C != ' ' && C != '\t' && C != '\n')
      Out += C;
  return Out;
}

bool releasesSiteMm(const CallExpr &Call, const CallSite &Site, ASTContext &Ctx,
                    const SourceManager &SM, const LangOptions &LO) {
  static constexpr llvm::StringLiteral Unlockers[] = {
      "mmap_read_unlock", "mmap_write_unlock", "mmap_read_unlock_non_owner"};
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD || !FD->getIdentifier() || !llvm::is_contained(Unlockers, FD->getName()) ||
      Call.getNumArgs() != 1 || !Site.Caller || !Site.Caller->hasBody())
    return false;
  const Stmt *Body = Site.Caller->getBody();
  const Expr *Released = valueBehindLocals(Call.getArg(0), Body, Ctx)->IgnoreParenImpCasts();
  EditContext E(SM, LO);
  auto TextOf = [&](const Expr *X) -> std::optional<std::string> {
    llvm::Expected<CharSourceRange> R = E.rangeOf(X);
    if (!R) {
      llvm::consumeError(R.takeError());
      return std::nullopt;
    }
    return withoutBlanks(E.text(*R));
  };
  std::optional<std::string> ReleasedText = TextOf(Released);
  if (!takesMm(*Site.Api))
    return ReleasedText && *ReleasedText == "current->mm";
  const Expr *Worked = valueBehindLocals(Site.Call->getArg(0), Body, Ctx)->IgnoreParenImpCasts();
  const auto *ReleasedRef = dyn_cast<DeclRefExpr>(Released);
  const auto *WorkedRef = dyn_cast<DeclRefExpr>(Worked);
  if (ReleasedRef && WorkedRef)
    return ReleasedRef->getDecl() == WorkedRef->getDecl();
  llvm::FoldingSetNodeID ReleasedId, WorkedId;
  Released->Profile(ReleasedId, Ctx, /*Canonical=*/true);
  Worked->Profile(WorkedId, Ctx, /*Canonical=*/true);
  if (ReleasedId == WorkedId)
    return true;
  std::optional<std::string> WorkedText = TextOf(Worked);
  return ReleasedText && WorkedText && *ReleasedText == *WorkedText;
}

unsigned identifierMentions(FileID File, unsigned Begin, unsigned End,
                            llvm::StringRef Name, const SourceManager &SM,
                            const LangOptions &LO,
                            llvm::function_ref<bool(const Token &)> After) {
  llvm::StringRef Buffer = SM.getBufferData(File);
  Lexer Lex(SM.getLocForStartOfFile(File), LO, Buffer.begin(),
            Buffer.begin() + Begin, Buffer.end());
  unsigned Count = 0;
  Token Previous, T;
  Previous.startToken();
  while (true) {
    Lex.LexFromRawLexer(T);
    if (T.is(tok::eof) || SM.getFileOffset(T.getLocation()) >= End)
      break;
    if (T.is(tok::raw_identifier) && T.getRawIdentifier() == Name &&
        (!After || After(Previous)))
      ++Count;
    Previous = T;
  }
  return Count;
}

std::optional<unsigned>
identifierMentions(const Stmt *S, llvm::StringRef Name, const SourceManager &SM,
                   const LangOptions &LO, llvm::function_ref<bool(const Token &)> After) {
  llvm::Expected<CharSourceRange> R = EditContext(SM, LO).rangeOf(S);
  if (!R) {
    llvm::consumeError(R.takeError());
    return std::nullopt;
  }
  auto [File, Begin] = SM.getDecomposedLoc(R->getBegin());
  return identifierMentions(File, Begin, SM.getFileOffset(R->getEnd()), Name, SM, LO,
                            After);
}

std::string lineOf(const Stmt *S, const SourceManager &SM) {
  return "line " +
         std::to_string(SM.getSpellingLineNumber(SM.getFileLoc(S->getBeginLoc())));
}

llvm::Expected<std::vector<std::string>>
argumentTexts(const CallExpr &Call, const SourceManager &SM,
              const LangOptions &LO) {
  llvm::Expected<ListSpelling> List = spellCallArguments(Call, SM, LO);
  if (!List)
    return List.takeError();
  if (List->InMacroBody)
    return failure("the call is written inside a macro");
  // The new call is written from the arguments this build compiles.
  if (llvm::Error E = checkItemsAreForNewKernels(*List, SM))
    return std::move(E);
  std::vector<std::string> Texts;
  for (unsigned I = 0; I < List->Items.size(); ++I) {
    // Arguments split over lines become one line in the new call.
    std::string Text;
    bool Space = false;
    for (char C : itemText(*List, I, SM)) {
      if (C == '\n' || C == '\t' || C == ' ') {
        Space = true;
        continue;
      }
      if (Space && !Text.empty() && Text.back() != '(' && C != ')')
        Text += ' ';
      Space = false;
      Text += C;
    }
    Texts.push_back(Text);
  }
  return Texts;
}

llvm::Expected<TextEdit> insertAtBranchStart(const IfStmt *If, bool Then,
                                             llvm::ArrayRef<std::string> Lines,
                                             const SourceManager &SM,
                                             const LangOptions &LO) {
  EditContext E(SM, LO);
  const Stmt *Branch = Then ? If->getThen() : If->getElse();
  if (!Branch)
    return failure("there is no such branch");
  std::string IfIndent = E.indentOf(If->getBeginLoc());
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch)) {
    std::string Inner = Block->body_empty() ? IfIndent + "\t"
                                            : E.indentOf(Block->body_front()->getBeginLoc());
    SourceLocation Open = Block->getLBracLoc();
    if (!Open.isFileID())
      return failure("the block is produced by a macro");
    std::string Text;
    for (const std::string &L : Lines)
      Text += "\n" + Inner + L;
    return E.insert(Open.getLocWithOffset(1), Text);
  }
  if (isa<IfStmt>(Branch))
    return failure("the branch is an else-if chain");
  llvm::Expected<CharSourceRange> Body = E.statementRange(Branch);
  if (!Body)
    return Body.takeError();
  SourceLocation From = Then ? If->getRParenLoc().getLocWithOffset(1)
                             : If->getElseLoc().getLocWithOffset(4);
  if (!From.isFileID())
    return failure("the if statement is produced by a macro");
  bool OwnLine = E.indentOf(Branch->getBeginLoc()).size() ==
                 SM.getSpellingColumnNumber(Body->getBegin()) - 1;
  std::string Inner = OwnLine ? E.indentOf(Branch->getBeginLoc()) : IfIndent + "\t";
  std::string Text = " {";
  for (const std::string &L : Lines)
    Text += "\n" + Inner + L;
  Text += "\n" + Inner + E.text(*Body).str() + "\n" + IfIndent + "}";
  SourceLocation To = Body->getEnd();
  if (Then && If->getElse()) {
    // `} else` on one line, as the kernel writes it.
    Text += " ";
    To = If->getElseLoc();
  }
  return E.replace(CharSourceRange::getCharRange(From, To), Text);
}

llvm::Expected<TextEdit> insertAfter(const Stmt *S,
                                     llvm::ArrayRef<std::string> Lines,
                                     const SourceManager &SM,
                                     const LangOptions &LO) {
  EditContext E(SM, LO);
  llvm::Expected<CharSourceRange> R = E.statementRange(S);
  if (!R)
    return R.takeError();
  std::string Indent = E.indentOf(S->getBeginLoc());
  std::string Text;
  for (const std::string &L : Lines)
    Text += "\n" + Indent + L;
  return E.insert(R->getEnd(), Text);
}

std::string pageFailed(llvm::StringRef Page, const MigrationOptions &Options,
                       bool Negate) {
  std::string Test = (Options.TargetKernel >= 607 ? "IS_ERR(" : "IS_ERR_OR_NULL(") +
                     Page.str() + ")";
  return Negate ? "!" + Test : Test;
}

std::string pageError(llvm::StringRef Page, llvm::StringRef Zero,
                      const MigrationOptions &Options) {
  if (Options.TargetKernel >= 607)
    return "PTR_ERR(" + Page.str() + ")";
  return (Page + " ? PTR_ERR(" + Page + ") : " + Zero).str();
}

} // namespace gup

namespace gup {

bool vmaReadOnFailure(const FunctionFlow &Flow, const CountTest &Test,
                      const VarDecl *Vma) {
  return !Flow.readsBeforeWrite(Test.FailureEntry, Vma).empty();
}

std::optional<TextEdit> vmaInitialisation(const VarDecl *Vma,
                                          const Expr *OwnArgument,
                                          const FunctionFlow &Flow,
                                          const CountTest &Test,
                                          bool FailureDefines,
                                          const SourceManager &SM,
                                          const LangOptions &LO) {
  if (Vma->hasInit() || isa<ParmVarDecl>(Vma))
    return std::nullopt;
  // The new code writes the VMA only on the success edge (the helper, or
  // the lookup we insert there) and, when we insert one, at the start of
  // the failure branch. Any read reachable without passing those is a read
  // of an unset variable: initialise it.
  auto Own = referencesTo(Vma, OwnArgument);
  llvm::SmallVector<const CFGBlock *, 2> Defining{Test.SuccessEntry.Block};
  if (FailureDefines)
    Defining.push_back(Test.FailureEntry.Block);
  auto Reads = Flow.readsBeforeWrite(
      Flow.entry(), Vma,
      [&](const Stmt *S) -> std::optional<Access> {
        for (const DeclRefExpr *Ref : Own)
          if (S == Ref)
            return Access::None;
        return std::nullopt;
      },
      Defining);
  if (Reads.empty())
    return std::nullopt;
  SourceLocation Name = Vma->getLocation();
  if (!Name.isFileID())
    return std::nullopt;
  SourceLocation End = Lexer::getLocForEndOfToken(Name, 0, SM, LO);
  return TextEdit{CharSourceRange::getCharRange(End, End), " = NULL"};
}

} // namespace gup
