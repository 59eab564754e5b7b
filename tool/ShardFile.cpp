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

namespace {

constexpr llvm::StringLiteral Kind = "gup-rewrite findings";
constexpr int FormatVersion = 1;

Array stringArray(const std::vector<std::string> &Strings) {
  Array A;
  for (const std::string &S : Strings)
    A.push_back(bytesToJSON(S));
  return A;
}

Object identityToJSON(const RunIdentity &R) {
  return Object{{"root", bytesToJSON(R.Root)},
                {"databases", stringArray(R.Databases)},
                {"files", stringArray(R.Files)},
                {"extraArgs", stringArray(R.ExtraArgs)},
                {"targetKernel", R.TargetKernel},
                {"dropVmaChecks", R.DropVmaChecks},
                {"disabledRules", stringArray(R.DisabledRules)},
                {"compat", R.Compat},
                {"compatHeader", bytesToJSON(R.CompatHeader)},
                {"prefilter", R.Prefilter},
                {"shardCount", R.ShardCount}};
}

bool identityFromJSON(const Value &V, RunIdentity &R, Path P) {
  JsonFields F(V, P);
  F.bytes("root", R.Root);
  F.strings("databases", R.Databases);
  F.strings("files", R.Files);
  F.strings("extraArgs", R.ExtraArgs);
  F.number("targetKernel", R.TargetKernel);
  F.flag("dropVmaChecks", R.DropVmaChecks);
  F.strings("disabledRules", R.DisabledRules);
  F.bytes("compat", R.Compat);
  F.bytes("compatHeader", R.CompatHeader);
  F.flag("prefilter", R.Prefilter);
  F.number("shardCount", R.ShardCount);
  return F.ok();
}

Object statsToJSON(const PrefilterStats &S) {
  return Object{{"mainFiles", S.MainFiles},   {"headers", S.Headers},
                {"mainFileHits", S.MainFileHits}, {"headerOnly", S.HeaderOnly},
                {"gupMacros", S.GupMacros},   {"seconds", S.Seconds}};
}

bool statsFromJSON(const Value &V, PrefilterStats &S, Path P) {
  JsonFields F(V, P);
  F.number("mainFiles", S.MainFiles);
  F.number("headers", S.Headers);
  F.number("mainFileHits", S.MainFileHits);
  F.number("headerOnly", S.HeaderOnly);
  F.number("gupMacros", S.GupMacros);
  F.number("seconds", S.Seconds);
  return F.ok();
}

bool findingsFromJSON(const Value &V, RunFindings &R, Path P) {
  JsonFields F(V, P);
  if (const Value *Run = F.get("run"))
    if (!identityFromJSON(*Run, R.Run, P.field("run")))
      return false;
  uint64_t Wide = 0;
  F.number("shard", R.Shard);
  F.number("tusInDbs", Wide);
  R.TusInDbs = Wide;
  F.number("tusNamed", Wide);
  R.TusNamed = Wide;
  if (const Value *Stats = F.get("prefilterStats"))
    if (!statsFromJSON(*Stats, R.Ran.Prefilter, P.field("prefilterStats")))
      return false;
  F.number("survivors", Wide);
  R.Ran.Survivors = Wide;
  F.number("inShard", Wide);
  R.Ran.InShard = Wide;
  F.number("fallbacks", Wide);
  R.Ran.Fallbacks = Wide;
  F.number("peakRssKiB", Wide);
  R.Ran.PeakRssKiB = static_cast<long>(Wide);
  F.bytes("peakRssFile", R.Ran.PeakRssFile);
  F.array("unreadHeaders", [&](const Value &H, Path At) {
    ScheduleResult::UnreadHeader U;
    JsonFields G(H, At);
    G.bytes("header", U.Header);
    G.bytes("database", U.Database);
    R.Ran.UnreadHeaders.push_back(std::move(U));
    return G.ok();
  });
  F.array("tus", [&](const Value &Tu, Path At) {
    JsonFields G(Tu, At);
    uint64_t Index = 0;
    G.number("index", Index);
    const Value *Outcome = G.get("outcome");
    return G.ok() && fromJSON(*Outcome, R.Ran.Outcomes[Index], At.field("outcome"));
  });
  return F.ok();
}

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
  if (!findingsFromJSON(*V, R, Root))
    return fileError(File, "damaged findings file: " + llvm::toString(Root.getError()));
  return R;
}

} // namespace

std::string renderFindings(const RunFindings &R) {
  Array Unread, Tus;
  for (const ScheduleResult::UnreadHeader &U : R.Ran.UnreadHeaders)
    Unread.push_back(Object{{"header", bytesToJSON(U.Header)},
                            {"database", bytesToJSON(U.Database)}});
  for (const auto &[Index, Outcome] : R.Ran.Outcomes)
    Tus.push_back(Object{{"index", static_cast<uint64_t>(Index)},
                         {"outcome", toJSON(Outcome)}});
  Object O{{"kind", Kind},
           {"formatVersion", FormatVersion},
           {"run", identityToJSON(R.Run)},
           {"shard", R.Shard},
           {"tusInDbs", static_cast<uint64_t>(R.TusInDbs)},
           {"tusNamed", static_cast<uint64_t>(R.TusNamed)},
           {"prefilterStats", statsToJSON(R.Ran.Prefilter)},
           {"survivors", static_cast<uint64_t>(R.Ran.Survivors)},
           {"inShard", static_cast<uint64_t>(R.Ran.InShard)},
           {"fallbacks", static_cast<uint64_t>(R.Ran.Fallbacks)},
           {"peakRssKiB", static_cast<int64_t>(R.Ran.PeakRssKiB)},
           {"peakRssFile", bytesToJSON(R.Ran.PeakRssFile)},
           {"unreadHeaders", std::move(Unread)},
           {"tus", std::move(Tus)}};
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
    Value Run = identityToJSON(Shard->Run);
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
