//===- SingleVmaHelper.cpp - Rule single-vma-helper -----------------------===//
//
//   ret = get_user_pages_remote(mm, addr, 1, flags, &page, &vma, NULL);
//   if (ret <= 0)
//           return ret;
//   ... vma->vm_flags ...
// becomes
//   page = get_user_page_vma_remote(mm, addr, flags, &vma);
//   if (IS_ERR_OR_NULL(page))
//           return page ? PTR_ERR(page) : 0;
//
// The count disappears; whatever the old code did with it is kept: reads on
// the failure path get the errno the helper returns (PTR_ERR(NULL) being the
// old zero count), a count still needed later is assigned on both paths, and
// a count nothing reads any more is deleted with its declaration.
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "../../SingleVma.h"
#include "../../TextEdits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <optional>
#include <set>

using namespace clang;

namespace gup {
namespace {

llvm::Error declined(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

const Stmt *parentSkippingParens(const Stmt *S, ASTContext &Ctx,
                                 const Stmt **Child = nullptr) {
  const Stmt *C = S;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*C);
    const Stmt *P = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
      C = P;
      continue;
    }
    if (Child)
      *Child = C;
    return P;
  }
}

bool refersTo(const Expr *E, const VarDecl *Var) {
  return !referencesTo(Var, E).empty();
}

bool isCount(const Expr *E, const VarDecl *Count) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && Ref->getDecl() == Count;
}

/// For `ret == 0 ? X : ret` and its spellings: X, the value the old code
/// used for a zero count. Null when \p CO is not such a conditional.
const Expr *zeroArmOf(const ConditionalOperator *CO, const VarDecl *Count,
                      ASTContext &Ctx) {
  const Expr *Cond = CO->getCond()->IgnoreParenImpCasts();
  std::optional<bool> TrueMeansZero;
  if (isCount(Cond, Count)) {
    TrueMeansZero = false; // `ret ? ret : X`
  } else if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() == UO_LNot && isCount(UO->getSubExpr(), Count))
      TrueMeansZero = true;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    const Expr *Other = isCount(BO->getLHS(), Count)   ? BO->getRHS()
                        : isCount(BO->getRHS(), Count) ? BO->getLHS()
                                                       : nullptr;
    if (Other && isIntConstant(Other, 0, Ctx)) {
      BinaryOperatorKind Op = isCount(BO->getLHS(), Count)
                                  ? BO->getOpcode()
                                  : BinaryOperator::reverseComparisonOp(BO->getOpcode());
      if (Op == BO_EQ || Op == BO_GE)
        TrueMeansZero = true; // ret == 0, ret >= 0 (count is never > 0 here)
      else if (Op == BO_NE || Op == BO_LT)
        TrueMeansZero = false;
    }
  }
  if (!TrueMeansZero)
    return nullptr;
  const Expr *Zero = *TrueMeansZero ? CO->getTrueExpr() : CO->getFalseExpr();
  const Expr *Err = *TrueMeansZero ? CO->getFalseExpr() : CO->getTrueExpr();
  if (!isCount(Err, Count) || refersTo(Zero, Count))
    return nullptr;
  return Zero;
}

struct Substitution {
  const Expr *Root;
  std::string Text;
};

/// A read of the count in a failed path that can be replaced by the errno
/// the helper returned: `return ret;`, or `ret == 0 ? X : ret` (any
/// spelling) in a return or on the right of an assignment.
std::optional<Substitution> substitution(const Stmt *Read, const VarDecl *Count,
                                         llvm::StringRef Page,
                                         const EditContext &E,
                                         const MigrationOptions &Opts,
                                         ASTContext &AST) {
  const Stmt *Child = nullptr;
  const Stmt *P = parentSkippingParens(Read, AST, &Child);
  if (P && isa<ReturnStmt>(P))
    return Substitution{cast<Expr>(Child), pageError(Page, "0", Opts)};
  // Look for an enclosing `cond ? a : b` that tests this count against 0.
  const Stmt *Up = Read;
  for (unsigned Depth = 0; Depth < 4 && Up; ++Depth) {
    const Stmt *Above = parentSkippingParens(Up, AST);
    if (const auto *CO = dyn_cast_or_null<ConditionalOperator>(Above)) {
      const Expr *Zero = zeroArmOf(CO, Count, AST);
      if (!Zero)
        return std::nullopt;
      const Stmt *Context = parentSkippingParens(CO, AST);
      const auto *Assign = dyn_cast_or_null<BinaryOperator>(Context);
      if (!(Context && isa<ReturnStmt>(Context)) &&
          !(Assign && Assign->getOpcode() == BO_Assign))
        return std::nullopt;
      llvm::Expected<CharSourceRange> ZeroRange = E.rangeOf(Zero);
      if (!ZeroRange) {
        llvm::consumeError(ZeroRange.takeError());
        return std::nullopt;
      }
      return Substitution{CO, pageError(Page, E.text(*ZeroRange), Opts)};
    }
    if (!Above || !isa<Expr>(Above))
      return std::nullopt;
    Up = Above;
  }
  return std::nullopt;
}

