//===- Paths.cpp - Absolute, canonical paths and the tree root ------------===//
#include "Paths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace gup {

std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    Abs = Base;
    llvm::sys::path::append(Abs, Path);
  }
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Abs, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

bool isInside(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root == "/")
    return true;
  return Path.starts_with(Root) && Path.size() > Root.size() &&
         Path[Root.size()] == '/';
}

std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root) {
  if (isInside(Path, Root))
    return Path.substr(Root == "/" ? 1 : Root.size() + 1).str();
  return Path.str();
}

} // namespace gup
