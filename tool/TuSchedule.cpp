//===- TuSchedule.cpp - Which TUs to parse, where, and in what order ------===//
#include "TuSchedule.h"

#include "Migrations.h"
#include "Paths.h"
#include "Progress.h"
#include "TuCosts.h"

#include <chrono>
#include <set>

namespace gup {

namespace {
/// Rounds of "the header's first candidate did not read it, try the next":
/// #if hides an include from the text scan only now and then.
constexpr unsigned MaxFallbackRounds = 4;

/// True when a parsed TU among the header's candidates (its DB, its
/// configuration) read it.
bool readBy(const Prefilter::HeaderCandidates &C,
            const std::map<size_t, WorkerOutcome> &Outcomes) {
  for (size_t T : C.Tus) {
    auto It = Outcomes.find(T);
    if (It != Outcomes.end() && It->second.Result.FilesSeen.count(C.Header))
      return true;
  }
  return false;
}
} // namespace

std::vector<size_t> TuSelection::neededJobs() const {
  std::set<size_t> Needed(Survivors.begin(), Survivors.end());
  for (const Prefilter::HeaderCandidates &C : Candidates)
    Needed.insert(C.Tus.begin(), C.Tus.end());
  return std::vector<size_t>(Needed.begin(), Needed.end());
}

TuSelection selectTus(const std::vector<TuJob> &Jobs, const RunSettings &Settings,
                      const ScheduleOptions &Options) {
  TuSelection Out;
  if (!Options.UsePrefilter) {
    for (size_t I = 0; I < Jobs.size(); ++I)
      Out.Survivors.push_back(I);
    return Out;
  }
  // What the selected migrations' sites can be spotted by (the GUP
  // family's names by default).
  std::vector<const MigrationSpec *> Specs = Settings.Migration.Migrations;
  if (Specs.empty())
    Specs.push_back(&gupVmasMigration());
  SiteNames Names = siteNames(Specs);
  Out.StartedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  PhaseTimer Timer;
  Prefilter Filter(Names.Identifiers, Settings.Root, Options.CacheDir,
                   Names.Headers);
  Out.Survivors = Filter.select(Jobs);
  Out.Stats = Filter.stats();
  Out.Candidates = Filter.headerCandidates();
  Out.Depends = Filter.takeDependencies();
  Out.Time = Timer.elapsed();
  return Out;
}

ScheduleResult runTus(const std::vector<TuJob> &Jobs, const TuSelection &Selected,
                      const RunSettings &Settings, const ScheduleOptions &Options) {
  ScheduleResult Out;
  const std::vector<size_t> &Survivors = Selected.Survivors;
  Out.Prefilter = Selected.Stats;
  Out.PrefilterTime = Selected.Time;
  Out.Survivors = Survivors.size();

  // A deterministic 1/N: every N-th survivor in DB order.
  std::map<size_t, unsigned> ShardOf;
  for (size_t Pos = 0; Pos < Survivors.size(); ++Pos)
    ShardOf[Survivors[Pos]] = Pos % Options.ShardCount;
  std::vector<size_t> Mine;
  for (size_t I : Survivors)
    if (ShardOf[I] == Options.ShardIndex)
      Mine.push_back(I);
  Out.InShard = Mine.size();
  Out.Selected = Mine;
  if (Options.SelectOnly)
    return Out;

  TuCosts Costs(Options.CacheDir);
  ProgressBar Bar(Options.Progress, Mine.size());
  auto Run = [&](const std::vector<size_t> &Indices) {
    std::string Error = runInWorkers(
        Jobs, Indices, Settings, Options.Workers,
        [&](size_t I) { Bar.started(relativeTo(Jobs[I].File, Settings.Root)); },
        [&](size_t I, WorkerOutcome &&Outcome) {
          // Workers forked from now on skip what this one learned.
          rememberRejectedFlags(Outcome.Result.DroppedFlags);
          if (Outcome.PeakRssKiB > Out.PeakRssKiB) {
            Out.PeakRssKiB = Outcome.PeakRssKiB;
            Out.PeakRssFile = Jobs[I].File;
          }
          if (Outcome.Failure.empty())
            Costs.record(Jobs[I].File, Outcome.CpuSeconds);
          Out.Outcomes[I] = std::move(Outcome);
          Bar.finished();
        },
        [&] { Bar.tick(); });
    if (Out.Error.empty())
      Out.Error = Error;
  };
  // The costliest first, so that no large TU starts when the others are
  // done (TuCosts.h).
  std::vector<size_t> Order = Mine;
  Costs.order(Order, [&](size_t I) -> const std::string & { return Jobs[I].File; });
  Run(Order);

  // Headers whose sites the prefilter left to a TU that, with #if applied,
  // did not read them: try the next TU that can. Each header is this
  // shard's concern when its first candidate is.
  if (Options.UsePrefilter) {
    std::vector<const Prefilter::HeaderCandidates *> Owned;
    for (const Prefilter::HeaderCandidates &C : Selected.Candidates)
      if (!C.Tus.empty() && ShardOf.count(C.Tus.front()) &&
          ShardOf[C.Tus.front()] == Options.ShardIndex)
        Owned.push_back(&C);
    std::set<const Prefilter::HeaderCandidates *> GaveUp;
    for (unsigned Round = 0; Round < MaxFallbackRounds && Out.Error.empty(); ++Round) {
      std::set<size_t> Next;
      for (const Prefilter::HeaderCandidates *C : Owned) {
        if (readBy(*C, Out.Outcomes))
          continue;
        bool Queued = false;
        // A TU the prefilter kept is parsed by its own shard, which the
        // merge step sees (and in a single run it is parsed already).
        for (size_t T : C->Tus)
          if (!Out.Outcomes.count(T) && !ShardOf.count(T)) {
            Next.insert(T);
            Queued = true;
            break;
          }
        if (!Queued || Round + 1 == MaxFallbackRounds)
          GaveUp.insert(C);
      }
      if (Next.empty())
        break;
      std::vector<size_t> Batch(Next.begin(), Next.end());
      Out.Fallbacks += Batch.size();
      Run(Batch);
    }
    for (const Prefilter::HeaderCandidates *C : GaveUp)
      if (!readBy(*C, Out.Outcomes))
        Out.UnreadHeaders.push_back({C->Header, C->Database});
  }
  Bar.clear();
  Costs.save();
  return Out;
}

} // namespace gup
