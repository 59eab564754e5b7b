//===- CompileDb.cpp - compile_commands.json, validated -------------------===//
#include "CompileDb.h"

#include "Paths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/ADT/StringExtras.h"
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

namespace {

/// A reader for compile_commands.json that goes once over the text and
/// builds nothing but the commands: no value tree, the strings that need
/// no unescaping taken as they are, a "command" split only when the entry
/// has no "arguments". (clang's JSONCompilationDatabase goes through a YAML
/// parser and builds a lookup index; on a kernel's 60-80 MB that costs
/// several times as much, and nothing here looks anything up.)
class CommandsReader {
public:
  explicit CommandsReader(llvm::StringRef Text) : Text(Text) {}

  llvm::Expected<std::vector<CompileCommand>> read() {
    std::vector<CompileCommand> Commands;
    skipBlanks();
    if (!eat('['))
      return fail("expected a list of entries");
    skipBlanks();
    if (eat(']'))
      return finish(std::move(Commands));
    do {
      skipBlanks();
      CompileCommand Command;
      if (!readEntry(Command))
        return fail(Error);
      Commands.push_back(std::move(Command));
      skipBlanks();
    } while (eat(','));
    if (!eat(']'))
      return fail("expected ',' or ']' after an entry");
    return finish(std::move(Commands));
  }

private:
  llvm::StringRef Text;
  size_t Pos = 0;
  std::string Error;
  std::string Scratch; ///< a string that had escapes

  llvm::Expected<std::vector<CompileCommand>> finish(std::vector<CompileCommand> Commands) {
    skipBlanks();
    if (Pos != Text.size())
      return fail("unexpected text after the list");
    return std::move(Commands);
  }

  llvm::Error fail(const std::string &What) {
    llvm::StringRef Before = Text.take_front(std::min(Pos, Text.size()));
    size_t Line = Before.count('\n') + 1;
    size_t Column = Pos - (Before.rfind('\n') == llvm::StringRef::npos
                               ? 0
                               : Before.rfind('\n') + 1) + 1;
    return bad("line " + std::to_string(Line) + ", column " + std::to_string(Column) +
               ": " + What);
  }
  bool failed(std::string What) {
    Error = std::move(What);
    return false;
  }

  void skipBlanks() {
    while (Pos < Text.size() &&
           (Text[Pos] == ' ' || Text[Pos] == '\n' || Text[Pos] == '\t' || Text[Pos] == '\r'))
      ++Pos;
  }
  bool at(char C) const { return Pos < Text.size() && Text[Pos] == C; }
  /// A string value for \p Key (a clear message when it is something else).
  bool readStringValue(llvm::StringRef &Out, const std::string &What) {
    return at('"') ? readString(Out) : failed(What + " must be a string");
  }
  bool eat(char C) {
    if (Pos < Text.size() && Text[Pos] == C) {
      ++Pos;
      return true;
    }
    return false;
  }

  /// A JSON string at Pos, into \p Out (pointing into the text, or into
  /// Scratch when it had escapes).
  bool readString(llvm::StringRef &Out) {
    if (!eat('"'))
      return failed("expected a string");
    size_t Start = Pos;
    while (Pos < Text.size() && Text[Pos] != '"' && Text[Pos] != '\\')
      ++Pos;
    if (Pos < Text.size() && Text[Pos] == '"') {
      Out = Text.slice(Start, Pos++);
      return true;
    }
    Scratch.assign(Text.data() + Start, Pos - Start);
    while (Pos < Text.size() && Text[Pos] != '"') {
      char C = Text[Pos++];
      if (C != '\\') {
        Scratch += C;
        continue;
      }
      if (Pos >= Text.size())
        break;
      char E = Text[Pos++];
      switch (E) {
      case '"': case '\\': case '/': Scratch += E; break;
      case 'b': Scratch += '\b'; break;
      case 'f': Scratch += '\f'; break;
      case 'n': Scratch += '\n'; break;
      case 'r': Scratch += '\r'; break;
      case 't': Scratch += '\t'; break;
      case 'u': {
        uint32_t Code = 0;
        if (!hex4(Code))
          return failed("bad \\u escape");
        if (Code >= 0xD800 && Code < 0xDC00 && Text.substr(Pos).starts_with("\\u")) {
          Pos += 2;
          uint32_t Low = 0;
          if (!hex4(Low) || Low < 0xDC00 || Low >= 0xE000)
            return failed("bad \\u surrogate pair");
          Code = 0x10000 + ((Code - 0xD800) << 10) + (Low - 0xDC00);
        }
        appendUtf8(Code);
        break;
      }
      default:
        return failed(std::string("bad escape '\\") + E + "'");
      }
    }
    if (!eat('"'))
      return failed("unterminated string");
    Out = Scratch;
    return true;
  }
  bool hex4(uint32_t &Code) {
    if (Pos + 4 > Text.size())
      return false;
    for (int I = 0; I < 4; ++I) {
      char C = Text[Pos++];
      unsigned Digit;
      if (C >= '0' && C <= '9')
        Digit = C - '0';
      else if (C >= 'a' && C <= 'f')
        Digit = C - 'a' + 10;
      else if (C >= 'A' && C <= 'F')
        Digit = C - 'A' + 10;
      else
        return false;
      Code = Code * 16 + Digit;
    }
    return true;
  }
  void appendUtf8(uint32_t Code) {
    if (Code < 0x80) {
      Scratch += char(Code);
    } else if (Code < 0x800) {
      Scratch += char(0xC0 | Code >> 6);
      Scratch += char(0x80 | (Code & 0x3F));
    } else if (Code < 0x10000) {
      Scratch += char(0xE0 | Code >> 12);
      Scratch += char(0x80 | (Code >> 6 & 0x3F));
      Scratch += char(0x80 | (Code & 0x3F));
    } else {
      Scratch += char(0xF0 | Code >> 18);
      Scratch += char(0x80 | (Code >> 12 & 0x3F));
      Scratch += char(0x80 | (Code >> 6 & 0x3F));
      Scratch += char(0x80 | (Code & 0x3F));
    }
  }

