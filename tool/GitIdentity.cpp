//===- GitIdentity.cpp - The user's identity as git knows it --------------===//
#include "GitIdentity.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include <optional>

namespace gup {

namespace {

/// The value of \p Key in git's config as seen from \p Dir, or "".
std::string gitConfig(llvm::StringRef Git, llvm::StringRef Dir, llvm::StringRef Key) {
  llvm::SmallString<128> Out;
  if (llvm::sys::fs::createTemporaryFile("gup-git-config", "txt", Out))
    return "";
  llvm::StringRef Args[] = {"git", "-C", Dir, "config", "--get", Key};
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out),
                                                llvm::StringRef("")};
  int Status = llvm::sys::ExecuteAndWait(Git, Args, std::nullopt, Redirects);
  std::string Value;
  if (Status == 0)
    if (auto Buffer = llvm::MemoryBuffer::getFile(Out))
      Value = (*Buffer)->getBuffer().trim().str();
  llvm::sys::fs::remove(Out);
  return Value;
}

} // namespace

std::string gitIdentity(llvm::StringRef Dir) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return "";
  std::string Name = gitConfig(*Git, Dir, "user.name");
  std::string Email = gitConfig(*Git, Dir, "user.email");
  if (Name.empty() || Email.empty())
    return "";
  return Name + " <" + Email + ">";
}

} // namespace gup
