//===- ShardFile.cpp - What a run found, before any decision --------------===//
#include "ShardFile.h"
#include "RecordJson.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace gup {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

// Records of the findings file (found by mapRecord()'s lookup in gup).
/// One TU's outcome with its position in the compile DBs.
struct ShardTuEntry {
  uint64_t Index = 0;
  WorkerOutcome Outcome;
};

static void mapRecord(JsonIO &IO, ShardTuEntry &E) {
  IO.number("index", E.Index);
  IO.record("outcome", E.Outcome);
}

static void mapRecord(JsonIO &IO, ScheduleResult::UnreadHeader &U) {
  IO.bytes("header", U.Header);
  IO.bytes("database", U.Database);
}

static void mapRecord(JsonIO &IO, PrefilterStats &S) {
  IO.number("mainFiles", S.MainFiles);
  IO.number("headers", S.Headers);
  IO.number("mainFileHits", S.MainFileHits);
  IO.number("headerOnly", S.HeaderOnly);
  IO.number("gupMacros", S.GupMacros);
  IO.number("seconds", S.Seconds);
}

static void mapRecord(JsonIO &IO, RunIdentity &R) {
  IO.bytes("root", R.Root);
  IO.strings("databases", R.Databases);
  IO.strings("files", R.Files);
  IO.strings("extraArgs", R.ExtraArgs);
  IO.number("targetKernel", R.TargetKernel);
  IO.strings("migrations", R.Migrations);
  IO.flag("dropVmaChecks", R.DropVmaChecks);
  IO.strings("disabledRules", R.DisabledRules);
  IO.bytes("compat", R.Compat);
  IO.bytes("compatHeader", R.CompatHeader);
  IO.flag("prefilter", R.Prefilter);
  IO.number("shardCount", R.ShardCount);
}

static void mapRecord(JsonIO &IO, RunFindings &R) {
  IO.record("run", R.Run);
  IO.number("shard", R.Shard);
  IO.number("tusInDbs", R.TusInDbs);
  IO.number("tusNamed", R.TusNamed);
  ScheduleResult &Ran = R.Ran;
  IO.record("prefilterStats", Ran.Prefilter);
  IO.number("survivors", Ran.Survivors);
  IO.number("inShard", Ran.InShard);
  IO.number("fallbacks", Ran.Fallbacks);
  IO.number("peakRssKiB", Ran.PeakRssKiB);
  IO.bytes("peakRssFile", Ran.PeakRssFile);
  IO.records("unreadHeaders", Ran.UnreadHeaders);
  // The outcomes by DB position, as a list.
  std::vector<ShardTuEntry> Tus;
  for (auto &[Index, Outcome] : Ran.Outcomes)
    Tus.push_back({Index, std::move(Outcome)});
  IO.records("tus", Tus);
  Ran.Outcomes.clear();
  for (ShardTuEntry &E : Tus)
    Ran.Outcomes[E.Index] = std::move(E.Outcome);
}

namespace {

constexpr llvm::StringLiteral Kind = "gup-rewrite findings";
constexpr int FormatVersion = 1;

llvm::Error fileError(const std::string &Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "--merge: '" + Path + "': " + Why);
}

llvm::Expected<RunFindings> readFindings(const std::string &File) {
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return fileError(File, "cannot read: " + Buffer.getError().message());
  llvm::Expected<Value> V = llvm::json::parse((*Buffer)->getBuffer());
  if (!V)
    return fileError(File, "not a findings file (" + llvm::toString(V.takeError()) + ")");
  const Object *O = V->getAsObject();
  std::optional<llvm::StringRef> FileKind = O ? O->getString("kind") : std::nullopt;
  if (!FileKind || *FileKind != Kind)
    return fileError(File, "not a findings file (written by gup-rewrite --findings)");
  if (O->getInteger("formatVersion") != FormatVersion)
    return fileError(File, "written by another version of gup-rewrite (format " +
                               llvm::Twine(O->getInteger("formatVersion").value_or(0)) +
                               ", this one reads " + llvm::Twine(FormatVersion) + ")");
  RunFindings R;
  Path::Root Root("findings");
  if (!recordFromJSON(*V, R, Root))
    return fileError(File, "damaged findings file: " + llvm::toString(Root.getError()));
  return R;
}

} // namespace

