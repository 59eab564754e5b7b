//===- VersionGuards.h - Code already written for one side of Linux 6.5 ---===//
//
// Out-of-tree code that builds on many kernels keeps the old GUP calls in
// branches such as `#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)` or the
// `#else` of a `>= KERNEL_VERSION(6, 5, 0)` test (our own --compat output
// too). Those calls are right as they are: on every kernel where they are
// compiled, the API still has its vmas parameter. The preprocessor
// callbacks here record each #if/#elif/#else/#endif chain; a location is
// "old kernels only" when the conditions that lead to its branch imply
// LINUX_VERSION_CODE < 6.5.0, whatever else they test. A test may be spelled
// through a macro of the module (`#if DRV_OLD_GUP` with `#define DRV_OLD_GUP
// (LINUX_VERSION_CODE < ...)`), or be `#ifdef M` / `#if defined(M)` where M's
// only definition is itself under a version test.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_VERSIONGUARDS_H
#define GUP_MATCHERS_VERSIONGUARDS_H

#include "Finding.h"
#include "GupApi.h"

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <vector>

namespace clang {
class CallExpr;
class FunctionDecl;
class LangOptions;
class SourceManager;
} // namespace clang

namespace gup {

/// KERNEL_VERSION(6, 5, 0): the first kernel without the vmas parameter.
constexpr unsigned FirstKernelWithoutVmas = (6u << 16) | (5u << 8);

/// What a preprocessor condition says about LINUX_VERSION_CODE, as the
/// half-open interval [AtLeast, Below) of versions where it can hold.
/// Conditions that test anything else, or that cannot be read, give the
/// whole range (they constrain nothing we know of).
struct VersionRange {
  unsigned AtLeast = 0;
  unsigned Below = ~0u;
  bool known() const { return AtLeast != 0 || Below != ~0u; }
};

/// KERNEL_VERSION(5, 9, 0): the first kernel the compat header's wrappers
/// support (before it the remote functions took a task_struct *).
constexpr unsigned FirstKernelOfCompatHeader = (5u << 16) | (9u << 8);

/// Reads `LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)` and the like
/// (either order, <, <=, >, >=, ==, parentheses, && of several, a version
/// code written as a number such as 0x060500). \p Negate reads
/// `!(condition)`, which is only known for a single comparison. The result
/// holds every version where the condition can be true (a superset when the
/// condition also tests other things).
VersionRange parseVersionCondition(llvm::StringRef Text, bool Negate);

/// The versions where \p Text holds, when it tests nothing but the version:
/// one comparison or an && of comparisons (not `!=`). Otherwise nullopt.
std::optional<VersionRange> exactVersionCondition(llvm::StringRef Text);

/// What a condition is on every kernel of \p Where (a range of versions the
/// code is compiled for): always true, always false, or it depends.
enum class Decided { True, False, Unknown };
Decided decideCondition(llvm::StringRef Text, VersionRange Where);

/// \p Text with each identifier that \p BodyOf knows (an object-like macro
/// of the module whose body tests the version) replaced by its body in
/// parentheses, recursively. LINUX_VERSION_CODE and KERNEL_VERSION stay.
std::string expandVersionMacros(
    llvm::StringRef Text,
    llvm::function_ref<std::optional<std::string>(llvm::StringRef)> BodyOf);

/// True when \p Body (a macro body, or a condition) names LINUX_VERSION_CODE.
bool mentionsVersionCode(llvm::StringRef Body);

class VersionGuards {
public:
  /// Callbacks to install in the preprocessor before parsing.
  std::unique_ptr<clang::PPCallbacks> callbacks();

  /// True when the code at \p Loc is only compiled for kernels older than
  /// 6.5, where it is used (expansion) or where it is written (spelling).
  bool oldKernelsOnly(clang::SourceLocation Loc, const clang::SourceManager &SM,
                      const clang::LangOptions &LO) const;

  /// True when \p Call is already written for both sides of 6.5 as far as
  /// its vmas argument goes (the argument of the callee's first
  /// `struct vm_area_struct **` parameter): the call, or that argument (a
  /// version test inside the argument list, or a macro defined under one),
  /// is only compiled for kernels older than 6.5.
  bool oldKernelsOnly(const clang::CallExpr &Call, const clang::SourceManager &SM,
                      const clang::LangOptions &LO) const;

  /// True when the first `struct vm_area_struct **` parameter of \p FD is
  /// only compiled for kernels older than 6.5 (a module's own helper whose
  /// parameter list is already written for both sides).
  bool oldKernelsOnly(const clang::FunctionDecl &FD, const clang::SourceManager &SM,
                      const clang::LangOptions &LO) const;

  /// The versions for which the code at file offset \p Offset of \p File is
  /// compiled, as far as the enclosing version tests say.
  VersionRange rangeAt(clang::FileID File, unsigned Offset,
                       const clang::SourceManager &SM,
                       const clang::LangOptions &LO) const;

private:
  friend class VersionGuardRecorder;
  struct Branch {
    clang::SourceLocation Directive; ///< the #if/#elif/#else
    clang::SourceRange Condition;    ///< empty for #else, #ifdef, #ifndef
    bool Known = false;              ///< #if or #elif (condition is text)
    /// #ifdef M, or #if defined(M) alone: M, and where its definition is
    /// written (invalid when M is not defined here).
    std::string Macro;
    clang::SourceLocation DefinedAt;
  };
  VersionRange branchRange(const Branch &B, bool Negate,
                           const clang::SourceManager &SM,
                           const clang::LangOptions &LO, unsigned Depth) const;
  VersionRange rangeAt(clang::FileID File, unsigned Offset,
                       const clang::SourceManager &SM,
                       const clang::LangOptions &LO, unsigned Depth) const;
  struct Chain {
    std::vector<Branch> Branches;
    clang::SourceLocation End; ///< the #endif
  };
  std::vector<Chain> Chains;
  std::vector<size_t> Open; ///< indices into Chains of unclosed #ifs
  /// Object-like macros whose bodies test the version: name -> body.
  llvm::StringMap<std::string> VersionMacros;
  /// The chains whose branches can narrow a range, found on the first
  /// query (a kernel TU has thousands of #if chains, almost none of them
  /// about the kernel's version), and how many chains that looked at.
  mutable std::vector<size_t> VersionChains;
  mutable size_t ChainsLookedAt = 0;
  /// Fills VersionChains: the chains with a version test in a condition
  /// (version macros expanded), and those with an `#ifdef M` branch whose
  /// #define of M is inside one of them, as deep as branchRange() follows.
  void findVersionChains(const clang::SourceManager &SM,
                         const clang::LangOptions &LO) const;
  /// True when \p Offset of \p File lies between \p C's #if and #endif.
  static bool encloses(const Chain &C, clang::FileID File, size_t Offset,
                       const clang::SourceManager &SM);
  /// Where \p B's macro is defined, as branchRange() looks for it.
  std::optional<std::pair<clang::FileID, size_t>>
  macroDefinition(const Branch &B, const clang::SourceManager &SM) const;
};

/// For a call of \p Api that oldKernelsOnly() leaves alone because of #if
/// lines inside its argument list: a warning when the list, as kernels from
/// 6.5 on compile it, still passes as many arguments as the old API took
/// (the module's own switch is incomplete there), or nullopt.
std::optional<Finding> newKernelsStillPassVmas(const clang::CallExpr &Call,
                                               const GupFunction &Api,
                                               const clang::SourceManager &SM,
                                               const clang::LangOptions &LO);

} // namespace gup

#endif
