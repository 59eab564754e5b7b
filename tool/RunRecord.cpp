//===- RunRecord.cpp - A whole run's prefilter verdict, kept on disk ------===//
#include "RunRecord.h"

#include "Output.h"
#include "PlainData.h"
#include "Version.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <functional>
#include <optional>
#include <set>
#include <sys/stat.h>

namespace gup {

namespace {
/// Changes whenever the layout below or the meaning of a record does.
constexpr llvm::StringLiteral Magic = "gup-rewrite run record 2\n";
/// As in the per-file cache: an mtime this close to the moment the
/// prefilter started may hide a second write in the same tick.
constexpr int64_t RacyNs = 2'000'000'000;

std::string recordPath(const std::string &CacheDir, const RunKey &Key) {
  llvm::SmallString<256> File(CacheDir);
  char Name[40];
  snprintf(Name, sizeof Name, "run-%016llx.record",
           (unsigned long long)llvm::xxh3_64bits(Key.Text));
  llvm::sys::path::append(File, Name);
  return std::string(File);
}

void writeStamp(Writer &W, const PathStamp &S) {
  W.str(S.Path);
  W.u64(uint64_t(S.Size));
  W.u64(uint64_t(S.MtimeNs));
}

PathStamp readStamp(Reader &In) {
  PathStamp S;
  S.Path = In.str();
  S.Size = int64_t(In.u64());
  S.MtimeNs = int64_t(In.u64());
  return S;
}

/// A directory's stamp is kept under its path with a trailing '/': it stands
/// for the absent paths whose first missing component would be one of its
/// entries. While its size and mtime hold, no entry was added, removed or
/// renamed in it, so those paths are still absent. One stat() per directory
/// instead of one per path: a kernel run looks for ~75,000 headers that do
/// not exist, in a few hundred directories.
PathStamp directoryStampOf(llvm::StringRef Dir) {
  PathStamp S;
  S.Path = (Dir + "/").str();
  struct stat St;
  if (::stat(std::string(Dir).c_str(), &St) == 0 && S_ISDIR(St.st_mode)) {
    S.Size = int64_t(St.st_size);
    S.MtimeNs = int64_t(St.st_mtim.tv_sec) * 1'000'000'000 + St.st_mtim.tv_nsec;
  }
  return S;
}

/// \p Depends with each absent path replaced by the stamp of its deepest
/// existing ancestor directory (once per directory). A path is kept as it
/// is when that ancestor is not a plain existing directory (a dangling
/// symlink can start to resolve without its directory changing) or when the
/// directory changed too close to the run to be trusted.
std::vector<PathStamp> coarsenAbsentPaths(const std::vector<PathStamp> &Depends,
                                          int64_t StartedNs) {
  std::vector<PathStamp> Out;
  std::set<std::string> DirsTaken;
  // Each path's verdict is its ancestors' verdict: memoise by directory.
  llvm::StringMap<std::optional<PathStamp>> Ancestor;
  std::function<std::optional<PathStamp>(llvm::StringRef)> AncestorOf =
      [&](llvm::StringRef Path) -> std::optional<PathStamp> {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Path);
    if (Parent.empty() || Parent == Path)
      return std::nullopt;
    auto It = Ancestor.find(Parent);
    if (It != Ancestor.end())
      return It->second;
    std::optional<PathStamp> Verdict;
    struct stat St;
    if (::lstat(std::string(Parent).c_str(), &St) != 0) {
      Verdict = AncestorOf(Parent); // missing too: look further up
    } else {
      PathStamp Dir = directoryStampOf(Parent);
      if (Dir.Size >= 0 && Dir.MtimeNs + RacyNs < StartedNs)
        Verdict = Dir;
    }
    Ancestor[Parent] = Verdict;
    return Verdict;
  };
  for (const PathStamp &S : Depends) {
    if (S.Size >= 0) {
      Out.push_back(S);
      continue;
    }
    struct stat St;
    std::optional<PathStamp> Dir;
    if (::lstat(S.Path.c_str(), &St) != 0) // absent, not a dangling link
      Dir = AncestorOf(S.Path);
    if (!Dir)
      Out.push_back(S);
    else if (DirsTaken.insert(Dir->Path).second)
      Out.push_back(*Dir);
  }
  return Out;
}

/// Empty when \p Recorded still holds; else what changed.
std::string changed(const PathStamp &Recorded, int64_t StartedNs) {
  if (isDirectoryStamp(Recorded)) {
    PathStamp Now = directoryStampOf(llvm::StringRef(Recorded.Path).drop_back());
    if (Now.Size != Recorded.Size || Now.MtimeNs != Recorded.MtimeNs)
      return Recorded.Path + " changed (a header it lacked may exist now)";
    return "";
  }
  PathStamp Now = stampOf(Recorded.Path);
  if (Recorded.Size < 0)
    return Now.Size < 0 ? "" : Recorded.Path + " appeared";
  if (Now.Size < 0)
    return Recorded.Path + " is gone";
  if (Now.Size != Recorded.Size || Now.MtimeNs != Recorded.MtimeNs)
    return Recorded.Path + " changed";
  if (Now.MtimeNs + RacyNs >= StartedNs)
    return Recorded.Path + " changed too close to the recorded run to tell";
  return "";
}
} // namespace

