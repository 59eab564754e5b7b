//===- RunRecord.h - A whole run's prefilter verdict, kept on disk --------===//
//
// With every file answered by the prefilter's per-file cache, a warm run
// still loads the compile DBs (~60 MB for a kernel) and walks the include
// graph once per search list, and its workers fork from a parent that holds
// every compile command. A run record keeps what that work decided: the TUs
// kept, the headers' candidate TUs and the compile commands of all of them,
// with the stamps (size, mtime) of everything the decision depended on - the
// compile DBs, every file the prefilter read, every path an #include looked
// for and did not find (a header appearing there changes what it finds).
// When every stamp is as recorded, the run goes straight to the workers.
//
// A record is kept per run key: the tool (its version, the family's names,
// the executable's own stamp), the directory it runs in, the compile DBs,
// --root and the FILEs named - what decides which TUs the prefilter sees.
// Stamps are trusted as the per-file cache trusts them: an mtime within 2 s
// of the moment the prefilter started may hide a later write in the same
// tick, and such an entry is never taken as unchanged.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_RUNRECORD_H
#define GUP_TOOL_RUNRECORD_H

#include "CompileDb.h"
#include "PrefilterCache.h"
#include "TuSchedule.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace gup {

/// What a run's selection depends on besides the files: one string.
struct RunKey {
  std::string Text;
  /// The compile_commands.json files, stamped before they are loaded.
  std::vector<PathStamp> Databases;
};

/// The key of a run over \p BuildPaths (as given with -p) from \p Cwd.
RunKey runKey(llvm::ArrayRef<std::string> BuildPaths, llvm::StringRef Cwd,
              llvm::StringRef RootOption, llvm::ArrayRef<std::string> Files,
              llvm::ArrayRef<std::string> FamilyNames);

struct RunRecord {
  std::string Root; ///< the tree the run decided (--root, or the DB's)
  size_t TusInDbs = 0, TusNamed = 0;
  TuSelection Selection;
  /// The jobs Selection.neededJobs() names, by their index.
  std::vector<std::pair<size_t, TuJob>> Jobs;

  /// Every job at its index, the others empty.
  std::vector<TuJob> sparseJobs() const;
};

/// True for a recorded stamp that stands for a directory (the absent
/// include paths under it), not for one path.
bool isDirectoryStamp(const PathStamp &S);

/// The record for \p Key in \p CacheDir when every stamp it holds is
/// unchanged; else none, and \p WhyNot says why (the first difference).
std::optional<RunRecord> loadRunRecord(const std::string &CacheDir, const RunKey &Key,
                                       std::string &WhyNot);

/// Writes the record of this run (\p Jobs: at least the needed ones).
/// False (and \p Error) when it cannot be written.
bool saveRunRecord(const std::string &CacheDir, const RunKey &Key,
                   llvm::StringRef Root, size_t TusInDbs,
                   const std::vector<TuJob> &Jobs, const TuSelection &Selection,
                   std::string &Error);

} // namespace gup

#endif
