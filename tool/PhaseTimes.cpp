//===- PhaseTimes.cpp - Where a run's time goes ---------------------------===//
#include "PhaseTimes.h"

#include "llvm/Support/Format.h"

#include <chrono>
#include <time.h>

namespace gup {

namespace {
double wallSeconds() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
} // namespace

double processCpuSeconds() {
  timespec T;
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &T) != 0)
    return 0;
  return T.tv_sec + T.tv_nsec / 1e9;
}

void PhaseTimer::restart() {
  CpuStart = processCpuSeconds();
  WallStart = wallSeconds();
}

PhaseTime PhaseTimer::elapsed() const {
  return {processCpuSeconds() - CpuStart, wallSeconds() - WallStart};
}

void printPhases(llvm::raw_ostream &OS, const RunPhases &P) {
  auto Row = [&](llvm::StringRef Name, double Cpu, double Wall) {
    OS << "    " << llvm::left_justify(Name, 24) << llvm::format("%6.1f", Cpu)
       << " s CPU";
    if (Wall >= 0)
      OS << llvm::format("%8.1f", Wall) << " s wall";
    OS << "\n";
  };
  OS << "  time per phase\n";
  Row("DB load", P.DbLoad.Cpu, P.DbLoad.Wall);
  Row("prefilter", P.Prefilter.Cpu, P.Prefilter.Wall);
  Row("workers", P.Workers.Cpu, P.Workers.Wall);
  Row("  parse", P.ParseCpu, -1);
  Row("  match", P.MatchCpu, -1);
  Row("plan", P.Plan.Cpu, P.Plan.Wall);
  Row("output", P.Output.Cpu, P.Output.Wall);
}

} // namespace gup
