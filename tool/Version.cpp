//===- Version.cpp - What --version prints --------------------------------===//
#include "Version.h"

#include "GupVersion.inc" // GUP_VERSION, GUP_GIT_DESCRIBE (cmake/GitDescribe.cmake)

#include "llvm/Config/llvm-config.h"

namespace gup {

std::string versionLine() {
  std::string Line = "gup-rewrite " GUP_VERSION;
  if (*GUP_GIT_DESCRIBE)
    Line += " (git " GUP_GIT_DESCRIBE ")";
  return Line;
}

void printVersion(llvm::raw_ostream &OS) {
  OS << versionLine() << "\n"
     << "LLVM version " LLVM_VERSION_STRING "\n";
}

} // namespace gup