bool isDirectoryStamp(const PathStamp &S) { return llvm::StringRef(S.Path).ends_with("/"); }

RunKey runKey(llvm::ArrayRef<std::string> BuildPaths, llvm::StringRef Cwd,
              llvm::StringRef RootOption, llvm::ArrayRef<std::string> Files,
              llvm::ArrayRef<std::string> FamilyNames) {
  RunKey Key;
  Writer W;
  W.str(versionLine());
  // A rebuilt tool may select differently under the same version.
  PathStamp Tool = stampOf("/proc/self/exe");
  W.u64(uint64_t(Tool.Size));
  W.u64(uint64_t(Tool.MtimeNs));
  W.strings(FamilyNames);
  W.str(Cwd);
  W.str(RootOption);
  W.strings(Files);
  W.strings(BuildPaths);
  for (const std::string &Given : BuildPaths) {
    llvm::SmallString<256> Json(Given);
    if (llvm::sys::fs::is_directory(Json))
      llvm::sys::path::append(Json, "compile_commands.json");
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(Json, Real))
      Real = Json; // missing: the DB load says so
    Key.Databases.push_back(stampOf(std::string(Real)));
    W.str(Real);
  }
  Key.Text = std::move(W.Out);
  return Key;
}

std::vector<TuJob> RunRecord::sparseJobs() const {
  std::vector<TuJob> Out(TusNamed);
  for (const auto &[Index, Job] : Jobs)
    Out[Index] = Job;
  return Out;
}