/// One branch of an #if/#ifdef/#ifndef group, as offsets into a file: from
/// the line after its directive to the start of the next directive line of
/// its group.
struct ConditionalBranch {
  unsigned Begin, End;
};

/// The branches of the conditional groups opened and closed inside
/// [From, To) of \p Text.
std::vector<ConditionalBranch> conditionalBranches(llvm::StringRef Text, unsigned From,
                                                   unsigned To) {
  std::vector<ConditionalBranch> Branches;
  std::vector<unsigned> Open; // start of the current branch of each group
  for (unsigned Line = From; Line < To;) {
    size_t NL = Text.find('\n', Line);
    unsigned Next = NL == llvm::StringRef::npos ? Text.size() : NL + 1;
    llvm::StringRef T = Text.slice(Line, Next).ltrim(" \t");
    if (T.consume_front("#")) {
      T = T.ltrim(" \t");
      if (T.starts_with("if")) {
        Open.push_back(Next);
      } else if (!Open.empty() && (T.starts_with("el") || T.starts_with("endif"))) {
        Branches.push_back({Open.back(), Line});
        if (T.starts_with("endif"))
          Open.pop_back();
        else
          Open.back() = Next;
      }
    }
    Line = Next;
  }
  return Branches;
}

class SingleVmaHelperRule : public CallSiteRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "single-vma-helper", "gup-single-vma",
        "turn a one-page get_user_pages_remote() that reads its VMA into "
        "get_user_page_vma_remote()"};
    return Info;
  }

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    if (Site.Api->Name != "get_user_pages_remote")
      return false;
    const VarDecl *Vma = singleVmaLocal(Site, Ctx.Ctx);
    if (!Vma)
      return false;
    const VarDecl *Page = addressedLocal(Site.Call->getArg(4));
    if (!Page) {
      Site.decline("the pages argument is not '&page' of a local 'struct page *'");
      return false;
    }
    FunctionFlow *Flow = Ctx.flow(Site.Caller);
    auto After = Flow ? Flow->after(Site.Call) : std::nullopt;
    if (!After)
      return false;
    if (Flow->readsBeforeWrite(*After, Vma).empty())
      return false; // the VMA is never read: dead-vma's job

    llvm::Expected<std::vector<TextEdit>> Edits = plan(Site, Ctx, *Flow, Vma, Page);
    if (!Edits) {
      std::string Why = llvm::toString(Edits.takeError());
      if (Why.rfind("decline:", 0) == 0) {
        Site.decline(llvm::StringRef(Why).drop_front(8));
        return false;
      }
      Finding F = finding(Site);
      F.Kind = FindingKind::NeedsAttention;
      F.Message = "cannot turn this call into get_user_page_vma_remote() "
                  "automatically: " + Why + "; edit it by hand";
      Ctx.report(std::move(F));
      return true;
    }
    Finding F = finding(Site);
    F.Edits.assign(Edits->begin(), Edits->end());
    Ctx.report(std::move(F));
    return true;
  }

