//===- ShardFile.h - What a run found, before any decision ----------------===//
//
// A run finds (parses TUs, collects sites and edits), then decides (the
// ChangePlan: hold-backs, conflicts, duplicates, --compat composition) and
// writes. Sharded runs split the finding only: each shard writes its TUs'
// outcomes to a findings file (--findings, JSON, the workers' own
// serialization), and `gup-rewrite --merge` reads every shard's file back
// into the outcomes one run would have had, so the one decision is taken
// over the whole tree and the output is the single run's, byte for byte.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_SHARDFILE_H
#define GUP_TOOL_SHARDFILE_H

#include "TuSchedule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace gup {

/// What shapes the findings of a run: every shard of one run has the same,
/// and the merge takes it from them (it parses nothing itself).
struct RunIdentity {
  std::string Root;
  std::vector<std::string> Databases; ///< the compile DBs (-p), as loaded
  std::vector<std::string> Files;     ///< FILE... of the command line
  std::vector<std::string> ExtraArgs; ///< after `--`
  unsigned TargetKernel = 605;
  /// The migrations run (Migrations.h's selectors: built-in ids, spec
  /// paths), in series order; shards of other migrations do not merge.
  std::vector<std::string> Migrations;
  bool DropVmaChecks = false;
  std::vector<std::string> DisabledRules;
  std::string Compat;       ///< "", "guard" or "header"
  std::string CompatHeader; ///< --compat=header=PATH, absolute
  bool Prefilter = true;
  unsigned ShardCount = 1;
};

/// One run's findings: a shard's, or every shard's merged.
struct RunFindings {
  RunIdentity Run;
  unsigned Shard = 1; ///< 1-based; meaningless once merged
  unsigned MergedShards = 0; ///< files merged into this one (0: not merged)
  size_t TusInDbs = 0;  ///< entries of the compile DBs
  size_t TusNamed = 0;  ///< of those, the FILEs named (all without FILE...)
  ScheduleResult Ran;
};

std::string renderFindings(const RunFindings &Findings);

/// Reads the findings files of every shard of one run and merges them: the
/// outcomes of each TU (once, by DB position), and the headers no TU of
/// their DB read in any shard. Fails, naming the file, when a file is not
/// a findings file, comes from another run, or when a shard is missing or
/// given twice.
llvm::Expected<RunFindings> mergeFindings(llvm::ArrayRef<std::string> Paths);

} // namespace gup

#endif
