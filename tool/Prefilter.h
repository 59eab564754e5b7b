//===- Prefilter.h - Which TUs can contain a site, from text alone --------===//
//
// A kernel compile DB has ~13,600 TUs; fewer than a hundred can contain a
// site. Before anything is parsed, every main file and every header it can
// include (its #include lines resolved with its own -I/-iquote/-isystem/
// -include flags, #if ignored) is scanned once as tokens, outside comments
// and string literals. A TU is parsed when
//   - its main file names a function of the family, or a macro whose body
//     does (transitively); or
//   - it is the first TU of its compile DB that can reach a header of the
//     tree that names one, and no TU already chosen can: the header's own
//     sites (prototypes, static inline callers, macro bodies) need one TU.
//     "One" per way of setting the macros the header tests in #if lines
//     (its main file's #defines, its -D flags): a TU that defines such a
//     macro may see the header's GUP code differently.
// Because #if is ignored, "can reach" is wider than "does include"; the
// driver checks after parsing that the chosen TU really read the header and
// otherwise asks for the next candidate (nextCandidates()).
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_PREFILTER_H
#define GUP_TOOL_PREFILTER_H

#include "CompileDb.h"
#include "PrefilterCache.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace gup {

struct PrefilterStats {
  unsigned MainFiles = 0;    ///< TUs whose main file was scanned
  unsigned Headers = 0;      ///< other files scanned (each once)
  unsigned MainFileHits = 0; ///< TUs kept because their main file names one
  unsigned HeaderOnly = 0;   ///< TUs kept only to reach a header with sites
  unsigned GupMacros = 0;    ///< macros whose body names the family
  double Seconds = 0;
  /// The on-disk cache (PrefilterCache.h): how the scans were answered.
  bool CacheUsed = false;
  unsigned FromStat = 0; ///< unchanged by size and mtime, not read
  unsigned FromHash = 0; ///< read, but the same content: not lexed
  unsigned Lexed = 0;    ///< read and scanned
  std::string CacheError; ///< the cache could not be written
  /// The run record (RunRecord.h): reused, with how many files it found
  /// unchanged and include paths still absent; or why not.
  bool RunRecordReused = false;
  unsigned RunRecordFiles = 0, RunRecordAbsent = 0, RunRecordDirectories = 0;
  std::string RunRecordWhyNot;
};

class Prefilter {
public:
  /// \p Names: the identifiers that make a file interesting (the family).
  /// \p Root: only headers inside it need a TU of their own.
  /// \p CacheDir: where scans are kept between runs (empty: nowhere).
  /// \p Headers: include spellings ("asm/unaligned.h") that make a file
  /// that #includes one interesting too (a header that moved).
  Prefilter(llvm::ArrayRef<std::string> Names, std::string Root,
            std::string CacheDir = "", llvm::ArrayRef<std::string> Headers = {});
  ~Prefilter();

  /// Indices into \p Jobs of the TUs to parse, ascending.
  std::vector<size_t> select(const std::vector<TuJob> &Jobs);

  /// Headers of the tree that name the family, per compile DB and per way
  /// a TU sets the macros the header tests, with the TUs that can reach
  /// them (kept ones first, then in DB order).
  struct HeaderCandidates {
    std::string Database;
    std::string Header; ///< canonical path (as TuResult::FilesSeen has it)
    std::vector<size_t> Tus;
  };
  const std::vector<HeaderCandidates> &headerCandidates() const {
    return Candidates;
  }

  const PrefilterStats &stats() const { return Stats; }

  /// With a cache: every path the verdict depended on (files read, and
  /// paths an #include looked for in vain), for a run record.
  std::vector<PathStamp> takeDependencies() { return std::move(Depends); }

private:
  struct Impl;
  std::unique_ptr<Impl> P;
  std::unique_ptr<PrefilterCache> Cache;
  std::vector<HeaderCandidates> Candidates;
  PrefilterStats Stats;
  std::vector<PathStamp> Depends;
};

} // namespace gup

#endif
