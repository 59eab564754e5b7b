//===- ResourceDir.h - Where clang's builtin headers are ------------------===//
//
// Clang finds its resource directory (<stddef.h>, <stdarg.h>, the intrinsics
// headers) relative to its own binary. gup-rewrite is not installed beside
// clang, so it looks in turn at the directory of the LLVM it was built
// against, at PREFIX/lib/clang/N beside its own binary (Debian links
// /usr/lib/clang/N to LLVM's), and at the one clang-N on PATH would use.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_RESOURCEDIR_H
#define GUP_TOOL_RESOURCEDIR_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace gup {

struct ResourceDirSearch {
  std::string Dir;                ///< the first candidate with headers, or ""
  std::vector<std::string> Tried; ///< every candidate, in order
};

/// Finds the resource directory for a binary started as \p Argv0.
/// \p BuiltIn replaces the compiled-in candidate when not empty (tests).
ResourceDirSearch findResourceDir(const char *Argv0, llvm::StringRef BuiltIn = "");

} // namespace gup

#endif
