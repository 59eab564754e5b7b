//===- GitIdentity.h - The user's identity as git knows it ----------------===//
#ifndef GUP_TOOL_GITIDENTITY_H
#define GUP_TOOL_GITIDENTITY_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace gup {

/// "NAME <EMAIL>" from `git config user.name` and `user.email` read in
/// \p Dir (its repository's config, then the user's and the system's), as
/// `git format-patch -s` signs; "" when git is missing or either is unset.
std::string gitIdentity(llvm::StringRef Dir);

} // namespace gup

#endif
