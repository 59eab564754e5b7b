//===- TuSchedule.h - Which TUs to parse, where, and in what order --------===//
//
// The prefilter picks the TUs that can contain a site, --shard keeps this
// shard's share of them, workers parse them in parallel, and a header the
// prefilter counted on a TU to read but that no parsed TU read gets its next
// candidate. Results come back indexed by DB position, so the merge order -
// and the output - do not depend on -j or on which worker finished first.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_TUSCHEDULE_H
#define GUP_TOOL_TUSCHEDULE_H

#include "PhaseTimes.h"
#include "Prefilter.h"
#include "Workers.h"

#include <map>
#include <string>
#include <vector>

namespace gup {

struct ScheduleOptions {
  bool UsePrefilter = true;
  unsigned ShardIndex = 0; ///< 0-based
  unsigned ShardCount = 1;
  bool Progress = false;
  bool SelectOnly = false; ///< decide what to parse, parse nothing
  std::string CacheDir;    ///< the prefilter's cache (empty: none)
  WorkerSettings Workers;
};

/// Which TUs a run parses, before --shard: what the prefilter decided, or
/// what a run record (RunRecord.h) remembers it deciding.
struct TuSelection {
  std::vector<size_t> Survivors; ///< indices into the jobs, ascending
  std::vector<Prefilter::HeaderCandidates> Candidates;
  PrefilterStats Stats;
  PhaseTime Time;
  /// With the prefilter's cache: every path the verdict depended on, and
  /// when the prefilter started (ns since the epoch) - an mtime after
  /// that may hide a change the verdict did not see.
  std::vector<PathStamp> Depends;
  int64_t StartedNs = 0;

  /// The jobs the workers may need: the survivors and every header's
  /// candidates (a fallback may parse one), ascending.
  std::vector<size_t> neededJobs() const;
};

struct ScheduleResult {
  /// Every TU that was parsed (or whose worker died), by index into Jobs.
  std::map<size_t, WorkerOutcome> Outcomes;
  PrefilterStats Prefilter;
  PhaseTime PrefilterTime;
  size_t Survivors = 0;  ///< TUs the prefilter kept (all TUs without it)
  size_t InShard = 0;    ///< of those, this shard's
  std::vector<size_t> Selected; ///< this shard's TUs, before any fallback
  size_t Fallbacks = 0;  ///< TUs parsed because a header was not read
  /// Headers of the tree naming the family that no parsed TU of a compile
  /// DB that can reach them read, with that DB.
  struct UnreadHeader {
    std::string Header, Database;
  };
  std::vector<UnreadHeader> UnreadHeaders;
  long PeakRssKiB = 0;
  std::string PeakRssFile;
  std::string Error; ///< the workers could not run at all
};

/// Runs the prefilter over \p Jobs (every TU without it).
TuSelection selectTus(const std::vector<TuJob> &Jobs, const RunSettings &Settings,
                      const ScheduleOptions &Options);

/// Parses this shard's share of \p Selected (and the fallbacks headers
/// need). \p Jobs needs only the entries Selected.neededJobs() names; the
/// others may be empty, so that workers fork from a small parent.
ScheduleResult runTus(const std::vector<TuJob> &Jobs, const TuSelection &Selected,
                      const RunSettings &Settings, const ScheduleOptions &Options);

} // namespace gup

#endif
