//===- VmasArray.cpp - Rule vmas-array ------------------------------------===//
//
// A call that fills an array of VMAs the caller allocated, reads it while
// mmap_lock is held, and frees it (io_uring's io_pin_pages()):
//
//   vmas = kvmalloc_array(nr_pages, sizeof(struct vm_area_struct *), GFP_KERNEL);
//   if (!vmas)
//           goto done;
//   pret = pin_user_pages(ubuf, nr_pages, flags, pages, vmas);
//   ... vmas[0]->vm_file ... vmas[i]->vm_file ...
//   kvfree(vmas);
//
// Each vmas[i] read under the lock becomes vma_lookup(mm, ubuf + i * PAGE_SIZE)
// (page i lies at start + i pages, whatever the alignment of start), hoisted
// into a local at the top of a loop body that reads it more than once; the
// array, its allocation, its check and its free go away. Behaviour is kept on
// every kernel. With --drop-vma-checks the statements that read the array are
// deleted instead (GUP refuses the dangerous long-term pins itself from 6.5).
//
//===----------------------------------------------------------------------===//
#include "Rules.h"

#include "../../SingleVma.h"
#include "../../TextEdits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <map>
#include <set>

using namespace clang;

namespace gup {
namespace {

// Functions that allocate or free the array (data, not scattered literals).
constexpr llvm::StringLiteral Allocators[] = {
    "kvmalloc_array", "kmalloc_array", "kcalloc", "kvcalloc",
    "kmalloc",        "kzalloc",       "kvmalloc", "kvzalloc",
    "vmalloc",        "vzalloc",       "vmalloc_array", "vcalloc"};
constexpr llvm::StringLiteral Deallocators[] = {"kvfree", "kfree", "vfree"};

bool calls(const Expr *E, llvm::ArrayRef<llvm::StringLiteral> Names) {
  const auto *Call = dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() &&
         llvm::is_contained(Names, FD->getName());
}

const Stmt *parentOf(const Stmt *S, ASTContext &Ctx, const Stmt **Child = nullptr) {
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

/// What one mention of the array is.
struct ArrayUse {
  enum Kind { CallArgument, Read, Allocation, NullCheck, Release, Other } K;
  const Stmt *Where;                       ///< statement to remove, or the read
  const ArraySubscriptExpr *Subscript = nullptr;
};

class VmasArrayRule : public CallSiteRule {
public:
  const RuleInfo &info() const override {
    static const RuleInfo Info{
        "vmas-array", "gup-vmas-array",
        "replace the reads of a caller-allocated vmas array by vma_lookup() "
        "and drop the array"};
    return Info;
  }

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    if (isa<MemberExpr>(Site.VmasArg->IgnoreParenImpCasts())) {
      // Allocated, passed and freed here perhaps, but other functions can
      // reach the member: nothing proves the array is never read.
      Site.decline("the array is a struct member, which code outside this "
                   "function may read; drop it from the struct with its "
                   "allocation and free if nothing reads it");
      return false;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(Site.VmasArg->IgnoreParenImpCasts());
    const auto *Array = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Array || isa<ParmVarDecl>(Array) || !Array->hasLocalStorage() ||
        !isVmasArrayType(Array->getType()) || !Site.Caller ||
        !Site.Caller->hasBody())
      return false;

    Finding F;
    F.Rule = info().Name;
    F.Api = Site.Api->Name;
    F.Loc = Site.VmasArg->getBeginLoc();
    std::string Why;
    llvm::Expected<std::vector<TextEdit>> Edits = plan(Site, Ctx, Array, Why);
    if (!Edits) {
      F.Kind = FindingKind::NeedsAttention;
      F.Message = ("the vmas array '" + Array->getName() + "' passed to " +
                   Site.Api->Name + "() is not migrated automatically: " +
                   llvm::toString(Edits.takeError()) +
                   "; replace its uses by vma_lookup() under mmap_lock by hand")
                      .str();
    } else {
      F.Message = Ctx.Options.DropVmaChecks
                      ? ("drop the vmas array '" + Array->getName() +
                         "' and the checks that read it (--drop-vma-checks): "
                         "GUP refuses such long-term pins itself from Linux 6.5")
                            .str()
                      : ("replace the vmas array '" + Array->getName() +
                         "' of " + Site.Api->Name +
                         "() by vma_lookup() under mmap_lock: the vmas "
                         "parameter is gone in Linux 6.5")
                            .str();
      // Only reads change behaviour (an array never read just goes away).
      bool Read = llvm::any_of(referencesTo(Array, Site.Caller->getBody()),
                               [&](const DeclRefExpr *Use) {
                                 return classify(Use, Site, Ctx.Ctx).K == ArrayUse::Read;
                               });
      if (Read)
        F.ReviewNote =
          Ctx.Options.DropVmaChecks
              ? ("the checks that read '" + Array->getName() +
                 "' are gone: confirm that the target kernels refuse such pins "
                 "themselves (Linux 6.5 and later do, with another error "
                 "code); before 6.5 nothing checks them")
                    .str()
              : ("each read of '" + Array->getName() +
                 "' is now a vma_lookup() instead of the VMA " + Site.Api->Name +
                 "() filled in: confirm that mmap_lock is held from the call to "
                 "the last read, or the VMAs may differ")
                    .str();
      F.Edits.assign(Edits->begin(), Edits->end());
      // For a patch series: the same change while the API still takes the
      // array, passing NULL instead (the first edit drops the argument).
      EditContext E(Ctx.SM, Ctx.LangOpts);
      llvm::Expected<CharSourceRange> ArgRange = E.rangeOf(Site.VmasArg->getSourceRange());
      if (ArgRange) {
        F.InterimEdits.assign(std::next(Edits->begin()), Edits->end());
        F.InterimEdits.push_back(E.replace(*ArgRange, "NULL"));
      } else {
        llvm::consumeError(ArgRange.takeError());
      }
    }
    Ctx.report(std::move(F));
    return true;
  }

private:
  static llvm::Error uncertain(const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  }

  ArrayUse classify(const DeclRefExpr *Use, const CallSite &Site,
                    ASTContext &Ctx) const {
    if (Use == Site.VmasArg->IgnoreParenImpCasts())
      return {ArrayUse::CallArgument, Site.Call};
    const Stmt *Child = nullptr;
    const Stmt *P = parentOf(Use, Ctx, &Child);
    if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(P)) {
      const Stmt *Above = parentOf(ASE, Ctx);
      const auto *Assign = dyn_cast_or_null<BinaryOperator>(Above);
      bool Written = Assign && Assign->isAssignmentOp() &&
                     Assign->getLHS()->IgnoreParens() == ASE;
      if (ASE->getBase()->IgnoreParenImpCasts() == Use && !Written)
        return {ArrayUse::Read, ASE, ASE};
      return {ArrayUse::Other, P};
    }
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Assign && BO->getLHS()->IgnoreParens() == Use &&
          isa_and_nonnull<CompoundStmt>(parentOf(BO, Ctx)) &&
          (calls(BO->getRHS(), Allocators) ||
           BO->getRHS()->IgnoreParenCasts()->isNullPointerConstant(
               Ctx, Expr::NPC_ValueDependentIsNotNull)))
        return {ArrayUse::Allocation, BO};
      if ((BO->getOpcode() == BO_EQ) &&
          (BO->getLHS()->IgnoreParenCasts()->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) ||
           BO->getRHS()->IgnoreParenCasts()->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)))
        if (const auto *If = dyn_cast_or_null<IfStmt>(parentOf(BO, Ctx)))
          if (If->getCond()->IgnoreParens() == BO && !If->getElse() &&
              alwaysLeaves(If->getThen()))
            return {ArrayUse::NullCheck, If};
      return {ArrayUse::Other, P};
    }
    if (const auto *Not = dyn_cast_or_null<UnaryOperator>(P)) {
      if (Not->getOpcode() == UO_LNot)
        if (const auto *If = dyn_cast_or_null<IfStmt>(parentOf(Not, Ctx)))
          if (If->getCond()->IgnoreParens() == Not && !If->getElse() &&
              alwaysLeaves(If->getThen()))
            return {ArrayUse::NullCheck, If};
      return {ArrayUse::Other, P};
    }
    if (const auto *Call = dyn_cast_or_null<CallExpr>(P)) {
      const Stmt *Holder = parentOf(Call, Ctx);
      if (calls(Call, Deallocators) && Call->getNumArgs() == 1 &&
          (isa_and_nonnull<CompoundStmt>(Holder) || isa_and_nonnull<LabelStmt>(Holder)))
        return {ArrayUse::Release, Call};
    }
    return {ArrayUse::Other, P ? P : Use};
  }

  llvm::Expected<std::vector<TextEdit>> plan(const CallSite &Site,
                                             RuleContext &Ctx,
                                             const VarDecl *Array,
                                             std::string &) const {
    ASTContext &AST = Ctx.Ctx;
    const SourceManager &SM = Ctx.SM;
    EditContext E(SM, Ctx.LangOpts);
    const Stmt *Body = Site.Caller->getBody();
    std::string Name = Array->getName().str();

    // Every mention of the array must be one we understand. Mentions inside
    // its own allocation (sizeof(*vmas)) go with that statement.
    std::vector<ArrayUse> Uses;
    auto Found = referencesTo(Array, Body);
    std::vector<const DeclRefExpr *> Mentions(Found.begin(), Found.end());
    for (const DeclRefExpr *Use : Mentions)
      Uses.push_back(classify(Use, Site, AST));
    std::set<unsigned> UnknownLines, AllLines;
    for (size_t I = 0; I < Uses.size(); ++I) {
      AllLines.insert(SM.getSpellingLineNumber(SM.getFileLoc(Mentions[I]->getBeginLoc())));
      if (Uses[I].K != ArrayUse::Other)
        continue;
      const Expr *Init = Array->getInit();
      bool InAllocation =
          (Init && Init->getSourceRange().fullyContains(Mentions[I]->getSourceRange())) ||
          llvm::any_of(Uses, [&](const ArrayUse &U) {
            return U.K == ArrayUse::Allocation &&
                   U.Where->getSourceRange().fullyContains(Mentions[I]->getSourceRange());
          });
      if (InAllocation)
        Uses[I].K = ArrayUse::CallArgument; // nothing to do for it
      else
        UnknownLines.insert(SM.getSpellingLineNumber(SM.getFileLoc(Mentions[I]->getBeginLoc())));
    }
    if (!UnknownLines.empty()) {
      auto Join = [](const std::set<unsigned> &Lines) {
        std::string Out;
        for (unsigned L : Lines)
          Out += (Out.empty() ? "line " : ", line ") + std::to_string(L);
        return Out;
      };
      return uncertain("'" + Name + "' is also used in a way no rule knows (" +
                       Join(UnknownLines) + "; every use: " + Join(AllLines) + ")");
    }
    // An array nothing reads may be filled however GUP likes.
    if (std::optional<unsigned> Locked = lockedIndex(*Site.Api))
      if (!isNullPointer(*Site.Call->getArg(*Locked), AST) &&
          llvm::any_of(Uses, [](const ArrayUse &U) { return U.K == ArrayUse::Read; }))
        return uncertain("the call also passes 'locked', so GUP may drop "
                         "mmap_lock while filling the array");
    const Expr *Init = Array->getInit();
    if (Init && !calls(Init, Allocators) &&
        !Init->IgnoreParenCasts()->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull))
      return uncertain("'" + Name + "' is initialised with something other "
                       "than NULL or an allocation");

    FunctionFlow *Flow = Ctx.flow(Site.Caller);
    auto After = Flow ? Flow->after(Site.Call) : std::nullopt;
    if (!After)
      return uncertain("the control flow of the function is not understood");

    llvm::Expected<std::vector<std::string>> Args =
        argumentTexts(*Site.Call, SM, Ctx.LangOpts);
    if (!Args)
      return Args.takeError();
    unsigned StartIndex = Site.Api->VmasIndex == 5 ? 1 : 0;
    const Expr *Start = Site.Call->getArg(StartIndex)->IgnoreImpCasts();
    if (Start->HasSideEffects(AST) || !Start->getType()->isIntegerType())
      return uncertain("the start address is not a plain integer expression");
    std::string Mm = mmText(*Site.Api, *Args);
    std::string StartText = (*Args)[StartIndex];
    if (!isa<DeclRefExpr>(Start) && !isa<IntegerLiteral>(Start))
      StartText = "(" + StartText + ")";

    // Reads must see what this call stored: after it, with mmap_lock still
    // held, and with the start address unchanged.
    std::set<const Stmt *> Reads;
    for (const ArrayUse &U : Uses)
      if (U.K == ArrayUse::Read)
        Reads.insert(U.Subscript);
    std::set<const Stmt *> Reached;
    auto IsArrayWrite = [&](const Stmt *S) {
      return accessOf(S, Array, AST) == Access::Write;
    };
    Flow->walk(*After, [&](const Stmt *S) {
      if (IsArrayWrite(S))
        return FunctionFlow::Step::StopPath;
      if (Reads.count(S))
        Reached.insert(S);
      return FunctionFlow::Step::Continue;
    });
    for (const Stmt *Read : Reads)
      if (!Reached.count(Read))
        return uncertain("'" + Name + "' is read where the call may not have "
                         "filled it (" + lineOf(Read, SM) + ")");
    std::set<const VarDecl *> StartVars;
    for (const DeclRefExpr *R : referencesToAnyVar(Site.Call->getArg(StartIndex)))
      if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
        StartVars.insert(V);
    // Statements after the call that may invalidate a read.
    std::vector<std::pair<const Stmt *, std::string>> Hazards;
    Flow->walk(*After, [&](const Stmt *S) {
      if (S == Site.Call)
        return FunctionFlow::Step::StopPath;
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (releasesSiteMm(*Call, Site, AST, SM, Ctx.LangOpts))
          Hazards.push_back({S, "mmap_lock is released"});
      for (const VarDecl *V : StartVars)
        if (accessOf(S, V, AST) == Access::Write)
          Hazards.push_back({S, "the start address changes"});
      return FunctionFlow::Step::Continue;
    });
    for (auto &[Hazard, What] : Hazards) {
      auto From = Flow->after(Hazard);
      if (!From)
        continue;
      const Stmt *Late = nullptr;
      Flow->walk(*From, [&](const Stmt *S) {
        if (S == Site.Call || IsArrayWrite(S))
          return FunctionFlow::Step::StopPath;
        if (Reads.count(S)) {
          Late = S;
          return FunctionFlow::Step::Abort;
        }
        return FunctionFlow::Step::Continue;
      });
      if (Late)
        return uncertain("'" + Name + "' is read after " + What + " (" +
                         lineOf(Hazard, SM) + " then " + lineOf(Late, SM) + ")");
    }

    std::vector<TextEdit> Edits;
    llvm::Expected<TextEdit> Drop =
        dropCallArgument(*Site.Call, Site.Api->VmasIndex, SM, Ctx.LangOpts);
    if (!Drop)
      return Drop.takeError();
    Edits.push_back(*Drop);

    // The array's own statements: declaration, allocation, check, free.
    const DeclStmt *Decl = declarationOf(Array, Body);
    if (!Decl)
      return uncertain("its declaration was not found");
    std::vector<const Stmt *> Removed;
    for (const ArrayUse &U : Uses)
      if (U.K == ArrayUse::Allocation || U.K == ArrayUse::NullCheck ||
          U.K == ArrayUse::Release)
        Removed.push_back(U.Where);
    // A label only the removed check jumped to goes too (-Wunused-label);
    // a free right after it goes with it.
    llvm::Expected<std::vector<const LabelStmt *>> DeadLabels =
        labelsOnlyReachedFrom(Removed, Body, E, AST);
    if (!DeadLabels)
      return DeadLabels.takeError();
    for (const Stmt *&S : Removed)
      if (const auto *Label = dyn_cast_or_null<LabelStmt>(parentOf(S, AST)))
        if (llvm::is_contained(*DeadLabels, Label))
          S = Label;
    if (llvm::Error Err = removeRuns(Removed, E, AST, Edits))
      return std::move(Err);
    for (const LabelStmt *Label : *DeadLabels)
      if (!llvm::is_contained(Removed, Label)) {
        llvm::Expected<TextEdit> Remove = removeLabel(Label, E);
        if (!Remove)
          return Remove.takeError();
        Edits.push_back(*Remove);
      }
    llvm::Expected<TextEdit> RemoveDecl = E.removeVariable(Array, Decl);
    if (!RemoveDecl)
      return RemoveDecl.takeError();
    Edits.push_back(*RemoveDecl);
    // Locals only those statements used (the size of the allocation).
    std::vector<const Stmt *> Gone = Removed;
    if (Array->getInit())
      Gone.push_back(Array->getInit());
    if (llvm::Error Err = removeLocalsOnlyUsedIn(Gone, Body, E, AST, Edits))
      return std::move(Err);

    if (Ctx.Options.DropVmaChecks) {
      if (llvm::Error Err = dropChecks(Reads, Array, Body, E, AST, Edits))
        return std::move(Err);
      return Edits;
    }
    if (llvm::Error Err = replaceReads(Reads, Mm, StartText, Body, E, AST, Edits))
      return std::move(Err);
    return Edits;
  }

  /// Every DeclRefExpr in \p Root (to any variable).
  static llvm::SmallVector<const DeclRefExpr *, 4> referencesToAnyVar(const Stmt *Root) {
    struct Collector : RecursiveASTVisitor<Collector> {
      llvm::SmallVector<const DeclRefExpr *, 4> Refs;
      bool VisitDeclRefExpr(DeclRefExpr *E) {
        Refs.push_back(E);
        return true;
      }
    } C;
    C.TraverseStmt(const_cast<Stmt *>(Root));
    return C.Refs;
  }

  /// Removes \p Statements, merging ones that are neighbours in a block so
  /// no blank lines pile up where they were.
  static llvm::Error removeRuns(std::vector<const Stmt *> Statements,
                                const EditContext &E, ASTContext &AST,
                                std::vector<TextEdit> &Edits) {
    const SourceManager &SM = E.SM;
    std::sort(Statements.begin(), Statements.end(),
              [&](const Stmt *A, const Stmt *B) {
                return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
              });
    for (size_t I = 0; I < Statements.size();) {
      const Stmt *First = Statements[I];
      const Stmt *Last = First;
      size_t J = I + 1;
      const auto *Block = dyn_cast_or_null<CompoundStmt>(parentOf(First, AST));
      while (J < Statements.size() && Block &&
             parentOf(Statements[J], AST) == Block) {
        // Only direct neighbours merge.
        auto It = llvm::find(Block->body(), Last);
        if (It == Block->body_end() || std::next(It) == Block->body_end() ||
            *std::next(It) != Statements[J])
          break;
        Last = Statements[J++];
      }
      if (const auto *Label = dyn_cast_or_null<LabelStmt>(parentOf(First, AST))) {
        const auto *Outer = dyn_cast_or_null<CompoundStmt>(parentOf(Label, AST));
        if (!Outer || Outer->body_back() == Label)
          return uncertain("the free is the last statement after a label");
      }
      llvm::Expected<TextEdit> Remove = E.removeStatements(First, Last);
      if (!Remove)
        return Remove.takeError();
      Edits.push_back(*Remove);
      I = J;
    }
    return llvm::Error::success();
  }

  llvm::Error replaceReads(const std::set<const Stmt *> &Reads,
                           const std::string &Mm, const std::string &Start,
                           const Stmt *Body, const EditContext &E,
                           ASTContext &AST, std::vector<TextEdit> &Edits) const {
    auto LookupOf = [&](const Expr *Index) -> llvm::Expected<std::string> {
      if (isIntConstant(Index, 0, AST))
        return "vma_lookup(" + Mm + ", " + Start + ")";
      llvm::Expected<CharSourceRange> R = E.rangeOf(Index);
      if (!R)
        return R.takeError();
      std::string I = E.text(*R).str();
      const Expr *Plain = Index->IgnoreParenImpCasts();
      if (!isa<DeclRefExpr>(Plain) && !isa<IntegerLiteral>(Plain))
        I = "(" + I + ")";
      return "vma_lookup(" + Mm + ", " + Start + " + " + I + " * PAGE_SIZE)";
    };
    // Reads of vmas[i] in a loop over i that reads it more than once share
    // one lookup at the top of the loop body.
    std::map<std::pair<const ForStmt *, const VarDecl *>, std::vector<const ArraySubscriptExpr *>> Loops;
    std::vector<const ArraySubscriptExpr *> Single;
    for (const Stmt *S : Reads) {
      const auto *ASE = cast<ArraySubscriptExpr>(S);
      if (ASE->getIdx()->HasSideEffects(AST))
        return uncertain("an index of the array has side effects (" +
                         lineOf(ASE, E.SM) + ")");
      const auto *IndexRef = dyn_cast<DeclRefExpr>(ASE->getIdx()->IgnoreParenImpCasts());
      const auto *IndexVar = IndexRef ? dyn_cast<VarDecl>(IndexRef->getDecl()) : nullptr;
      const ForStmt *Loop = nullptr;
      for (const Stmt *Up = parentOf(ASE, AST); Up && IndexVar; Up = parentOf(Up, AST))
        if (const auto *For = dyn_cast<ForStmt>(Up)) {
          if (isa<CompoundStmt>(For->getBody()) && !referencesTo(IndexVar, For->getInc()).empty())
            Loop = For;
          break;
        }
      if (Loop)
        Loops[{Loop, IndexVar}].push_back(ASE);
      else
        Single.push_back(ASE);
    }
    std::string LocalName = freeName(Body, "vma");
    for (auto &[Key, Group] : Loops) {
      auto [Loop, IndexVar] = Key;
      bool IndexWrittenInBody = false;
      for (const DeclRefExpr *R : referencesTo(IndexVar, Loop->getBody()))
        IndexWrittenInBody |= accessOf(R, IndexVar, AST) != Access::Read &&
                              accessOf(R, IndexVar, AST) != Access::None;
      for (const Stmt *S : Loop->getBody()->children())
        if (const auto *BO = dyn_cast<BinaryOperator>(S))
          IndexWrittenInBody |= BO->isAssignmentOp() &&
                                !referencesTo(IndexVar, BO->getLHS()).empty();
      if (Group.size() < 2 || IndexWrittenInBody) {
        Single.insert(Single.end(), Group.begin(), Group.end());
        continue;
      }
      llvm::Expected<std::string> Lookup = LookupOf(Group.front()->getIdx());
      if (!Lookup)
        return Lookup.takeError();
      const auto *Block = cast<CompoundStmt>(Loop->getBody());
      std::string Inner = Block->body_empty() ? E.indentOf(Loop->getBeginLoc()) + "\t"
                                              : E.indentOf(Block->body_front()->getBeginLoc());
      std::string Decl = "struct vm_area_struct *" + LocalName + " = ";
      std::string Call = formatCallText(Inner + Decl, *Lookup);
      SourceLocation Open = Block->getLBracLoc();
      if (!Open.isFileID())
        return uncertain("the loop is produced by a macro");
      Edits.push_back(E.insert(Open.getLocWithOffset(1),
                               "\n" + Inner + Decl + Call + ";\n"));
      for (const ArraySubscriptExpr *ASE : Group) {
        llvm::Expected<CharSourceRange> R = E.rangeOf(ASE);
        if (!R)
          return R.takeError();
        Edits.push_back(E.replace(*R, LocalName));
      }
    }
    for (const ArraySubscriptExpr *ASE : Single) {
      llvm::Expected<std::string> Lookup = LookupOf(ASE->getIdx());
      if (!Lookup)
        return Lookup.takeError();
      llvm::Expected<CharSourceRange> R = E.rangeOf(ASE);
      if (!R)
        return R.takeError();
      Edits.push_back(E.replace(*R, *Lookup));
    }
    return llvm::Error::success();
  }

  /// `vma_lookup(mm, addr)` broken like the kernel breaks long calls.
  static std::string formatCallText(const std::string &Prefix,
                                    const std::string &Lookup) {
    size_t Open = Lookup.find('(');
    std::string Inside = Lookup.substr(Open + 1, Lookup.size() - Open - 2);
    size_t Comma = Inside.find(", ");
    return formatCall(Prefix, Lookup.substr(0, Open),
                      {Inside.substr(0, Comma), Inside.substr(Comma + 2)});
  }

  /// \p Wanted, or a variant no declaration in \p Body uses.
  static std::string freeName(const Stmt *Body, const std::string &Wanted) {
    struct Names : RecursiveASTVisitor<Names> {
      std::set<std::string> Seen;
      bool VisitNamedDecl(NamedDecl *D) {
        if (D->getIdentifier())
          Seen.insert(D->getName().str());
        return true;
      }
      bool VisitDeclRefExpr(DeclRefExpr *E) {
        if (E->getDecl()->getIdentifier())
          Seen.insert(E->getDecl()->getName().str());
        return true;
      }
    } N;
    N.TraverseStmt(const_cast<Stmt *>(Body));
    for (std::string Candidate : {Wanted, "cur_" + Wanted, Wanted + "_i"})
      if (!N.Seen.count(Candidate))
        return Candidate;
    return Wanted + "_lookup";
  }

  /// --drop-vma-checks: the top-level statements that read the array go,
  /// with declarations only they use. They may only test and record an
  /// error code; anything else is a reason not to delete them.
  llvm::Error dropChecks(const std::set<const Stmt *> &Reads,
                         const VarDecl *Array, const Stmt *Body,
                         const EditContext &E, ASTContext &AST,
                         std::vector<TextEdit> &Edits) const {
    std::vector<const Stmt *> Checks;
    // The checks are the statements of the innermost block holding every
    // read that contain one (reached through a declaration when the read
    // initialises a variable).
    auto Chain = [&](const Stmt *Read) {
      std::vector<std::pair<const CompoundStmt *, const Stmt *>> Links;
      DynTypedNode Node = DynTypedNode::create(*Read);
      while (true) {
        DynTypedNodeList Parents = AST.getParents(Node);
        if (Parents.empty())
          break;
        if (const auto *Block = Parents[0].get<CompoundStmt>())
          if (const Stmt *Child = Node.get<Stmt>())
            Links.push_back({Block, Child});
        Node = Parents[0];
      }
      return Links;
    };
    std::vector<std::vector<std::pair<const CompoundStmt *, const Stmt *>>> Chains;
    for (const Stmt *Read : Reads)
      Chains.push_back(Chain(Read));
    const CompoundStmt *Common = nullptr;
    for (const auto &Link : Chains.front()) {
      const CompoundStmt *Block = Link.first;
      bool InAll = true;
      for (const auto &Other : Chains)
        InAll &= llvm::any_of(Other, [&](const auto &L) { return L.first == Block; });
      if (InAll) {
        Common = Block;
        break;
      }
    }
    if (!Common)
      return uncertain("the reads of the array are not in one block");
    for (const auto &Links : Chains)
      for (const auto &[Block, Child] : Links)
        if (Block == Common && !llvm::is_contained(Checks, Child))
          Checks.push_back(Child);
    // A variable a check declares drags in the statements that use it; a
    // loop body that becomes all checks makes the loop itself the check.
    const CompoundStmt *Block = Common;
    while (true) {
      bool Grew = true;
      while (Grew) {
        Grew = false;
        for (const Stmt *C : std::vector<const Stmt *>(Checks)) {
          const auto *DS = dyn_cast<DeclStmt>(C);
          if (!DS)
            continue;
          for (const Decl *D : DS->decls())
            if (const auto *V = dyn_cast<VarDecl>(D))
              for (const Stmt *S : Block->body())
                if (!llvm::is_contained(Checks, S) && !referencesTo(V, S).empty()) {
                  Checks.push_back(S);
                  Grew = true;
                }
        }
      }
      if (Checks.size() != Block->size())
        break;
      const Stmt *Owner = parentOf(Block, AST);
      const auto *Outer = Owner ? dyn_cast_or_null<CompoundStmt>(parentOf(Owner, AST)) : nullptr;
      if (!Owner || !Outer || !(isa<ForStmt>(Owner) || isa<WhileStmt>(Owner) ||
                                isa<DoStmt>(Owner)))
        break;
      Checks.assign({Owner});
      Block = Outer;
    }
    for (const Stmt *S : Checks)
      if (llvm::Error Err = onlyRecordsErrors(S, AST, E.SM))
        return Err;
    (void)Array;
    if (llvm::Error Err = removeRuns(Checks, E, AST, Edits))
      return Err;
    // Locals only the checks used (a loop counter) would now be unused.
    return removeLocalsOnlyUsedIn(Checks, Body, E, AST, Edits);
  }

  /// Removes the declarations of the locals that only \p Gone (statements
  /// being removed) mention, so no -Wunused warning is left.
  static llvm::Error removeLocalsOnlyUsedIn(const std::vector<const Stmt *> &Gone,
                                            const Stmt *Body, const EditContext &E,
                                            ASTContext &AST,
                                            std::vector<TextEdit> &Edits) {
    auto InGone = [&](const Stmt *R) {
      return llvm::any_of(Gone, [&](const Stmt *C) {
        return C->getSourceRange().fullyContains(R->getSourceRange());
      });
    };
    std::set<const VarDecl *> Candidates;
    for (const Stmt *C : Gone)
      for (const DeclRefExpr *R : referencesToAnyVar(C))
        if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
          if (V->hasLocalStorage() && !isa<ParmVarDecl>(V))
            Candidates.insert(V);
    for (const VarDecl *V : Candidates) {
      const DeclStmt *DS = declarationOf(V, Body);
      if (!DS || llvm::is_contained(Gone, DS) ||
          llvm::any_of(Gone, [&](const Stmt *C) {
            return C->getSourceRange().fullyContains(DS->getSourceRange());
          }))
        continue; // declared inside a removed statement: gone with it
      bool OnlyInGone = llvm::all_of(referencesTo(V, Body), InGone);
      if (!OnlyInGone || (V->hasInit() && V->getInit()->HasSideEffects(AST)))
        continue;
      llvm::Expected<TextEdit> Remove = E.removeVariable(V, DS);
      if (!Remove)
        return Remove.takeError();
      Edits.push_back(*Remove);
    }
    return llvm::Error::success();
  }

  static bool isInside(const Stmt *S, const std::vector<const Stmt *> &Outer,
                       ASTContext &AST) {
    for (const Stmt *Up = S; Up; Up = parentOf(Up, AST))
      if (llvm::is_contained(Outer, Up))
        return true;
    return false;
  }

  /// The labels that only gotos inside \p Removed jump to. A label some
  /// code this build skips may jump to (its name after a `goto` in the
  /// function's text more often than the AST has) makes the plan fail.
  static llvm::Expected<std::vector<const LabelStmt *>>
  labelsOnlyReachedFrom(const std::vector<const Stmt *> &Removed,
                        const Stmt *Body, const EditContext &E, ASTContext &AST) {
    struct Jumps : RecursiveASTVisitor<Jumps> {
      std::vector<const GotoStmt *> Gotos;
      std::set<const LabelDecl *> AddressTaken;
      bool VisitGotoStmt(GotoStmt *G) {
        Gotos.push_back(G);
        return true;
      }
      bool VisitAddrLabelExpr(AddrLabelExpr *A) {
        AddressTaken.insert(A->getLabel());
        return true;
      }
    } J;
    J.TraverseStmt(const_cast<Stmt *>(Body));
    std::vector<const LabelStmt *> Dead;
    for (const GotoStmt *G : J.Gotos) {
      const LabelDecl *L = G->getLabel();
      const LabelStmt *Label = L->getStmt();
      if (!Label || llvm::is_contained(Dead, Label) || J.AddressTaken.count(L) ||
          !isInside(G, Removed, AST))
        continue;
      unsigned Jumps = 0;
      bool AllRemoved = true;
      for (const GotoStmt *Other : J.Gotos)
        if (Other->getLabel() == L) {
          ++Jumps;
          AllRemoved &= isInside(Other, Removed, AST);
        }
      if (!AllRemoved)
        continue;
      auto AfterGoto = [](const Token &Previous) {
        return Previous.is(tok::raw_identifier) && Previous.getRawIdentifier() == "goto";
      };
      if (identifierMentions(Body, L->getName(), E.SM, E.LO, AfterGoto) != Jumps)
        return uncertain("the label '" + L->getName() + "' its NULL check jumps "
                         "to is also used in code this build skips, so it "
                         "cannot go with the check");
      Dead.push_back(Label);
    }
    return Dead;
  }

  /// Removes `name:` of \p Label, keeping the statement it labels.
  static llvm::Expected<TextEdit> removeLabel(const LabelStmt *Label,
                                              const EditContext &E) {
    const SourceManager &SM = E.SM;
    SourceLocation Begin = Label->getIdentLoc();
    std::optional<Token> Colon = Lexer::findNextToken(Begin, SM, E.LO);
    if (!Begin.isFileID() || !Colon || Colon->isNot(tok::colon))
      return uncertain("the label '" + llvm::Twine(Label->getName()) +
                       "' is not written plainly");
    auto [File, Offset] = SM.getDecomposedLoc(Begin);
    return E.removeText(File, Offset, SM.getFileOffset(Colon->getEndLoc()));
  }

  /// A check may branch, loop, break, continue, call predicates and assign
  /// constants to local variables; nothing else.
  static llvm::Error onlyRecordsErrors(const Stmt *S, ASTContext &AST,
                                       const SourceManager &SM) {
    struct Walker : RecursiveASTVisitor<Walker> {
      ASTContext &AST;
      const Stmt *Bad = nullptr;
      explicit Walker(ASTContext &AST) : AST(AST) {}
      bool VisitStmt(Stmt *S) {
        if (isa<ReturnStmt>(S) || isa<GotoStmt>(S))
          Bad = S;
        if (const auto *BO = dyn_cast<BinaryOperator>(S))
          if (BO->isAssignmentOp()) {
            const auto *To = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts());
            const auto *V = To ? dyn_cast<VarDecl>(To->getDecl()) : nullptr;
            if (!V || !V->hasLocalStorage() ||
                !BO->getRHS()->isIntegerConstantExpr(AST))
              Bad = S;
          }
        if (const auto *UO = dyn_cast<UnaryOperator>(S))
          if (UO->isIncrementDecrementOp()) {
            const auto *To = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts());
            const auto *V = To ? dyn_cast<VarDecl>(To->getDecl()) : nullptr;
            if (!V || !V->hasLocalStorage())
              Bad = S;
          }
        return !Bad;
      }
    } W(AST);
    // The loop counter's own init/increment are fine.
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      W.TraverseStmt(const_cast<Expr *>(For->getCond()));
      W.TraverseStmt(const_cast<Stmt *>(For->getBody()));
    } else {
      W.TraverseStmt(const_cast<Stmt *>(S));
    }
    if (W.Bad)
      return uncertain("a statement that reads the array does more than "
                       "record an error (" + lineOf(W.Bad, SM) + ")");
    return llvm::Error::success();
  }
};

} // namespace

const CallSiteRule &vmasArrayRule() {
  static const VmasArrayRule Rule;
  return Rule;
}

} // namespace gup