  /// Any JSON value, passed over (keys this reader does not use).
  bool skipValue(unsigned Depth = 0) {
    skipBlanks();
    if (Pos >= Text.size())
      return failed("unexpected end of the file");
    if (Depth > 64)
      return failed("values nested too deep");
    char C = Text[Pos];
    llvm::StringRef Ignored;
    if (C == '"')
      return readString(Ignored);
    if (C == '[' || C == '{') {
      char Close = C == '[' ? ']' : '}';
      ++Pos;
      skipBlanks();
      if (eat(Close))
        return true;
      do {
        if (C == '{') {
          skipBlanks();
          if (!readString(Ignored))
            return false;
          skipBlanks();
          if (!eat(':'))
            return failed("expected ':'");
        }
        if (!skipValue(Depth + 1))
          return false;
        skipBlanks();
      } while (eat(','));
      return eat(Close) || failed(std::string("expected ',' or '") + Close + "'");
    }
    size_t Start = Pos;
    while (Pos < Text.size() && (llvm::isAlnum(Text[Pos]) || Text[Pos] == '-' ||
                                 Text[Pos] == '+' || Text[Pos] == '.'))
      ++Pos;
    llvm::StringRef Word = Text.slice(Start, Pos);
    double Ignore;
    if (Word == "true" || Word == "false" || Word == "null" ||
        (!Word.empty() && !Word.getAsDouble(Ignore)))
      return true;
    return failed("expected a value");
  }

  bool readEntry(CompileCommand &Command) {
    if (!eat('{'))
      return failed("expected an object for each entry");
    bool HaveDirectory = false, HaveFile = false, HaveArguments = false;
    llvm::StringRef CommandText;
    bool HaveCommand = false;
    std::string CommandCopy;
    skipBlanks();
    if (!eat('}')) {
      do {
        skipBlanks();
        llvm::StringRef Key;
        if (!readString(Key))
          return false;
        std::string KeyText = Key.str();
        skipBlanks();
        if (!eat(':'))
          return failed("expected ':' after \"" + KeyText + "\"");
        skipBlanks();
        llvm::StringRef Value;
        if (KeyText == "directory" || KeyText == "file" || KeyText == "output") {
          if (!readStringValue(Value, "\"" + KeyText + "\""))
            return false;
          (KeyText == "directory" ? Command.Directory
           : KeyText == "file"    ? Command.Filename
                                  : Command.Output) = Value.str();
          HaveDirectory |= KeyText == "directory";
          HaveFile |= KeyText == "file";
        } else if (KeyText == "arguments") {
          if (!eat('['))
            return failed("\"arguments\" must be a list of strings");
          Command.CommandLine.clear();
          skipBlanks();
          if (!eat(']')) {
            do {
              skipBlanks();
              if (!readStringValue(Value, "each of \"arguments\""))
                return false;
              Command.CommandLine.push_back(Value.str());
              skipBlanks();
            } while (eat(','));
            if (!eat(']'))
              return failed("expected ',' or ']' in \"arguments\"");
          }
          HaveArguments = true;
        } else if (KeyText == "command") {
          if (!readStringValue(Value, "\"command\""))
            return false;
          HaveCommand = true;
          // Scratch is reused by the next string with escapes.
          if (Value.data() == Scratch.data()) {
            CommandCopy = Value.str();
            Value = CommandCopy;
          }
          CommandText = Value;
        } else if (!skipValue()) {
          return false;
        }
        skipBlanks();
      } while (eat(','));
      if (!eat('}'))
        return failed("expected ',' or '}' in an entry");
    }
    if (!HaveDirectory || !HaveFile)
      return failed("an entry needs \"directory\" and \"file\"");
    if (!HaveArguments && HaveCommand)
      Command.CommandLine = splitCommand(CommandText);
    return true;
  }
};

} // namespace

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
    llvm::Expected<std::vector<CompileCommand>> Read =
        CommandsReader((*Buffer)->getBuffer()).read();
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
