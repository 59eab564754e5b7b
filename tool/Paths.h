//===- Paths.h - Absolute, canonical paths and the tree root --------------===//
#ifndef GUP_TOOL_PATHS_H
#define GUP_TOOL_PATHS_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace gup {

/// \p Path made absolute against \p Base (when relative), with symlinks,
/// "." and ".." resolved when the file exists.
std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Base);

/// True when \p Path (canonical) lies inside directory \p Root (canonical).
bool isInside(llvm::StringRef Path, llvm::StringRef Root);

/// \p Path relative to \p Root (both canonical), for diffs and messages.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

} // namespace gup

#endif
