//===- ResourceDir.cpp - Where clang's builtin headers are ----------------===//
#include "ResourceDir.h"

#include "clang/Driver/Driver.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#ifndef GUP_CLANG_RESOURCE_DIR
#define GUP_CLANG_RESOURCE_DIR ""
#endif

namespace gup {

namespace {

/// Any address in this binary: getMainExecutable() falls back to dladdr().
int AddressInThisBinary;

/// A resource directory is usable when it has the builtin headers.
bool hasBuiltinHeaders(llvm::StringRef Dir) {
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "include", "stddef.h");
  return !Dir.empty() && llvm::sys::fs::exists(Header);
}

/// The resource directory clang's driver derives for a binary at \p Path,
/// with symlinks resolved first (/usr/bin/clang-19 -> /usr/lib/llvm-19/bin).
std::string resourcesBeside(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    Real = Path;
  return clang::driver::Driver::GetResourcesPath(Real);
}

} // namespace

ResourceDirSearch findResourceDir(const char *Argv0, llvm::StringRef BuiltIn) {
  ResourceDirSearch Search;
  Search.Tried.push_back(BuiltIn.empty() ? GUP_CLANG_RESOURCE_DIR : BuiltIn.str());
  std::string Self = llvm::sys::fs::getMainExecutable(Argv0, &AddressInThisBinary);
  if (!Self.empty())
    Search.Tried.push_back(clang::driver::Driver::GetResourcesPath(Self));
  // The versioned name: an unversioned clang may be another release, whose
  // headers do not match the clang library this binary parses with.
  if (llvm::ErrorOr<std::string> Clang = llvm::sys::findProgramByName(
          "clang-" + std::to_string(LLVM_VERSION_MAJOR)))
    Search.Tried.push_back(resourcesBeside(*Clang));
  for (const std::string &Dir : Search.Tried)
    if (hasBuiltinHeaders(Dir)) {
      Search.Dir = Dir;
      break;
    }
  return Search;
}

} // namespace gup
