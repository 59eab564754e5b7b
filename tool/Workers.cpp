//===- Workers.cpp - Parse TUs in child processes -------------------------===//
#include "Workers.h"
#include "RecordJson.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gup {

namespace {

std::string describeSignal(int Signal) {
  std::string Name = strsignal(Signal);
  std::string Text = "crashed with signal " + std::to_string(Signal) + " (" + Name + ")";
  if (Signal == SIGKILL)
    Text = "was killed (signal 9; out of memory?)";
  return Text;
}

} // namespace

std::string serializeTuResult(const TuResult &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::json::Value(recordToJSON(R));
  return Out;
}

bool deserializeTuResult(llvm::StringRef Data, TuResult &R) {
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Data);
  if (!V) {
    llvm::consumeError(V.takeError());
    return false;
  }
  llvm::json::Path::Root Root;
  return recordFromJSON(*V, R, Root);
}

std::string runInWorkers(const std::vector<TuJob> &Jobs,
                         const std::vector<size_t> &Indices,
                         const RunSettings &Settings,
                         const WorkerSettings &Workers,
                         llvm::function_ref<void(size_t)> OnStart,
                         llvm::function_ref<void(size_t, WorkerOutcome &&)> OnDone,
                         llvm::function_ref<void()> OnIdle) {
  if (Indices.empty())
    return "";
  llvm::SmallString<128> Dir;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory("gup-rewrite", Dir))
    return "cannot create a temporary directory for the workers: " + EC.message();
  auto ResultPath = [&](size_t Index) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, std::to_string(Index) + ".tu");
    return std::string(Path);
  };
  // Output buffered in the parent must not be written twice by children.
  llvm::outs().flush();
  llvm::errs().flush();

  struct Running {
    size_t Index;
    std::chrono::steady_clock::time_point Start;
  };
  std::map<pid_t, Running> Children;
  size_t Next = 0;
  std::string Error;
  unsigned Parallel = std::max(1u, Workers.Parallel);
  while (Next < Indices.size() || !Children.empty()) {
    while (Children.size() < Parallel && Next < Indices.size()) {
      size_t Index = Indices[Next];
      OnStart(Index);
      pid_t Pid = fork();
      if (Pid == 0) {
        const TuJob &Job = Jobs[Index];
        if (!Workers.CrashOn.empty() &&
            llvm::StringRef(Job.File).ends_with(Workers.CrashOn)) {
          // A real fault, as a parser bug makes: LLVM's crash handler runs
          // (stack dump) and the worker dies of the signal.
          volatile int *Nowhere = nullptr;
          *Nowhere = 1;
        }
        TuResult Result = runTu(Job, Settings);
        std::string Data = serializeTuResult(Result);
        std::error_code EC;
        {
          llvm::raw_fd_ostream Out(ResultPath(Index), EC);
          if (!EC)
            Out << Data;
          if (!EC)
            Out.close();
          if (Out.has_error())
            EC = Out.error(), Out.clear_error();
        }
        _exit(EC ? 3 : 0);
      }
      if (Pid < 0) {
        if (Children.empty()) {
          Error = std::string("cannot start a worker process: ") + strerror(errno);
          break;
        }
        break; // retry when a running child has finished
      }
      Children[Pid] = {Index, std::chrono::steady_clock::now()};
      ++Next;
    }
    if (!Error.empty())
      break;
    int Status = 0;
    struct rusage Usage;
    pid_t Pid = wait4(-1, &Status, WNOHANG, &Usage);
    if (Pid == 0) {
      OnIdle();
      usleep(100 * 1000);
      continue;
    }
    if (Pid < 0) {
      if (errno == EINTR)
        continue;
      Error = std::string("lost track of the worker processes: ") + strerror(errno);
      break;
    }
    auto It = Children.find(Pid);
    if (It == Children.end())
      continue;
    Running Child = It->second;
    Children.erase(It);
    WorkerOutcome Outcome;
    Outcome.PeakRssKiB = Usage.ru_maxrss;
    Outcome.CpuSeconds = Usage.ru_utime.tv_sec + Usage.ru_utime.tv_usec / 1e6 +
                         Usage.ru_stime.tv_sec + Usage.ru_stime.tv_usec / 1e6;
    Outcome.Seconds = std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - Child.Start)
                          .count();
    std::string Path = ResultPath(Child.Index);
    if (WIFSIGNALED(Status)) {
      Outcome.Failure = describeSignal(WTERMSIG(Status));
    } else if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0) {
      Outcome.Failure = "worker exited with status " +
                        std::to_string(WEXITSTATUS(Status)) +
                        " (could not write its result)";
    } else {
      auto Buffer = llvm::MemoryBuffer::getFile(Path);
      if (!Buffer || !deserializeTuResult((*Buffer)->getBuffer(), Outcome.Result))
        Outcome.Failure = "worker's result could not be read back";
    }
    llvm::sys::fs::remove(Path);
    if (!Outcome.Failure.empty()) {
      Outcome.Result = TuResult();
      Outcome.Result.File = Jobs[Child.Index].File;
      Outcome.Result.Database = Jobs[Child.Index].Database;
    }
    OnDone(Child.Index, std::move(Outcome));
  }
  // On an error, wait for what is still running: no orphans.
  for (auto &[Pid, Child] : Children) {
    int Status;
    waitpid(Pid, &Status, 0);
    llvm::sys::fs::remove(ResultPath(Child.Index));
  }
  llvm::sys::fs::remove(Dir);
  return Error;
}

} // namespace gup