std::optional<RunRecord> loadRunRecord(const std::string &CacheDir, const RunKey &Key,
                                       std::string &WhyNot) {
  auto Buffer = llvm::MemoryBuffer::getFile(recordPath(CacheDir, Key), /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    WhyNot = "none for this run yet";
    return std::nullopt;
  }
  llvm::StringRef Data = (*Buffer)->getBuffer();
  WhyNot = "unreadable, or of another version";
  if (!Data.consume_front(Magic))
    return std::nullopt;
  Reader In(Data);
  if (In.str() != Key.Text || !In.Ok) {
    WhyNot = "none for this run yet";
    return std::nullopt;
  }
  RunRecord R;
  TuSelection &S = R.Selection;
  S.StartedNs = int64_t(In.u64());
  R.Root = In.str();
  R.TusInDbs = In.u64();
  R.TusNamed = In.u64();
  std::vector<PathStamp> Databases;
  for (uint64_t N = In.count(24); N > 0 && In.Ok; --N)
    Databases.push_back(readStamp(In));
  for (uint64_t N = In.count(24); N > 0 && In.Ok; --N)
    S.Depends.push_back(readStamp(In));
  for (uint64_t N = In.count(8); N > 0 && In.Ok; --N)
    S.Survivors.push_back(In.u64());
  for (uint64_t N = In.count(24); N > 0 && In.Ok; --N) {
    Prefilter::HeaderCandidates C;
    C.Database = In.str();
    C.Header = In.str();
    for (uint64_t T = In.count(8); T > 0 && In.Ok; --T)
      C.Tus.push_back(In.u64());
    S.Candidates.push_back(std::move(C));
  }
  for (unsigned *Count : {&S.Stats.MainFiles, &S.Stats.Headers, &S.Stats.MainFileHits,
                          &S.Stats.HeaderOnly, &S.Stats.GupMacros})
    *Count = unsigned(In.u64());
  for (uint64_t N = In.count(8 * 9); N > 0 && In.Ok; --N) {
    size_t Index = In.u64();
    TuJob Job;
    Job.File = In.str();
    Job.Command.Directory = In.str();
    Job.Command.Filename = In.str();
    for (uint64_t A = In.count(8); A > 0 && In.Ok; --A)
      Job.Command.CommandLine.push_back(In.str());
    Job.Command.Output = In.str();
    Job.Command.Heuristic = In.str();
    Job.Database = In.str();
    R.Jobs.push_back({Index, std::move(Job)});
  }
  if (!In.Ok || !In.atEnd())
    return std::nullopt;
  for (const auto &[Index, Job] : R.Jobs)
    if (Index >= R.TusNamed)
      return std::nullopt;

  // The DBs first: they are what a user changes on purpose.
  if (Databases.size() != Key.Databases.size())
    return std::nullopt;
  for (size_t D = 0; D < Databases.size(); ++D) {
    const PathStamp &Now = Key.Databases[D];
    if (Now.Path != Databases[D].Path || Now.Size != Databases[D].Size ||
        Now.MtimeNs != Databases[D].MtimeNs) {
      WhyNot = Now.Path + " changed";
      return std::nullopt;
    }
    if (Now.MtimeNs + RacyNs >= S.StartedNs) {
      WhyNot = Now.Path + " changed too close to the recorded run to tell";
      return std::nullopt;
    }
  }
  for (const PathStamp &Recorded : S.Depends)
    if (std::string What = changed(Recorded, S.StartedNs); !What.empty()) {
      WhyNot = What;
      return std::nullopt;
    }
  WhyNot.clear();
  return R;
}

bool saveRunRecord(const std::string &CacheDir, const RunKey &Key,
                   llvm::StringRef Root, size_t TusInDbs,
                   const std::vector<TuJob> &Jobs, const TuSelection &Selection,
                   std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(CacheDir)) {
    Error = "cannot create '" + CacheDir + "': " + EC.message();
    return false;
  }
  Writer W;
  W.Out = Magic.str();
  W.str(Key.Text);
  W.u64(uint64_t(Selection.StartedNs));
  W.str(Root);
  W.u64(TusInDbs);
  W.u64(Jobs.size());
  W.u64(Key.Databases.size());
  for (const PathStamp &S : Key.Databases)
    writeStamp(W, S);
  std::vector<PathStamp> Depends =
      coarsenAbsentPaths(Selection.Depends, Selection.StartedNs);
  W.u64(Depends.size());
  for (const PathStamp &S : Depends)
    writeStamp(W, S);
  W.u64(Selection.Survivors.size());
  for (size_t T : Selection.Survivors)
    W.u64(T);
  W.u64(Selection.Candidates.size());
  for (const Prefilter::HeaderCandidates &C : Selection.Candidates) {
    W.str(C.Database);
    W.str(C.Header);
    W.u64(C.Tus.size());
    for (size_t T : C.Tus)
      W.u64(T);
  }
  const PrefilterStats &Stats = Selection.Stats;
  for (unsigned Count : {Stats.MainFiles, Stats.Headers, Stats.MainFileHits,
                         Stats.HeaderOnly, Stats.GupMacros})
    W.u64(Count);
  std::vector<size_t> Needed = Selection.neededJobs();
  W.u64(Needed.size());
  for (size_t Index : Needed) {
    const TuJob &Job = Jobs[Index];
    W.u64(Index);
    W.str(Job.File);
    W.str(Job.Command.Directory);
    W.str(Job.Command.Filename);
    W.strings(Job.Command.CommandLine);
    W.str(Job.Command.Output);
    W.str(Job.Command.Heuristic);
    W.str(Job.Database);
  }
  if (llvm::Error E = writeFileAtomically(recordPath(CacheDir, Key), W.Out)) {
    Error = llvm::toString(std::move(E));
    return false;
  }
  return true;
}

} // namespace gup
