//===- Prefilter.cpp - Which TUs can contain a site, from text alone ------===//
#include "Prefilter.h"
#include "CTokens.h"

#include "Paths.h"
#include "PrefilterCache.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <tuple>
#include <cstring>
#include <fcntl.h>
#include <malloc.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace gup {

namespace {

using Id = uint32_t;
constexpr Id NoFile = ~0u;

struct IncludeLine {
  Id Spelling; ///< interned text between the delimiters
  bool Angled;
};

/// What the scan of one file keeps: no text, only what decides.
struct ScannedFile {
  std::string Path; ///< absolute, lexically normalised
  std::vector<IncludeLine> Includes;
  /// Names something interesting (as of the last scan) outside comments
  /// and literals.
  bool Hit = false;
  bool Scanned = false;
  bool Readable = false;
  bool IsMainFile = false;
  /// Macros a main file #defines, and the identifiers a file that may name
  /// the family tests in #if/#ifdef/#ifndef/#elif: a header whose GUP code
  /// depends on a macro its includer sets is looked at once per setting.
  std::set<std::string> Defines, Tested;
  /// What stat() said before the last read (with a cache only; Size -1:
  /// not taken).
  PathStamp Stamp;
};

/// Where #include looks, for one TU: what -iquote, -I, -isystem and
/// -idirafter say, in that order, made absolute.
struct SearchList {
  std::vector<Id> Quote;  ///< directory ids, -iquote only
  std::vector<Id> Angled; ///< -I, -isystem, -idirafter
};


} // namespace

struct Prefilter::Impl {
  std::string Root;
  llvm::StringMap<Id> Strings;
  std::vector<llvm::StringRef> StringText;
  NameSet Interesting; ///< the family and the macros that name it
  /// Include spellings that are sites themselves (a header that moved).
  std::vector<std::string> Headers;
  /// Macros found naming something interesting, not yet in Interesting.
  std::vector<std::string> PendingMacros;

  std::vector<ScannedFile> Files;
  llvm::StringMap<Id> FileIds;
  std::vector<std::string> Dirs; ///< directory id -> absolute path
  llvm::StringMap<Id> DirIds;
  std::vector<SearchList> Lists;
  std::map<std::pair<std::vector<Id>, std::vector<Id>>, Id> ListIds;
  /// (list, spelling) -> file, for angled includes.
  llvm::DenseMap<std::pair<Id, Id>, Id> AngledCache;
  /// (list, includer directory, spelling) -> file, for quoted includes.
  std::map<std::tuple<Id, Id, Id>, Id> QuotedCache;
  llvm::StringMap<bool> Exists;

  struct TuInfo {
    Id MainFile = NoFile;
    Id List = 0;
    std::vector<Id> Forced; ///< -include files
    std::map<std::string, std::string> CommandDefines; ///< -D NAME[=VALUE]
  };
  std::vector<TuInfo> Tus;

  Id intern(llvm::StringRef S) {
    auto [It, Inserted] = Strings.try_emplace(S, Id(StringText.size()));
    if (Inserted)
      StringText.push_back(It->getKey());
    return It->second;
  }

  Id dirId(llvm::StringRef Dir) {
    auto [It, Inserted] = DirIds.try_emplace(Dir, Id(Dirs.size()));
    if (Inserted)
      Dirs.push_back(Dir.str());
    return It->second;
  }

  static std::string absolute(llvm::StringRef Path, llvm::StringRef Base) {
    llvm::SmallString<256> Abs(Path);
    if (!llvm::sys::path::is_absolute(Abs)) {
      Abs = Base;
      llvm::sys::path::append(Abs, Path);
    }
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(Abs);
  }

  bool exists(llvm::StringRef Path) {
    auto [It, Inserted] = Exists.try_emplace(Path, false);
    if (Inserted)
      It->second = llvm::sys::fs::is_regular_file(Path);
    return It->second;
  }

  Id fileId(llvm::StringRef AbsPath) {
    auto [It, Inserted] = FileIds.try_emplace(AbsPath, Id(Files.size()));
    if (Inserted) {
      Files.emplace_back();
      Files.back().Path = AbsPath.str();
    }
    return It->second;
  }