private:
  Finding finding(const CallSite &Site) const {
    Finding F;
    F.Rule = info().Name;
    F.Api = Site.Api->Name;
    F.Loc = Site.VmasArg->getBeginLoc();
    F.Message = "use get_user_page_vma_remote() for this one-page "
                "get_user_pages_remote() that reads its VMA: the vmas "
                "parameter is gone in Linux 6.5";
    return F;
  }

  /// The references to \p Count that stay after the rewrite: not the call's
  /// assignment, not the test, not a read replaced by the page's errno.
  static std::vector<const DeclRefExpr *>
  remainingUses(const VarDecl *Count, const Stmt *Body, const CountTest &Test,
                const std::set<const Stmt *> &Covered) {
    std::vector<const DeclRefExpr *> Uses;
    auto InTest = referencesTo(Count, Test.Comparison);
    for (const DeclRefExpr *Ref : referencesTo(Count, Body)) {
      if (Test.Assignment &&
          cast<BinaryOperator>(Test.Assignment)->getLHS()->IgnoreParenImpCasts() == Ref)
        continue;
      if (llvm::is_contained(InTest, Ref) || Covered.count(Ref))
        continue;
      Uses.push_back(Ref);
    }
    return Uses;
  }

  /// When every one of \p Uses lies inside an #if branch of the function's
  /// text (in some configuration none is compiled): the one branch that
  /// holds them all, or an error saying there is none.
  static llvm::Expected<std::optional<ConditionalBranch>>
  branchHoldingEveryUse(const VarDecl *Count, llvm::ArrayRef<const DeclRefExpr *> Uses,
                        const Stmt *Body, const EditContext &E) {
    const SourceManager &SM = E.SM;
    if (Uses.empty())
      return std::nullopt;
    llvm::Expected<CharSourceRange> Range = E.rangeOf(Body);
    if (!Range) {
      llvm::consumeError(Range.takeError());
      return std::nullopt;
    }
    auto [File, From] = SM.getDecomposedLoc(Range->getBegin());
    unsigned To = SM.getFileOffset(Range->getEnd());
    std::vector<ConditionalBranch> Branches =
        conditionalBranches(SM.getBufferData(File), From, To);
    std::optional<ConditionalBranch> Common;
    bool First = true;
    for (const DeclRefExpr *Ref : Uses) {
      auto [RefFile, At] = SM.getDecomposedLoc(SM.getFileLoc(Ref->getBeginLoc()));
      if (RefFile != File)
        return std::nullopt;
      bool InAny = false;
      for (const ConditionalBranch &B : Branches)
        InAny |= B.Begin <= At && At < B.End;
      if (!InAny)
        return std::nullopt; // a use every configuration compiles
      // The smallest branch holding this use and every use before it.
      std::optional<ConditionalBranch> Best;
      for (const ConditionalBranch &B : Branches)
        if (B.Begin <= At && At < B.End &&
            (First || (Common && B.Begin <= Common->Begin && Common->End <= B.End)) &&
            (!Best || B.End - B.Begin < Best->End - Best->Begin))
          Best = B;
      Common = Best;
      First = false;
    }
    if (!Common)
      return declined("decline:the page count '" + Count->getName() +
                      "' is only used in different #if branches, so a "
                      "configuration that compiles them out would set it and "
                      "never read it");
    return Common;
  }

  /// The edits, or an error: "decline:<why>" when the shape is not ours
  /// (another rule or the fallback reports it), otherwise why a shape we
  /// recognise cannot be edited in place.
  llvm::Expected<std::vector<TextEdit>> plan(const CallSite &Site,
                                             RuleContext &Ctx,
                                             FunctionFlow &Flow,
                                             const VarDecl *Vma,
                                             const VarDecl *Page) const {
    ASTContext &AST = Ctx.Ctx;
    const SourceManager &SM = Ctx.SM;
    const MigrationOptions &Opts = Ctx.Options;
    const Stmt *Body = Site.Caller->getBody();
    EditContext E(SM, Ctx.LangOpts);

    llvm::Expected<CountTest> Tested = analyseCountTest(Site, Flow, AST);
    if (!Tested)
      return declined("decline:" + llvm::toString(Tested.takeError()));
    CountTest &Test = *Tested;
    if (const Stmt *Escape = vmaEscape(Vma, Site.VmasArg, Body, AST))
      return declined("decline:the VMA is passed out of the function (" +
                      lineOf(Escape, SM) + ")");
    // On failure the page variable now holds an ERR_PTR or NULL instead of
    // its old value: nothing may read it there.
    auto PageReads = Flow.readsBeforeWrite(Test.FailureEntry, Page);
    if (!PageReads.empty())
      return declined("decline:'" + Page->getName() + "' is read after a failed "
                      "call (" + lineOf(PageReads.front(), SM) +
                      "), where it would now hold an error pointer");

    std::string PageName = Page->getName().str();
    std::string VmaName = Vma->getName().str();
    const VarDecl *Count = Test.Count;
    // The count stops being what GUP returned: code the build skips (an #if
    // branch) that uses it cannot be rewritten with it.
    auto NotMember = [](const Token &Previous) {
      return !Previous.isOneOf(tok::period, tok::arrow);
    };
    if (Count && identifierMentions(Body, Count->getName(), SM, Ctx.LangOpts, NotMember)
                         .value_or(0) >
                     referencesTo(Count, Body).size() + (isa<ParmVarDecl>(Count) ? 0 : 1))
      return declined("decline:the page count '" + Count->getName() +
                      "' is also used in code this build skips (an inactive #if "
                      "branch)");

    // Reads of the count that still need its value.
    llvm::SmallVector<const Stmt *, 4> FailReads, SuccReads;
    if (Count) {
      FailReads = Flow.readsBeforeWrite(Test.FailureEntry, Count);
      SuccReads = Flow.readsBeforeWrite(Test.SuccessEntry, Count);
      for (const Stmt *Read : SuccReads)
        if (usedAsNumber(Read, AST))
          return declined("decline:the page count is used as a number after a "
                          "successful call (" + lineOf(Read, SM) + ")");
      if (!SuccReads.empty() && Test.SuccessShared)
        return declined("decline:the page count is read after the test, where "
                        "both a failed and a successful call arrive");
    }

    // Failure path: substitute simple reads, or assign the count.
    std::vector<Substitution> Substitutions;
    std::set<const Stmt *> Covered;
    bool AssignOnFailure = false;
    for (const Stmt *Read : FailReads) {
      if (Covered.count(Read))
        continue;
      bool InFailureBranch =
          Test.Failure &&
          SM.isBeforeInTranslationUnit(Test.Failure->getBeginLoc(), Read->getBeginLoc()) &&
          !SM.isBeforeInTranslationUnit(Test.Failure->getEndLoc(), Read->getBeginLoc());
      if (InFailureBranch) {
        if (std::optional<Substitution> Sub = substitution(Read, Count, PageName, E, Opts, AST)) {
          for (const DeclRefExpr *Ref : referencesTo(Count, Sub->Root))
            Covered.insert(Ref);
          Substitutions.push_back(std::move(*Sub));
          continue;
        }
      }
      AssignOnFailure = true;
    }

    bool LookupOnFailure = vmaReadOnFailure(Flow, Test, Vma);
    llvm::Expected<std::vector<std::string>> Args =
        argumentTexts(*Site.Call, SM, Ctx.LangOpts);
    if (!Args)
      return Args.takeError();
    std::string Lookup =
        VmaName + " = vma_lookup(" + (*Args)[0] + ", " + (*Args)[1] + ");";

    std::vector<TextEdit> Edits;
    // 1. The call itself.
    std::vector<std::string> HelperArgs{(*Args)[0], (*Args)[1], (*Args)[3],
                                        "&" + VmaName};
    if (Test.Kind == CountTest::Form::Assigned) {
      llvm::Expected<CharSourceRange> R = E.rangeOf(Test.Assignment);
      if (!R)
        return R.takeError();
      std::string Prefix = E.indentOf(Test.Assignment->getBeginLoc()) + PageName + " = ";
      Edits.push_back(E.replace(*R, PageName + " = " +
                                        formatCall(Prefix, "get_user_page_vma_remote",
                                                   HelperArgs)));
    } else {
      std::string Indent = E.indentOf(Test.If->getBeginLoc());
      SourceLocation At = Test.If->getBeginLoc();
      if (!At.isFileID())
        return declined("the if statement is produced by a macro");
      Edits.push_back(E.insert(
          At, PageName + " = " +
                  formatCall(Indent + PageName + " = ", "get_user_page_vma_remote",
                             HelperArgs) +
                  ";\n" + Indent));
    }
    // 2. The test.
    {
      llvm::Expected<CharSourceRange> R = E.rangeOf(Test.Comparison);
      if (!R)
        return R.takeError();
      Edits.push_back(E.replace(*R, pageFailed(PageName, Opts,
                                               !Test.ConditionMeansFailure)));
    }
    // A count the rewrite keeps but whose every remaining use sits in #if
    // branches would be set and never read where they are compiled out
    // (-Wunused-but-set-variable): it is declared in that branch instead,
    // or, when no one branch holds every use, the site is the next rule's.
    std::optional<TextEdit> CountDeclaration, CountRemoval;
    if (Count && !isa<ParmVarDecl>(Count) && (AssignOnFailure || !SuccReads.empty())) {
      llvm::Expected<std::optional<ConditionalBranch>> Branch =
          branchHoldingEveryUse(Count, remainingUses(Count, Body, Test, Covered), Body, E);
      if (!Branch)
        return Branch.takeError();
      if (*Branch) {
        const auto *Block = dyn_cast_or_null<CompoundStmt>(Test.Failure);
        const DeclStmt *Decl = declarationOf(Count, Body);
        auto [File, Open] = SM.getDecomposedLoc(Block ? SM.getFileLoc(Block->getLBracLoc())
                                                      : SourceLocation());
        unsigned Close = Block ? SM.getFileOffset(SM.getFileLoc(Block->getRBracLoc())) : 0;
        bool InFailureBlock = Block && !Test.FailureShared && SuccReads.empty() &&
                              Open < (*Branch)->Begin && (*Branch)->End <= Close;
        bool PureInit = !Count->hasInit() || !Count->getInit()->HasSideEffects(AST);
        if (!InFailureBlock || !Decl || !PureInit)
          return declined("decline:the page count is only used in #if branches "
                          "(" + lineOf(Test.Statement, SM) + " onwards), so a "
                          "configuration that compiles them out would set it "
                          "and never read it");
        llvm::Expected<TextEdit> Remove = E.removeVariable(Count, Decl);
        if (!Remove)
          return Remove.takeError();
        CountRemoval = *Remove;
        llvm::StringRef Text = SM.getBufferData(File);
        unsigned First = (*Branch)->Begin;
        while (First < (*Branch)->End && (Text[First] == '\n' || Text[First] == ' ' ||
                                          Text[First] == '\t'))
          ++First;
        std::string Indent = E.indentOf(SM.getComposedLoc(File, First));
        PrintingPolicy Policy(Ctx.LangOpts);
        CountDeclaration = E.insert(
            SM.getComposedLoc(File, (*Branch)->Begin),
            Indent + Count->getType().getAsString(Policy) + " " +
                Count->getName().str() + " = " + pageError(PageName, "0", Opts) +
                ";\n\n");
        AssignOnFailure = false;
      }
    }
    if (CountRemoval) {
      Edits.push_back(*CountRemoval);
      Edits.push_back(*CountDeclaration);
    }

    // 3. The failure path.
    std::vector<std::string> FailureLines;
    if (AssignOnFailure)
      FailureLines.push_back(Count->getName().str() + " = " +
                             pageError(PageName, "0", Opts) + ";");
    if (LookupOnFailure)
      FailureLines.push_back(Lookup);
    bool WrapFailure = !FailureLines.empty();
    if (AssignOnFailure && Test.FailureShared)
      return declined("decline:the page count is read after the test, where "
                      "both a failed and a successful call arrive");
    if (WrapFailure && !AssignOnFailure && !Substitutions.empty() &&
        Test.Failure && !isa<CompoundStmt>(Test.Failure)) {
      // Wrapping a single statement rewrites its text: assign instead.
      AssignOnFailure = true;
      Substitutions.clear();
      FailureLines.insert(FailureLines.begin(),
                          Count->getName().str() + " = " +
                              pageError(PageName, "0", Opts) + ";");
    }
    if (!AssignOnFailure)
      for (const Substitution &Sub : Substitutions) {
        llvm::Expected<CharSourceRange> R = E.rangeOf(Sub.Root);
        if (!R)
          return R.takeError();
        Edits.push_back(E.replace(*R, Sub.Text));
      }
    if (WrapFailure) {
      llvm::Expected<TextEdit> Insert =
          Test.Failure ? insertAtBranchStart(Test.If, Test.ConditionMeansFailure,
                                             FailureLines, SM, Ctx.LangOpts)
                       : insertAfter(Test.If, FailureLines, SM, Ctx.LangOpts);
      if (!Insert)
        return Insert.takeError();
      Edits.push_back(*Insert);
    }
    // 4. A count still read after success holds what GUP returned: 1.
    if (!SuccReads.empty()) {
      std::vector<std::string> Lines{Count->getName().str() + " = 1;"};
      llvm::Expected<TextEdit> Insert =
          Test.Success ? insertAtBranchStart(Test.If, !Test.ConditionMeansFailure,
                                             Lines, SM, Ctx.LangOpts)
                       : insertAfter(Test.If, Lines, SM, Ctx.LangOpts);
      if (!Insert)
        return Insert.takeError();
      Edits.push_back(*Insert);
    }
    // 5. A count nothing reads any more goes away.
    if (Count && !AssignOnFailure && !CountRemoval && SuccReads.empty() &&
        !isa<ParmVarDecl>(Count)) {
      size_t Remaining = remainingUses(Count, Body, Test, Covered).size();
      bool InitIsPure = !Count->hasInit() || !Count->getInit()->HasSideEffects(AST);
      if (Remaining == 0 && InitIsPure)
        if (const DeclStmt *Decl = declarationOf(Count, Body)) {
          llvm::Expected<TextEdit> Remove = E.removeVariable(Count, Decl);
          if (!Remove)
            return Remove.takeError();
          Edits.push_back(*Remove);
        }
    }
    // 6. A VMA some path reads before the helper sets it starts as NULL.
    if (std::optional<TextEdit> Init = vmaInitialisation(
            Vma, Site.VmasArg, Flow, Test, LookupOnFailure, SM, Ctx.LangOpts))
      Edits.push_back(*Init);
    return Edits;
  }
};

} // namespace

const CallSiteRule &singleVmaHelperRule() {
  static const SingleVmaHelperRule Rule;
  return Rule;
}

} // namespace gup