std::string renderFindings(const RunFindings &R) {
  Object O = recordToJSON(R);
  O["kind"] = Kind;
  O["formatVersion"] = FormatVersion;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << Value(std::move(O)) << "\n";
  return Out;
}

llvm::Expected<RunFindings> mergeFindings(llvm::ArrayRef<std::string> Paths) {
  if (Paths.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--merge: give the findings files of every shard");
  RunFindings Merged;
  Value FirstRun = nullptr;
  std::map<unsigned, std::string> FileOfShard;
  std::vector<ScheduleResult::UnreadHeader> Unread;
  for (const std::string &File : Paths) {
    llvm::Expected<RunFindings> Shard = readFindings(File);
    if (!Shard)
      return Shard.takeError();
    Value Run = recordToJSON(Shard->Run);
    if (FileOfShard.empty()) {
      FirstRun = Run;
      Merged.Run = Shard->Run;
      Merged.TusInDbs = Shard->TusInDbs;
      Merged.TusNamed = Shard->TusNamed;
      Merged.Ran.Prefilter = Shard->Ran.Prefilter;
      Merged.Ran.Survivors = Shard->Ran.Survivors;
    } else if (Run != FirstRun) {
      // Name the first setting that differs.
      std::string Key = "settings";
      for (const auto &[Name, Setting] : *FirstRun.getAsObject())
        if (Run.getAsObject()->get(Name) == nullptr ||
            *Run.getAsObject()->get(Name) != Setting) {
          Key = Name.str();
          break;
        }
      return fileError(File, "comes from another run than '" +
                                 FileOfShard.begin()->second + "' (" + Key +
                                 " differ); merge the shards of one run");
    }
    if (Shard->Shard == 0 || Shard->Shard > Shard->Run.ShardCount)
      return fileError(File, "damaged findings file: shard " +
                                 llvm::Twine(Shard->Shard) + " of " +
                                 llvm::Twine(Shard->Run.ShardCount));
    auto [It, New] = FileOfShard.try_emplace(Shard->Shard, File);
    if (!New)
      return fileError(File, "shard " + llvm::Twine(Shard->Shard) + "/" +
                                 llvm::Twine(Shard->Run.ShardCount) +
                                 " is also in '" + It->second + "'");
    ScheduleResult &Ran = Merged.Ran;
    Ran.Prefilter.Seconds = std::max(Ran.Prefilter.Seconds, Shard->Ran.Prefilter.Seconds);
    Ran.InShard += Shard->Ran.InShard;
    Ran.Fallbacks += Shard->Ran.Fallbacks;
    if (Shard->Ran.PeakRssKiB > Ran.PeakRssKiB) {
      Ran.PeakRssKiB = Shard->Ran.PeakRssKiB;
      Ran.PeakRssFile = Shard->Ran.PeakRssFile;
    }
    // A TU parsed by two shards (a header's fallback) gave the same result.
    for (auto &[Index, Outcome] : Shard->Ran.Outcomes)
      Ran.Outcomes.try_emplace(Index, std::move(Outcome));
    Unread.insert(Unread.end(), Shard->Ran.UnreadHeaders.begin(),
                  Shard->Ran.UnreadHeaders.end());
  }
  for (unsigned I = 1; I <= Merged.Run.ShardCount; ++I)
    if (!FileOfShard.count(I))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "--merge: the findings of shard " + llvm::Twine(I) + "/" +
              llvm::Twine(Merged.Run.ShardCount) +
              " are missing; give the file of every shard");
  // A header one shard's TUs did not read may have been read in another.
  std::set<std::pair<std::string, std::string>> ReadIn;
  for (const auto &[Index, Outcome] : Merged.Ran.Outcomes)
    for (const std::string &File : Outcome.Result.FilesSeen)
      ReadIn.insert({File, Outcome.Result.Database});
  for (ScheduleResult::UnreadHeader &U : Unread)
    if (!ReadIn.count({U.Header, U.Database}))
      Merged.Ran.UnreadHeaders.push_back(std::move(U));
  Merged.MergedShards = FileOfShard.size();
  return Merged;
}

} // namespace gup