  /// The directives of \p Text without a full lex (a '#' first on its
  /// line; one inside a block comment counts too, which only adds): the
  /// #include lines, the names #defined, the identifiers #if-like lines test.
  static void directiveLines(llvm::StringRef Text,
                             std::vector<std::pair<std::string, bool>> &Includes,
                             std::set<std::string> *Defines,
                             std::set<std::string> *Tested) {
    const char *P = Text.data(), *End = P + Text.size();
    while ((P = static_cast<const char *>(memchr(P, '#', End - P)))) {
      const char *LineBegin = P;
      while (LineBegin > Text.data() && (LineBegin[-1] == ' ' || LineBegin[-1] == '\t'))
        --LineBegin;
      ++P;
      if (LineBegin != Text.data() && LineBegin[-1] != '\n')
        continue;
      while (P < End && (*P == ' ' || *P == '\t'))
        ++P;
      llvm::StringRef Rest(P, End - P);
      Rest = Rest.take_until([](char C) { return C == '\n'; });
      size_t NameEnd = 0;
      while (NameEnd < Rest.size() && isIdentChar(Rest[NameEnd]))
        ++NameEnd;
      llvm::StringRef Directive = Rest.take_front(NameEnd);
      Rest = Rest.drop_front(NameEnd).ltrim(" \t");
      if (Directive == "include" || Directive == "include_next" ||
          Directive == "import") {
        if (Rest.empty() || (Rest[0] != '<' && Rest[0] != '"'))
          continue;
        char Close = Rest[0] == '<' ? '>' : '"';
        size_t Stop = Rest.find(Close, 1);
        if (Stop != llvm::StringRef::npos)
          Includes.push_back({Rest.slice(1, Stop).str(), Close == '>'});
      } else if (Directive == "define") {
        llvm::StringRef Name = Rest.take_while(isIdentChar);
        if (Defines && !Name.empty())
          Defines->insert(Name.str());
      } else if (Tested && (Directive == "if" || Directive == "ifdef" ||
                 Directive == "ifndef" || Directive == "elif" ||
                 Directive == "elifdef" || Directive == "elifndef")) {
        // Continuation lines are not followed: tests that long are rare
        // and only make a header look less configurable than it is.
        for (size_t I = 0; I < Rest.size();) {
          if (Rest.substr(I).starts_with("/*") || Rest.substr(I).starts_with("//"))
            break;
          if (isIdentStart(Rest[I])) {
            size_t Start = I;
            while (I < Rest.size() && isIdentChar(Rest[I]))
              ++I;
            llvm::StringRef Word = Rest.slice(Start, I);
            if (Word != "defined")
              Tested->insert(Word.str());
          } else if (Rest[I] >= '0' && Rest[I] <= '9') {
            while (I < Rest.size() && isIdentChar(Rest[I]))
              ++I;
          } else {
            ++I;
          }
        }
      }
    }
  }

  /// What lexing one file found; filled without touching shared state, so
  /// that many files can be lexed at once.
  using LexResult = FileScan;

  /// Scans of earlier runs (null: none kept).
  PrefilterCache *Cache = nullptr;
  uint64_t NamesDigest = 0;
  /// How a file's scan was answered, and what the cache keeps it under.
  struct CacheNote {
    enum { None, FromStat, FromHash, Lexed } How = None;
    FileStamp Stamp;
    bool Regular = false; ///< stat() found a regular file (Stamp is its)
    uint64_t Variant = 0;
  };

  /// A scan's kind: the names looked for and what else it collects.
  uint64_t variantOf(bool IsMainFile, bool FindMacros, bool ReadIncludes) const {
    char Flags[3] = {char('0' + IsMainFile), char('0' + FindMacros),
                     char('0' + ReadIncludes)};
    std::string Key = std::to_string(NamesDigest) + llvm::StringRef(Flags, 3).str();
    for (const std::string &Header : Headers)
      Key += "\n#include " + Header;
    return llvm::xxh3_64bits(Key);
  }

