//===- PrefilterCache.cpp - The prefilter's per-file results, kept on disk ===//
#include "PrefilterCache.h"

#include "Output.h"
#include "PlainData.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <chrono>
#include <sys/stat.h>

namespace gup {

namespace {
/// Changes whenever the layout below or the meaning of a FileScan does.
constexpr llvm::StringLiteral Magic = "gup-rewrite prefilter cache 1\n";
/// An mtime this close to the moment it was cached may hide a second write
/// in the same tick of the file system's clock.
constexpr int64_t RacyNs = 2'000'000'000;
} // namespace

PathStamp stampOf(const std::string &Path) {
  PathStamp S;
  S.Path = Path;
  struct stat St;
  if (::stat(Path.c_str(), &St) == 0 && S_ISREG(St.st_mode)) {
    S.Size = int64_t(St.st_size);
    S.MtimeNs = int64_t(St.st_mtim.tv_sec) * 1'000'000'000 + St.st_mtim.tv_nsec;
  }
  return S;
}

PrefilterCache::PrefilterCache(std::string Dir, llvm::StringRef Root) {
  llvm::SmallString<256> File(Dir);
  char Name[32];
  snprintf(Name, sizeof Name, "%016llx.cache",
           (unsigned long long)llvm::xxh3_64bits(Root));
  llvm::sys::path::append(File, Name);
  Path = std::string(File);
  NowNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
              std::chrono::system_clock::now().time_since_epoch())
              .count();
}

void PrefilterCache::load() {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return;
  llvm::StringRef Data = (*Buffer)->getBuffer();
  if (!Data.consume_front(Magic))
    return;
  Reader In(Data);
  llvm::StringMap<Entry> Loaded;
  auto Strings = [&](auto Insert) {
    for (uint64_t N = In.count(8); N > 0 && In.Ok; --N)
      Insert(In.str());
  };
  for (uint64_t N = In.count(8 * 6); N > 0 && In.Ok; --N) {
    std::string Name = In.str();
    Entry E;
    E.Stamp.Size = In.u64();
    E.Stamp.MtimeNs = int64_t(In.u64());
    E.Stamp.Hash = In.u64();
    E.CachedAtNs = int64_t(In.u64());
    // A variant is at least its key, flags and four counts: 6 words.
    for (uint64_t V = In.count(8 * 6); V > 0 && In.Ok; --V) {
      uint64_t Key = In.u64();
      uint64_t Flags = In.u64();
      FileScan S;
      S.Readable = Flags & 1;
      S.Hit = Flags & 2;
      S.Lexed = Flags & 4;
      for (uint64_t I = In.count(16); I > 0 && In.Ok; --I) {
        std::string Spelling = In.str();
        S.Includes.push_back({std::move(Spelling), In.u64() != 0});
      }
      Strings([&](std::string X) { S.NewMacros.push_back(std::move(X)); });
      Strings([&](std::string X) { S.Defines.insert(std::move(X)); });
      Strings([&](std::string X) { S.Tested.insert(std::move(X)); });
      E.Variants.push_back({Key, std::move(S)});
    }
    Loaded[Name] = std::move(E);
  }
  if (In.Ok && In.atEnd())
    Entries = std::move(Loaded);
}

bool PrefilterCache::save(std::string &Error) {
  if (!Dirty)
    return true;
  if (std::error_code EC =
          llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path))) {
    Error = "cannot create '" + llvm::sys::path::parent_path(Path).str() +
            "': " + EC.message();
    return false;
  }
  Writer W;
  W.Out = Magic.str();
  W.u64(Entries.size());
  for (const auto &Item : Entries) {
    const Entry &E = Item.getValue();
    W.str(Item.getKey());
    W.u64(E.Stamp.Size);
    W.u64(uint64_t(E.Stamp.MtimeNs));
    W.u64(E.Stamp.Hash);
    W.u64(uint64_t(E.CachedAtNs));
    W.u64(E.Variants.size());
    for (const auto &[Key, S] : E.Variants) {
      W.u64(Key);
      W.u64(uint64_t(S.Readable) | uint64_t(S.Hit) << 1 | uint64_t(S.Lexed) << 2);
      W.u64(S.Includes.size());
      for (const auto &[Spelling, Angled] : S.Includes) {
        W.str(Spelling);
        W.u64(Angled);
      }
      W.strings(S.NewMacros);
      W.strings(S.Defines);
      W.strings(S.Tested);
    }
  }
  if (llvm::Error E = writeFileAtomically(Path, W.Out)) {
    Error = llvm::toString(std::move(E));
    return false;
  }
  return true;
}

const FileScan *PrefilterCache::lookup(const std::string &File, uint64_t Variant,
                                       const FileStamp &Stat, bool ByHash) const {
  auto It = Entries.find(File);
  if (It == Entries.end())
    return nullptr;
  const Entry &E = It->getValue();
  if (ByHash) {
    if (E.Stamp.Hash != Stat.Hash)
      return nullptr;
  } else if (E.Stamp.Size != Stat.Size || E.Stamp.MtimeNs != Stat.MtimeNs ||
             Stat.MtimeNs + RacyNs >= E.CachedAtNs) {
    return nullptr;
  }
  for (const auto &[Key, Scan] : E.Variants)
    if (Key == Variant)
      return &Scan;
  return nullptr;
}

void PrefilterCache::store(const std::string &File, uint64_t Variant,
                           const FileStamp &Stamp, const FileScan &Scan) {
  Entry &E = Entries[File];
  if (E.Stamp.Hash != Stamp.Hash || E.Stamp.Size != Stamp.Size)
    E.Variants.clear(); // other content: the other scans are stale
  bool Restamped = E.Stamp.MtimeNs != Stamp.MtimeNs || E.Stamp.Hash != Stamp.Hash ||
                   E.Stamp.Size != Stamp.Size;
  E.Stamp = Stamp;
  if (Restamped || E.CachedAtNs == 0) {
    E.CachedAtNs = NowNs;
    Dirty = true;
  }
  for (auto &[Key, Old] : E.Variants)
    if (Key == Variant)
      return;
  E.Variants.push_back({Variant, Scan});
  Dirty = true;
}

} // namespace gup
