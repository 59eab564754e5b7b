//===- CompileDb.cpp - compile_commands.json, validated -------------------===//
#include "CompileDb.h"

#include "Paths.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace clang::tooling;

namespace gup {

static llvm::Error bad(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static std::string currentDir() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

llvm::Expected<CompileDbSet> CompileDbSet::load(llvm::ArrayRef<std::string> Paths) {
  CompileDbSet Set;
  std::string Cwd = currentDir();
  for (const std::string &Given : Paths) {
    llvm::SmallString<256> JsonPath(Given);
    if (llvm::sys::fs::is_directory(JsonPath))
      llvm::sys::path::append(JsonPath, "compile_commands.json");
    if (!llvm::sys::fs::exists(JsonPath))
      return bad("no compile database at '" + JsonPath +
                 "' (generate one with scripts/clang-tools/gen_compile_commands.py or bear)");
    // Read it ourselves first: a clear message for unreadable files.
    auto Buffer = llvm::MemoryBuffer::getFile(JsonPath);
    if (!Buffer)
      return bad("cannot read '" + JsonPath + "': " + Buffer.getError().message());
    std::string Error;
    std::unique_ptr<JSONCompilationDatabase> Db =
        JSONCompilationDatabase::loadFromBuffer((*Buffer)->getBuffer(), Error,
                                                JSONCommandLineSyntax::AutoDetect);
    if (!Db)
      return bad("'" + JsonPath + "' is not a valid compile database: " + Error);
    std::string DbDir = canonicalPath(llvm::sys::path::parent_path(JsonPath), Cwd);
    if (Set.FirstDir.empty())
      Set.FirstDir = DbDir;
    std::vector<CompileCommand> Commands = Db->getAllCompileCommands();
    // A kernel DB has ~13,600 entries in ~1,000 directories: resolve each
    // directory's symlinks once, and only a file that is itself a symlink
    // on its own.
    llvm::StringMap<std::string> RealDirs;
    auto Canonical = [&](const CompileCommand &Command) {
      llvm::SmallString<256> Abs(Command.Filename);
      if (!llvm::sys::path::is_absolute(Abs)) {
        Abs = Command.Directory;
        llvm::sys::path::append(Abs, Command.Filename);
      }
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
      llvm::sys::fs::file_status Status;
      if (llvm::StringRef(Abs).contains("/../") ||
          llvm::sys::fs::status(Abs, Status, /*follow=*/false) ||
          Status.type() != llvm::sys::fs::file_type::regular_file)
        return canonicalPath(Command.Filename, Command.Directory);
      llvm::StringRef Dir = llvm::sys::path::parent_path(Abs);
      auto [It, Inserted] = RealDirs.try_emplace(Dir);
      if (Inserted)
        It->second = canonicalPath(Dir, "/");
      llvm::SmallString<256> Result(It->second);
      llvm::sys::path::append(Result, llvm::sys::path::filename(Abs));
      return std::string(Result);
    };
    if (Commands.empty())
      return bad("'" + JsonPath + "' has no entries");
    for (CompileCommand &Command : Commands) {
      std::string File = Canonical(Command);
      if (!llvm::sys::fs::exists(File))
        return bad("'" + JsonPath + "' names a file that does not exist: '" +
                   Command.Filename + "' (directory '" + Command.Directory + "')");
      if (Command.CommandLine.empty())
        return bad("'" + JsonPath + "' has an empty command for '" +
                   Command.Filename + "'");
      Set.Jobs.push_back({File, std::move(Command), std::string(JsonPath)});
    }
  }
  return std::move(Set);
}

llvm::Expected<std::vector<TuJob>>
CompileDbSet::jobsFor(llvm::ArrayRef<std::string> Files) const {
  std::string Cwd = currentDir();
  std::vector<TuJob> Selected;
  for (const std::string &Given : Files) {
    std::string File = canonicalPath(Given, Cwd);
    if (!llvm::sys::fs::exists(File))
      return bad("no such file: '" + Given + "'");
    size_t Before = Selected.size();
    for (const TuJob &Job : Jobs)
      if (Job.File == File)
        Selected.push_back(Job);
    if (Selected.size() == Before)
      return bad("'" + Given + "' is not in the compile database");
  }
  return std::move(Selected);
}

} // namespace gup
