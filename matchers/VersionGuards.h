//===- VersionGuards.h - Code already written for one side of Linux 6.5 ---===//
//
// Out-of-tree code that builds on many kernels keeps the old GUP calls in
// branches such as `#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)` or the
// `#else` of a `>= KERNEL_VERSION(6, 5, 0)` test (our own --compat output
// too). Those calls are right as they are: on every kernel where they are
// compiled, the API still has its vmas parameter. The preprocessor
// callbacks here record each #if/#elif/#else/#endif chain; a location is
// "old kernels only" when the conditions that lead to its branch imply
// LINUX_VERSION_CODE < 6.5.0, whatever else they test.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_VERSIONGUARDS_H
#define GUP_MATCHERS_VERSIONGUARDS_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <vector>

namespace clang {
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

/// Reads `LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)` and the like
/// (either order, <, <=, >, >=, ==, parentheses, && of several). \p Negate
/// reads `!(condition)`, which is only known for a single comparison.
VersionRange parseVersionCondition(llvm::StringRef Text, bool Negate);

class VersionGuards {
public:
  /// Callbacks to install in the preprocessor before parsing.
  std::unique_ptr<clang::PPCallbacks> callbacks();

  /// True when the code at \p Loc is only compiled for kernels older than
  /// 6.5, where it is used (expansion) or where it is written (spelling).
  bool oldKernelsOnly(clang::SourceLocation Loc, const clang::SourceManager &SM,
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
  };
  struct Chain {
    std::vector<Branch> Branches;
    clang::SourceLocation End; ///< the #endif
  };
  std::vector<Chain> Chains;
  std::vector<size_t> Open; ///< indices into Chains of unclosed #ifs
  /// The chains with a version test in a condition, found on the first
  /// query (a kernel TU has thousands of #if chains, almost none of them
  /// about the kernel's version), and how many chains were looked at.
  mutable std::vector<size_t> VersionChains;
  mutable size_t ChainsLookedAt = 0;
};

} // namespace gup

#endif
