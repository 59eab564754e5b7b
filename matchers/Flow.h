//===- Flow.h - Paths through one function, for "is it read later?" -------===//
//
// The single-VMA rewrites change what a variable holds on some paths (the
// page count disappears; the page pointer holds an ERR_PTR on failure). They
// are only correct if nobody reads the old value on those paths, so the rules
// ask questions about paths, answered on Clang's CFG of the enclosing
// function (one configuration: what the preprocessor kept).
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_FLOW_H
#define GUP_MATCHERS_FLOW_H

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <memory>
#include <optional>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class IfStmt;
class Stmt;
class VarDecl;
} // namespace clang

namespace gup {

/// How one CFG element touches a variable.
enum class Access { None, Read, Write, AddressTaken };

/// The access of \p Element (a CFG element statement) to \p Var: a plain
/// assignment or an initialised declaration writes, `&Var` takes its address,
/// any other mention reads (compound assignments and ++ included).
Access accessOf(const clang::Stmt *Element, const clang::VarDecl *Var,
                clang::ASTContext &Ctx);

class FunctionFlow {
public:
  /// The CFG of \p FD's body, or null when Clang cannot build one.
  static std::unique_ptr<FunctionFlow> build(const clang::FunctionDecl &FD,
                                             clang::ASTContext &Ctx);

  struct Point {
    const clang::CFGBlock *Block = nullptr;
    unsigned Index = 0; ///< first element to look at
  };

  /// The position of the CFG element for \p S.
  std::optional<Point> at(const clang::Stmt *S) const;
  /// The position right after the element for \p S.
  std::optional<Point> after(const clang::Stmt *S) const;
  /// Where the then (\p Then) or else branch of \p If starts; for a missing
  /// else, where control goes when the condition is false.
  std::optional<Point> branch(const clang::IfStmt *If, bool Then) const;

  enum class Step { Continue, StopPath, Abort };
  /// Visits every element on every path from \p From, each (block, index)
  /// at most once. \p Visit decides whether a path goes on.
  void walk(Point From,
            llvm::function_ref<Step(const clang::Stmt *Element)> Visit,
            llvm::ArrayRef<const clang::CFGBlock *> StopBlocks = {}) const;

  /// Reads of \p Var on some path from \p From before a write to it. A
  /// path through `&Var` counts as a read. \p Override may reclassify an
  /// element (return Access::None to ignore it, Access::Write to end the
  /// path there); entering one of \p Defining also ends a path.
  llvm::SmallVector<const clang::Stmt *, 4> readsBeforeWrite(
      Point From, const clang::VarDecl *Var,
      llvm::function_ref<std::optional<Access>(const clang::Stmt *)> Override =
          nullptr,
      llvm::ArrayRef<const clang::CFGBlock *> Defining = {}) const;

  /// The entry of the function.
  Point entry() const;

  clang::ASTContext &context() const { return Ctx; }

private:
  FunctionFlow(std::unique_ptr<clang::CFG> Graph, clang::ASTContext &Ctx);
  std::unique_ptr<clang::CFG> Graph;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::Stmt *, Point> Positions;
};

/// Every DeclRefExpr naming \p Var inside \p Root.
llvm::SmallVector<const clang::DeclRefExpr *, 8>
referencesTo(const clang::VarDecl *Var, const clang::Stmt *Root);

} // namespace gup

#endif