  /// Lexes \p Path against the current names: whether it names one, which
  /// of its macros' bodies do (with \p FindMacros), its #includes (with
  /// \p ReadIncludes). Reads only Interesting; safe to run in parallel.
  LexResult lexFile(const std::string &Path, bool IsMainFile, bool FindMacros,
                    bool ReadIncludes, CacheNote &Note) const {
    LexResult R;
    if (Cache) {
      Note.Variant = variantOf(IsMainFile, FindMacros, ReadIncludes);
      struct stat St;
      if (::stat(Path.c_str(), &St) == 0) {
        Note.Regular = S_ISREG(St.st_mode);
        Note.Stamp.Size = St.st_size;
        Note.Stamp.MtimeNs = int64_t(St.st_mtim.tv_sec) * 1'000'000'000 + St.st_mtim.tv_nsec;
        if (const FileScan *Known = Cache->lookup(Path, Note.Variant, Note.Stamp, false)) {
          Note.How = CacheNote::FromStat;
          return *Known;
        }
      }
    }
    // One buffer per thread, read() into: a map or an allocation per file
    // costs more than reading it (tens of thousands of small files).
    thread_local std::string Buffer;
    if (!readWholeFile(Path, Buffer))
      return R; // the parser will say what is wrong with it
    R.Readable = true;
    llvm::StringRef Text = Buffer;
    if (Cache) {
      Note.Stamp.Size = Text.size();
      Note.Stamp.Hash = llvm::xxh3_64bits(Text);
      if (const FileScan *Known = Cache->lookup(Path, Note.Variant, Note.Stamp, true)) {
        Note.How = CacheNote::FromHash;
        return *Known;
      }
      Note.How = CacheNote::Lexed;
    }
    // An #include of a header that moved is a site of its own.
    auto NoteHeaders = [&](const std::vector<std::pair<std::string, bool>> &Lines) {
      for (const auto &[Spelling, Angled] : Lines)
        if (llvm::is_contained(Headers, Spelling))
          R.Hit = true;
    };
    if (!Interesting.mayOccurIn(Text)) {
      // Most files: only their #include lines (and a main file's #defines)
      // matter.
      if (ReadIncludes || !Headers.empty())
        directiveLines(Text, R.Includes, IsMainFile ? &R.Defines : nullptr,
                       nullptr);
      NoteHeaders(R.Includes);
      if (!ReadIncludes)
        R.Includes.clear();
      return R;
    }
    std::vector<std::pair<std::string, bool>> Ignored;
    directiveLines(Text, Ignored, IsMainFile ? &R.Defines : nullptr, &R.Tested);
    NoteHeaders(Ignored);
    R.Lexed = true;
    lexCTokens(
        Text,
        [&](llvm::StringRef Spelling, bool Angled) {
          if (ReadIncludes)
            R.Includes.push_back({Spelling.str(), Angled});
        },
        [&](llvm::StringRef Word, llvm::StringRef Macro) {
          if (!Interesting.contains(Word))
            return true;
          R.Hit = true;
          if (FindMacros && !Macro.empty() && !Interesting.contains(Macro))
            R.NewMacros.push_back(Macro.str());
          // Without macros to collect or includes to read, one is enough.
          return FindMacros || ReadIncludes;
        });
    return R;
  }

  void store(Id File, LexResult &&R, bool ReadIncludes) {
    ScannedFile &F = Files[File];
    F.Scanned = true;
    F.Readable = R.Readable;
    F.Hit = R.Hit;
    if (ReadIncludes)
      for (auto &[Spelling, Angled] : R.Includes)
        F.Includes.push_back({intern(Spelling), Angled});
    for (std::string &Name : R.NewMacros)
      PendingMacros.push_back(std::move(Name));
    if (F.IsMainFile && ReadIncludes)
      F.Defines = std::move(R.Defines);
    if (R.Lexed)
      F.Tested = std::move(R.Tested);
  }

  /// Lexes every file of \p Batch not yet scanned, on all cores.
  void scanAll(llvm::ArrayRef<Id> Batch, bool Rescan = false) {
    std::vector<Id> Todo;
    for (Id F : Batch)
      if (Rescan || !Files[F].Scanned)
        Todo.push_back(F);
    llvm::sort(Todo);
    Todo.erase(std::unique(Todo.begin(), Todo.end()), Todo.end());
    std::vector<LexResult> Results(Todo.size());
    std::vector<CacheNote> Notes(Todo.size());
    bool ReadIncludes = !Rescan;
    llvm::parallelFor(0, Todo.size(), [&](size_t K) {
      const ScannedFile &F = Files[Todo[K]];
      Results[K] = lexFile(F.Path, F.IsMainFile, /*FindMacros=*/true, ReadIncludes,
                           Notes[K]);
    });
    for (size_t K = 0; K < Todo.size(); ++K) {
      const CacheNote &Note = Notes[K];
      if (Cache && Note.How != CacheNote::None) {
        ++(Note.How == CacheNote::FromStat   ? Cache->FromStat
           : Note.How == CacheNote::FromHash ? Cache->FromHash
                                             : Cache->Scanned);
        if (Note.How != CacheNote::FromStat && Results[K].Readable)
          Cache->store(Files[Todo[K]].Path, Note.Variant, Note.Stamp, Results[K]);
        PathStamp &Seen = Files[Todo[K]].Stamp;
        Seen.Size = Note.Regular ? int64_t(Note.Stamp.Size) : -1;
        Seen.MtimeNs = Note.Regular ? Note.Stamp.MtimeNs : 0;
      }
      store(Todo[K], std::move(Results[K]), ReadIncludes);
    }
  }

