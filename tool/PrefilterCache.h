//===- PrefilterCache.h - The prefilter's per-file results, kept on disk --===//
//
// A second run over the same tree reads the same ~25,000 files and finds the
// same things in them. The cache keeps, per file, what the prefilter's scan
// found (the FileScan) together with the file's size, modification time and
// a hash of its content. A file whose size and mtime are unchanged is not
// read again, unless its mtime is too close to the time it was cached to
// tell a later write in the same tick apart (as git treats a "racily clean"
// index entry); a file whose size or mtime changed is read and hashed, and
// lexed again only when the hash differs. A scan depends on the names the
// prefilter looks for, which grow with the macros it finds: each result is
// kept per set of names and per kind of scan.
//
// One cache file per tree (--root), written whole to a temporary file and
// renamed, so concurrent runs never see half of one; a cache that cannot
// be read, or was written by another version of the format, is ignored.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_PREFILTERCACHE_H
#define GUP_TOOL_PREFILTERCACHE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace gup {

/// What the prefilter's scan of one file found.
struct FileScan {
  bool Readable = false;
  bool Hit = false;
  std::vector<std::pair<std::string, bool>> Includes; ///< spelling, angled
  std::vector<std::string> NewMacros;
  bool Lexed = false; ///< the full lex ran (Tested is filled)
  std::set<std::string> Defines, Tested;
};

/// The identity of a file's content as far as the cache can tell.
struct FileStamp {
  uint64_t Size = 0;
  int64_t MtimeNs = 0;
  uint64_t Hash = 0; ///< xxh3 of the content; 0 when not read
};

/// A path the prefilter's verdict depended on, as stat() saw it: a file it
/// read, or a path an #include looked for and did not find (Size -1: no
/// regular file there).
struct PathStamp {
  std::string Path;
  int64_t Size = -1;
  int64_t MtimeNs = 0;
};

/// \p Path as stat() sees it now, in the terms of PathStamp.
PathStamp stampOf(const std::string &Path);

class PrefilterCache {
public:
  /// Where scans of \p Root are kept under \p Dir; nothing is read yet.
  PrefilterCache(std::string Dir, llvm::StringRef Root);

  /// Reads the cache file, if any (a missing or unusable one is empty).
  void load();
  /// Writes it back when something changed; false (and \p Error) when the
  /// directory or file cannot be written.
  bool save(std::string &Error);

  /// The result of a scan of \p Path of kind \p Variant when the file is
  /// unchanged: by its stat alone (\p Stat, from the caller) when that can
  /// be trusted, else by \p ContentHash (0: not read yet). Thread-safe with
  /// other lookups.
  const FileScan *lookup(const std::string &Path, uint64_t Variant,
                         const FileStamp &Stat, bool ByHash) const;

  /// Records a scan (not thread-safe: the prefilter calls it serially).
  void store(const std::string &Path, uint64_t Variant, const FileStamp &Stamp,
             const FileScan &Scan);

  /// How the files of this run were answered.
  unsigned FromStat = 0, FromHash = 0, Scanned = 0;

private:
  struct Entry {
    FileStamp Stamp;
    int64_t CachedAtNs = 0;
    std::vector<std::pair<uint64_t, FileScan>> Variants;
  };
  std::string Path;
  int64_t NowNs = 0;
  llvm::StringMap<Entry> Entries;
  bool Dirty = false;
};

} // namespace gup

#endif
