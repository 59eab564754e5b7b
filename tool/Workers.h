//===- Workers.h - Parse TUs in child processes ---------------------------===//
//
// Each TU is parsed in a child process of its own (fork), at most N at a
// time. A parser crash or an out-of-memory kill ends that child only: the
// TU is reported, every other TU's result is kept. The child sends its
// TuResult back as plain data; its AST dies with it, so the parent's memory
// holds only records and no worker carries one TU's memory into the next.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_WORKERS_H
#define GUP_TOOL_WORKERS_H

#include "TuRunner.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace gup {

/// How one TU ended.
struct WorkerOutcome {
  TuResult Result;
  /// Empty when the worker finished; else what happened to it ("crashed
  /// with signal 11 (Segmentation fault)", "was killed ... out of memory?").
  std::string Failure;
  long PeakRssKiB = 0;
  double Seconds = 0;
  double CpuSeconds = 0; ///< user + system time of the worker process
};

struct WorkerSettings {
  unsigned Parallel = 1;
  /// Test hook (hidden option): the worker whose main file ends with this
  /// suffix crashes, as a parser bug would.
  std::string CrashOn;
};

/// Runs runTu() for Jobs[Indices[k]] in child processes. \p OnStart is
/// called when a TU is handed to a worker, \p OnDone when it ended, in
/// completion order; \p OnIdle about ten times a second while waiting.
/// Returns an error message when no worker could be started at all.
std::string runInWorkers(const std::vector<TuJob> &Jobs,
                         const std::vector<size_t> &Indices,
                         const RunSettings &Settings,
                         const WorkerSettings &Workers,
                         llvm::function_ref<void(size_t)> OnStart,
                         llvm::function_ref<void(size_t, WorkerOutcome &&)> OnDone,
                         llvm::function_ref<void()> OnIdle);

/// The wire format between a worker and the parent: the JSON of
/// RecordJson.h, which shard files use too.
std::string serializeTuResult(const TuResult &Result);
bool deserializeTuResult(llvm::StringRef Data, TuResult &Result);

} // namespace gup

#endif
