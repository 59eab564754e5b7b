//===- UnifiedDiff.h - git-style unified diffs ----------------------------===//
#ifndef GUP_TOOL_UNIFIEDDIFF_H
#define GUP_TOOL_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace gup {

/// A `diff --git a/Path b/Path` section turning \p Old into \p New, with
/// \p Context lines of context, as `git apply` and `patch -p1` take it.
/// Empty when the texts are equal.
/// \p Created: the file is new (git's "new file mode", from /dev/null).
std::string unifiedDiff(llvm::StringRef Path, llvm::StringRef Old,
                        llvm::StringRef New, unsigned Context = 3,
                        bool Created = false);

} // namespace gup

#endif
