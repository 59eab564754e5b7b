//===- DeadParam.h - Fold conditions on a parameter that is now NULL ------===//
//
// Once the vmas parameter P is gone, every test of P in the old body is a
// test of NULL. This folds such a condition on its *text* (so it works the
// same inside macro arguments such as BUG_ON(P) and in code the preprocessor
// skipped): `P` is false, `!P` and `P == NULL` are true, `A && false` is
// false, `A && true` is A, and so on. The result is a constant, or the
// deletions that remove the folded operands while keeping the rest of the
// text (and its line breaks) as written.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_DEADPARAM_H
#define GUP_MATCHERS_DEADPARAM_H

#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>

namespace gup {

struct FoldedCondition {
  enum class Result {
    True,        ///< the whole condition is now always true
    False,       ///< always false
    Simplified,  ///< still depends on other things; see Deletions
    Unchanged,   ///< does not mention the parameter
    Unsupported, ///< mentions it in a way we cannot fold (see Why)
  };
  Result Kind = Result::Unchanged;
  /// [offset, length) ranges of the text to delete (Simplified only).
  llvm::SmallVector<std::pair<unsigned, unsigned>, 4> Deletions;
  std::string Why;
};

/// Folds \p Text, a C condition, with identifier \p Param taken as NULL.
FoldedCondition foldCondition(llvm::StringRef Text, llvm::StringRef Param,
                              const clang::LangOptions &LO);

/// True when \p Text mentions identifier \p Param as a token.
bool mentionsIdentifier(llvm::StringRef Text, llvm::StringRef Param,
                        const clang::LangOptions &LO);

/// \p Text with \p Deletions applied.
std::string applyDeletions(llvm::StringRef Text,
                           llvm::ArrayRef<std::pair<unsigned, unsigned>> Deletions);

} // namespace gup

#endif