  Id firstIn(llvm::ArrayRef<Id> DirList, llvm::StringRef Spelling) {
    for (Id Dir : DirList) {
      std::string Candidate = absolute(Spelling, Dirs[Dir]);
      if (exists(Candidate))
        return fileId(Candidate);
    }
    return NoFile;
  }

  Id resolve(Id Includer, const IncludeLine &Line, Id ListId) {
    const SearchList &List = Lists[ListId];
    llvm::StringRef Spelling = StringText[Line.Spelling];
    if (llvm::sys::path::is_absolute(Spelling))
      return exists(Spelling) ? fileId(absolute(Spelling, "/")) : NoFile;
    if (!Line.Angled) {
      Id IncluderDir = dirId(llvm::sys::path::parent_path(Files[Includer].Path));
      auto [It, Inserted] =
          QuotedCache.try_emplace({ListId, IncluderDir, Line.Spelling}, NoFile);
      if (!Inserted)
        return It->second;
      Id Found = firstIn({IncluderDir}, Spelling);
      if (Found == NoFile)
        Found = firstIn(List.Quote, Spelling);
      if (Found == NoFile)
        Found = firstIn(List.Angled, Spelling);
      return It->second = Found;
    }
    auto [It, Inserted] = AngledCache.try_emplace({ListId, Line.Spelling}, NoFile);
    if (Inserted)
      It->second = firstIn(List.Angled, Spelling);
    return It->second;
  }

  /// Reads the flags of \p Job that decide what #include finds.
  TuInfo describe(const TuJob &Job) {
    TuInfo Info;
    const std::string &Cwd = Job.Command.Directory;
    std::vector<Id> Quote, Angled, System, After;
    const std::vector<std::string> &Args = Job.Command.CommandLine;
    for (size_t I = 1; I < Args.size(); ++I) {
      llvm::StringRef Arg = Args[I];
      auto Value = [&](llvm::StringRef Flag, std::string &Out) {
        if (!Arg.starts_with(Flag))
          return false;
        if (Arg.size() > Flag.size()) {
          Out = Arg.drop_front(Flag.size()).str();
          return true;
        }
        if (I + 1 >= Args.size())
          return false;
        Out = Args[++I];
        return true;
      };
      std::string V;
      if (Arg.starts_with("-include-pch") || Arg.starts_with("-imacros"))
        continue;
      if (Value("-D", V)) {
        auto [Name, Val] = llvm::StringRef(V).split('=');
        Info.CommandDefines[Name.str()] = Val.str();
        continue;
      }
      if (Value("-iquote", V))
        Quote.push_back(dirId(absolute(V, Cwd)));
      else if (Value("-isystem", V))
        System.push_back(dirId(absolute(V, Cwd)));
      else if (Value("-idirafter", V))
        After.push_back(dirId(absolute(V, Cwd)));
      else if (Value("-include", V)) {
        std::string Path = absolute(V, Cwd);
        if (exists(Path))
          Info.Forced.push_back(fileId(Path));
      } else if (Arg != "-I-" && Value("-I", V))
        Angled.push_back(dirId(absolute(V, Cwd)));
    }
    Angled.insert(Angled.end(), System.begin(), System.end());
    Angled.insert(Angled.end(), After.begin(), After.end());
    auto [It, Inserted] = ListIds.try_emplace({Quote, Angled}, Id(Lists.size()));
    if (Inserted)
      Lists.push_back({Quote, Angled});
    Info.List = It->second;
    Info.MainFile = fileId(absolute(Job.File, "/"));
    Files[Info.MainFile].IsMainFile = true;
    return Info;
  }

  /// Every file \p Tu can include (ignoring #if), main file first. Stops
  /// early when \p Wanted is reached (returns true then).
  bool reach(const TuInfo &Tu, std::vector<Id> &Out, Id Wanted = NoFile) {
    llvm::DenseSet<Id> Seen;
    std::vector<Id> Work;
    auto Push = [&](Id F) {
      if (F != NoFile && Seen.insert(F).second) {
        Work.push_back(F);
        Out.push_back(F);
      }
    };
    Push(Tu.MainFile);
    for (Id F : Tu.Forced)
      Push(F);
    while (!Work.empty()) {
      Id F = Work.back();
      Work.pop_back();
      if (F == Wanted)
        return true;
      if (!Files[F].Scanned)
        scanAll({F});
      for (const IncludeLine &Line : Files[F].Includes)
        Push(resolve(F, Line, Tu.List));
    }
    return false;
  }

