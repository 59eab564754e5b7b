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

#include "../SingleVma.h"
#include "../TextEdits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

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
    if (Count && !AssignOnFailure && SuccReads.empty() && !isa<ParmVarDecl>(Count)) {
      unsigned Remaining = 0;
      for (const DeclRefExpr *Ref : referencesTo(Count, Body)) {
        if (Test.Assignment && refersTo(Test.Assignment, Count) &&
            cast<BinaryOperator>(Test.Assignment)->getLHS()->IgnoreParenImpCasts() == Ref)
          continue;
        if (!referencesTo(Count, Test.Comparison).empty() &&
            llvm::is_contained(referencesTo(Count, Test.Comparison), Ref))
          continue;
        if (Covered.count(Ref))
          continue;
        ++Remaining;
      }
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
