//===- SingleVma.h - Shapes shared by the single-VMA rules ----------------===//
//
// A call that asks GUP for one page and its VMA (`&page`, `&vma`) and then
// tests how many pages it got. The rules that migrate such calls need the
// same facts: which locals are behind the arguments, how the result is
// tested, which branch runs on failure and which on success.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_SINGLEVMA_H
#define GUP_MATCHERS_SINGLEVMA_H

#include "Flow.h"
#include "Rule.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace clang {
class DeclStmt;
class Token;
class IfStmt;
} // namespace clang

namespace gup {

/// The local variable `x` when \p E is `&x` (through parentheses and
/// implicit casts), else null.
const clang::VarDecl *addressedLocal(const clang::Expr *E);

/// True when \p E is an integer constant equal to \p Value.
bool isIntConstant(const clang::Expr *E, int64_t Value, clang::ASTContext &Ctx);

/// The declaration statement that declares \p Var inside \p Body, or null.
const clang::DeclStmt *declarationOf(const clang::VarDecl *Var,
                                     const clang::Stmt *Body);

/// True when \p S never completes normally (return, break, continue, goto,
/// or a block/if whose every way out is one of these).
bool alwaysLeaves(const clang::Stmt *S);

/// How the page count of a one-page call is tested.
struct CountTest {
  enum class Form {
    Assigned,    ///< `ret = call;` then `if (test of ret)`
    InCondition, ///< `if (call <op> K)`
  };
  Form Kind = Form::Assigned;
  const clang::Stmt *Statement = nullptr;   ///< the statement holding the call
  const clang::Expr *Assignment = nullptr;  ///< `ret = call` (Assigned)
  const clang::VarDecl *Count = nullptr;    ///< `ret` (Assigned)
  const clang::IfStmt *If = nullptr;        ///< the test
  const clang::Expr *Comparison = nullptr;  ///< the text that tests the count
  bool ConditionMeansFailure = true;        ///< `ret <= 0` vs `ret == 1`
  const clang::Stmt *Failure = nullptr;     ///< null: control goes on after If
  const clang::Stmt *Success = nullptr;     ///< null: control goes on after If
  /// The success path continues after the if, where a failure branch that
  /// does not leave also arrives (and the other way round).
  bool SuccessShared = false;
  bool FailureShared = false;
  FunctionFlow::Point FailureEntry, SuccessEntry;
};

/// Recognises the statement around \p Site.Call and its count test, or says
/// why it is not one we can rewrite with certainty.
llvm::Expected<CountTest> analyseCountTest(const CallSite &Site,
                                           FunctionFlow &Flow,
                                           clang::ASTContext &Ctx);

/// A use of the VMA that carries it out of the function (returned, stored
/// through a pointer or into a global or struct, or its address taken
/// elsewhere), or null.
const clang::Stmt *vmaEscape(const clang::VarDecl *Vma,
                             const clang::Expr *OwnArgument,
                             const clang::Stmt *Body, clang::ASTContext &Ctx);

/// True when a read of a variable (\p Read, a DeclRefExpr) uses its value as
/// a number (arithmetic, an argument, a return value, a copy) rather than
/// only testing it (comparisons, `!`, conditions).
bool usedAsNumber(const clang::Stmt *Read, clang::ASTContext &Ctx);

/// The common preconditions of the `&vma` rules: the local behind the vmas
/// argument, one page, no `locked`. Null (and a reason recorded on \p Site
/// when the site is a `&vma` one) otherwise.
const clang::VarDecl *singleVmaLocal(const CallSite &Site, clang::ASTContext &Ctx);

/// Index of the `locked` argument of \p Api, if it has one.
std::optional<unsigned> lockedIndex(const GupFunction &Api);

/// The text of the mm an API works on: its mm argument, or `current->mm`.
std::string mmText(const GupFunction &Api, const std::vector<std::string> &Args);

/// True when \p Call releases mmap_lock (mmap_read_unlock(),
/// mmap_write_unlock(), ...) of the mm the call of \p Site works on. "The
/// same mm" is decided by value, not by spelling: a local variable that only
/// its initialiser sets stands for that initialiser (`mm = current->mm`, an
/// alias of the mm parameter), followed on both sides.
bool releasesSiteMm(const clang::CallExpr &Call, const CallSite &Site,
                    clang::ASTContext &Ctx, const clang::SourceManager &SM,
                    const clang::LangOptions &LO);

/// How many times identifier \p Name is written in [\p Begin, \p End) of
/// \p File, in every #if branch (code the build skips included), right
/// after a token \p After accepts (any token when it is null).
unsigned identifierMentions(clang::FileID File, unsigned Begin, unsigned End,
                            llvm::StringRef Name, const clang::SourceManager &SM,
                            const clang::LangOptions &LO,
                            llvm::function_ref<bool(const clang::Token &)> After = nullptr);

/// The same over the text of \p S; nothing when \p S is not written in one
/// file.
std::optional<unsigned>
identifierMentions(const clang::Stmt *S, llvm::StringRef Name,
                   const clang::SourceManager &SM, const clang::LangOptions &LO,
                   llvm::function_ref<bool(const clang::Token &)> After = nullptr);

/// "line N" of \p S, for messages.
std::string lineOf(const clang::Stmt *S, const clang::SourceManager &SM);

/// The text of every argument of \p Call as written, or why it is not
/// written plainly in one file.
llvm::Expected<std::vector<std::string>>
argumentTexts(const clang::CallExpr &Call, const clang::SourceManager &SM,
              const clang::LangOptions &LO);

/// Lines inserted at the start of branch \p Branch of \p If (a block or a
/// single statement that then becomes a block), indented like its body.
llvm::Expected<TextEdit> insertAtBranchStart(const clang::IfStmt *If,
                                             bool Then,
                                             llvm::ArrayRef<std::string> Lines,
                                             const clang::SourceManager &SM,
                                             const clang::LangOptions &LO);

/// Lines inserted right after statement \p S, indented like it.
llvm::Expected<TextEdit> insertAfter(const clang::Stmt *S,
                                     llvm::ArrayRef<std::string> Lines,
                                     const clang::SourceManager &SM,
                                     const clang::LangOptions &LO);

/// `IS_ERR_OR_NULL(page)` (or `IS_ERR(page)` when the helper never returns
/// NULL, from 6.7), negated for a success test.
std::string pageFailed(llvm::StringRef Page, const MigrationOptions &Options,
                       bool Negate = false);

/// The errno a failed call leaves in the count: `page ? PTR_ERR(page) : Zero`
/// (or `PTR_ERR(page)` from 6.7).
std::string pageError(llvm::StringRef Page, llvm::StringRef Zero,
                      const MigrationOptions &Options);

/// True when the old code read the VMA on the failure path before writing
/// it (it saw whatever the variable held before the call).
bool vmaReadOnFailure(const FunctionFlow &Flow, const CountTest &Test,
                      const clang::VarDecl *Vma);

/// ` = NULL` for the VMA's declaration when some read can reach an unset
/// variable in the new code (the helper writes it only on success).
std::optional<TextEdit> vmaInitialisation(const clang::VarDecl *Vma,
                                          const clang::Expr *OwnArgument,
                                          const FunctionFlow &Flow,
                                          const CountTest &Test,
                                          bool FailureDefines,
                                          const clang::SourceManager &SM,
                                          const clang::LangOptions &LO);

} // namespace gup

#endif
