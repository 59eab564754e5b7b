//===- PhaseTimes.h - Where a run's time goes -----------------------------===//
//
// CPU time (user + system, all threads of this process) and wall time of the
// phases of a run, for --summary: loading the compile DBs, the prefilter,
// parsing and matching (measured in each worker and added up), planning and
// output. CPU time is what a loaded machine does not distort.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_PHASETIMES_H
#define GUP_TOOL_PHASETIMES_H

#include "llvm/Support/raw_ostream.h"

namespace gup {

/// CPU seconds this process (every thread) has used so far.
double processCpuSeconds();

struct PhaseTime {
  double Cpu = 0;
  double Wall = 0;
};

/// Measures from construction (or restart()) to elapsed().
class PhaseTimer {
public:
  PhaseTimer() { restart(); }
  void restart();
  PhaseTime elapsed() const;

private:
  double CpuStart = 0;
  double WallStart = 0;
};

struct RunPhases {
  PhaseTime DbLoad, Prefilter, Plan, Output;
  /// The workers' phase: wall time in the parent, CPU time summed over the
  /// worker processes (Parse + Match + their start and hand-back).
  PhaseTime Workers;
  double ParseCpu = 0; ///< the front end, up to a complete AST
  double MatchCpu = 0; ///< the rules and the hand-over of their findings
};

/// The summary's rows for \p Phases, indented like its other rows.
void printPhases(llvm::raw_ostream &OS, const RunPhases &Phases);

} // namespace gup

#endif