  bool mentionsInteresting(Id File) const { return Files[File].Hit; }

  /// How \p Tu sets the macros \p Header tests: TUs with the same key see
  /// the header's GUP code the same way (as far as text can tell).
  std::string configKey(size_t Tu, Id Header) const {
    const TuInfo &Info = Tus[Tu];
    std::string Key;
    for (const std::string &Name : Files[Header].Tested) {
      if (Files[Info.MainFile].Defines.count(Name)) {
        Key += Name + "@" + std::to_string(Info.MainFile) + ";";
        continue;
      }
      auto It = Info.CommandDefines.find(Name);
      if (It != Info.CommandDefines.end())
        Key += Name + "=" + It->second + ";";
    }
    return Key;
  }

  /// Every path the verdict depended on: each file read (as stat() saw it
  /// before the read), and each path an #include looked for in vain, where
  /// a header appearing later would change what the include finds.
  std::vector<PathStamp> dependencies() const {
    std::vector<PathStamp> Out;
    for (const ScannedFile &F : Files) {
      if (!F.Scanned || F.Stamp.Size < 0) {
        Out.push_back(stampOf(F.Path));
        continue;
      }
      Out.push_back(F.Stamp);
      Out.back().Path = F.Path;
    }
    for (const auto &Item : Exists)
      if (!Item.getValue())
        Out.push_back({Item.getKey().str(), -1, 0});
    return Out;
  }

  /// Adds the macros found so far; while that finds more, lexes every file
  /// again with the larger set. Returns the number of macros added.
  unsigned computeInteresting() {
    unsigned Macros = 0;
    while (!PendingMacros.empty()) {
      for (const std::string &Name : PendingMacros)
        Macros += Interesting.insert(Name);
      PendingMacros.clear();
      NamesDigest = Interesting.digest();
      std::vector<Id> All;
      for (Id F = 0; F < Files.size(); ++F)
        if (Files[F].Scanned)
          All.push_back(F);
      scanAll(All, /*Rescan=*/true);
    }
    return Macros;
  }
};

Prefilter::Prefilter(llvm::ArrayRef<std::string> Names, std::string Root,
                     std::string CacheDir, llvm::ArrayRef<std::string> Headers)
    : P(std::make_unique<Impl>()) {
  P->Root = std::move(Root);
  P->Headers.assign(Headers.begin(), Headers.end());
  for (const std::string &Name : Names)
    P->Interesting.insert(Name);
  P->NamesDigest = P->Interesting.digest();
  if (!CacheDir.empty())
    Cache = std::make_unique<PrefilterCache>(std::move(CacheDir), P->Root);
}

Prefilter::~Prefilter() = default;

