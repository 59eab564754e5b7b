//===- Version.h - What --version prints ----------------------------------===//
#ifndef GUP_TOOL_VERSION_H
#define GUP_TOOL_VERSION_H

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace gup {

/// "gup-rewrite X.Y.Z", and " (git DESCRIBE)" for a development build.
std::string versionLine();

/// The --version text: versionLine(), then the LLVM version on its own line.
void printVersion(llvm::raw_ostream &OS);

} // namespace gup

#endif
