//===- CompileDb.cpp - compile_commands.json, validated -------------------===//
#include "CompileDb.h"

#include "Paths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace clang::tooling;

namespace gup {

static llvm::Error bad(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Splits a "command" string as clang's JSON compilation database does on
/// Unix: spaces separate words; a backslash takes the next character
/// literally, except inside single quotes; quotes group and disappear.
static std::vector<std::string> splitCommand(llvm::StringRef Command) {
  std::vector<std::string> Words;
  std::string Word;
  bool InWord = false;
  for (size_t I = 0; I < Command.size(); ++I) {
    char C = Command[I];
    if (C == ' ') {
      if (InWord)
        Words.push_back(std::move(Word));
      Word.clear();
      InWord = false;
      continue;
    }
    InWord = true;
    if (C == '\\') {
      if (++I < Command.size())
        Word += Command[I];
    } else if (C == '\'') {
      for (++I; I < Command.size() && Command[I] != '\''; ++I)
        Word += Command[I];
    } else if (C == '"') {
      for (++I; I < Command.size() && Command[I] != '"'; ++I) {
        if (Command[I] == '\\' && I + 1 < Command.size())
          ++I;
        Word += Command[I];
      }
    } else {
      Word += C;
    }
  }
  if (InWord)
    Words.push_back(std::move(Word));
  return Words;
}

/// The entries of a compile_commands.json, in order: "directory", "file",
/// and "arguments" (preferred) or "command"; other keys are ignored.
static llvm::Expected<std::vector<clang::tooling::CompileCommand>>
readCommands(llvm::StringRef Text) {
  llvm::Expected<llvm::json::Value> Root = llvm::json::parse(Text);
  if (!Root)
    return Root.takeError();
  const llvm::json::Array *Entries = Root->getAsArray();
  if (!Entries)
    return bad("expected a list of entries");
  std::vector<CompileCommand> Commands;
  Commands.reserve(Entries->size());
  for (size_t I = 0; I < Entries->size(); ++I) {
    auto Where = [&] { return "entry " + std::to_string(I + 1) + ": "; };
    const llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    if (!Entry)
      return bad(Where() + "expected an object");
    std::optional<llvm::StringRef> Directory = Entry->getString("directory");
    std::optional<llvm::StringRef> File = Entry->getString("file");
    if (!Directory || !File)
      return bad(Where() + "\"directory\" and \"file\" must be strings");
    CompileCommand Command;
    Command.Directory = Directory->str();
    Command.Filename = File->str();
    if (std::optional<llvm::StringRef> Output = Entry->getString("output"))
      Command.Output = Output->str();
    if (const llvm::json::Value *Arguments = Entry->get("arguments")) {
      const llvm::json::Array *List = Arguments->getAsArray();
      if (!List)
        return bad(Where() + "\"arguments\" must be a list of strings");
      for (const llvm::json::Value &Argument : *List) {
        std::optional<llvm::StringRef> Text = Argument.getAsString();
        if (!Text)
          return bad(Where() + "\"arguments\" must be a list of strings");
        Command.CommandLine.push_back(Text->str());
      }
    } else if (std::optional<llvm::StringRef> Line = Entry->getString("command")) {
      Command.CommandLine = splitCommand(*Line);
    } else if (Entry->get("command")) {
      return bad(Where() + "\"command\" must be a string");
    }
    Commands.push_back(std::move(Command));
  }
  return std::move(Commands);
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
    // Read as plain JSON, straight into the commands: the YAML-based
    // reader of clang's JSONCompilationDatabase costs several times more on
    // a kernel's 60-80 MB, and builds a lookup index nothing here needs.
    llvm::Expected<std::vector<CompileCommand>> Read =
        readCommands((*Buffer)->getBuffer());
    Buffer->reset();
    if (!Read)
      return bad("'" + JsonPath + "' is not a valid compile database: " +
                 llvm::toString(Read.takeError()));
    std::vector<CompileCommand> Commands = std::move(*Read);
    std::string DbDir = canonicalPath(llvm::sys::path::parent_path(JsonPath), Cwd);
    if (Set.FirstDir.empty())
      Set.FirstDir = DbDir;
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