std::vector<size_t> Prefilter::select(const std::vector<TuJob> &Jobs) {
  auto Start = std::chrono::steady_clock::now();
  Impl &I = *P;
  if (Cache) {
    Cache->load();
    I.Cache = Cache.get();
  }
  // 1. Every TU's search list; every file any TU can include, scanned once.
  //    The include graph is walked once per distinct search list.
  std::map<Id, std::vector<size_t>> TusOfList;
  for (size_t T = 0; T < Jobs.size(); ++T) {
    I.Tus.push_back(I.describe(Jobs[T]));
    TusOfList[I.Tus.back().List].push_back(T);
  }
  // Breadth first, all search lists at once: each level's new files are
  // lexed in parallel, then their #includes resolved per list.
  std::map<Id, std::vector<Id>> FilesOfList;
  std::map<Id, llvm::DenseSet<Id>> SeenOfList;
  std::vector<std::pair<Id, Id>> Level; // (file, list)
  auto Push = [&](Id F, Id List, std::vector<std::pair<Id, Id>> &Into) {
    if (F != NoFile && SeenOfList[List].insert(F).second) {
      Into.push_back({F, List});
      FilesOfList[List].push_back(F);
    }
  };
  for (auto &[List, Tus] : TusOfList)
    for (size_t T : Tus) {
      Push(I.Tus[T].MainFile, List, Level);
      for (Id F : I.Tus[T].Forced)
        Push(F, List, Level);
    }
  while (!Level.empty()) {
    std::vector<Id> Batch;
    for (auto &[F, List] : Level)
      Batch.push_back(F);
    I.scanAll(Batch);
    std::vector<std::pair<Id, Id>> Next;
    for (auto &[F, List] : Level)
      for (const IncludeLine &Line : I.Files[F].Includes)
        Push(I.resolve(F, Line, List), List, Next);
    Level = std::move(Next);
  }
  Stats.GupMacros = I.computeInteresting();
  for (const ScannedFile &F : I.Files)
    if (F.Scanned)
      ++(F.IsMainFile ? Stats.MainFiles : Stats.Headers);

  // 2. TUs whose main file names something interesting.
  std::vector<bool> Keep(Jobs.size(), false);
  for (size_t T = 0; T < Jobs.size(); ++T)
    if (I.mentionsInteresting(I.Tus[T].MainFile)) {
      Keep[T] = true;
      ++Stats.MainFileHits;
    }

  // 3. Headers of the tree that name something interesting, per DB: one TU
  //    that can reach each, preferring TUs already kept.
  std::set<Id> HitHeaders;
  for (auto &[List, Reached] : FilesOfList)
    for (Id F : Reached)
      if (!I.Files[F].IsMainFile && I.mentionsInteresting(F) &&
          isInside(I.Files[F].Path, I.Root))
        HitHeaders.insert(F);
  if (!HitHeaders.empty()) {
    // (DB, header) -> TUs whose search list reaches the header.
    std::map<std::pair<std::string, Id>, std::vector<size_t>> ListCandidates;
    for (auto &[List, Reached] : FilesOfList) {
      std::vector<Id> Hits;
      for (Id F : Reached)
        if (HitHeaders.count(F))
          Hits.push_back(F);
      for (Id H : Hits)
        for (size_t T : TusOfList[List])
          ListCandidates[{Jobs[T].Database, H}].push_back(T);
    }
    // (DB, header, how the TU sets what the header tests) -> covered.
    std::set<std::tuple<std::string, Id, std::string>> Covered;
    auto Cover = [&](size_t T) {
      std::vector<Id> Reached;
      I.reach(I.Tus[T], Reached);
      for (Id F : Reached)
        if (HitHeaders.count(F))
          Covered.insert({Jobs[T].Database, F, I.configKey(T, F)});
    };
    for (size_t T = 0; T < Jobs.size(); ++T)
      if (Keep[T])
        Cover(T);
    for (auto &[Key, AllTus] : ListCandidates) {
      llvm::sort(AllTus);
      AllTus.erase(std::unique(AllTus.begin(), AllTus.end()), AllTus.end());
      std::map<std::string, std::vector<size_t>> ByConfig;
      for (size_t T : AllTus)
        ByConfig[I.configKey(T, Key.second)].push_back(T);
      for (auto &[Config, Tus] : ByConfig) {
        HeaderCandidates Entry;
        Entry.Database = Key.first;
        Entry.Header = canonicalPath(I.Files[Key.second].Path, "/");
        // Only TUs that themselves reach the header are candidates; the
        // kept ones come first, then the others in DB order.
        std::vector<size_t> Confirmed, Others;
        for (size_t T : Tus) {
          std::vector<Id> Reached;
          if (Keep[T]) {
            if (I.reach(I.Tus[T], Reached, Key.second))
              Confirmed.push_back(T);
          } else if (Others.size() < 16 && I.reach(I.Tus[T], Reached, Key.second)) {
            Others.push_back(T);
          }
        }
        if (!Covered.count({Key.first, Key.second, Config}) && !Others.empty()) {
          Keep[Others.front()] = true;
          ++Stats.HeaderOnly;
          Cover(Others.front());
        }
        Entry.Tus = std::move(Confirmed);
        Entry.Tus.insert(Entry.Tus.end(), Others.begin(), Others.end());
        Candidates.push_back(std::move(Entry));
      }
    }
  }

  std::vector<size_t> Selected;
  for (size_t T = 0; T < Jobs.size(); ++T)
    if (Keep[T])
      Selected.push_back(T);
  if (Cache) {
    Depends = I.dependencies();
    Stats.CacheUsed = true;
    Stats.FromStat = Cache->FromStat;
    Stats.FromHash = Cache->FromHash;
    Stats.Lexed = Cache->Scanned;
    Cache->save(Stats.CacheError);
  }
  // The scan's tables are done with. Workers are forked next, and each
  // starts from the parent's resident size: give the memory back.
  P.reset();
  Cache.reset();
  malloc_trim(0);
  Stats.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                Start)
                      .count();
  return Selected;
}

} // namespace gup
