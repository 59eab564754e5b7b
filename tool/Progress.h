//===- Progress.h - One-line progress bar on a terminal -------------------===//
#ifndef GUP_TOOL_PROGRESS_H
#define GUP_TOOL_PROGRESS_H

#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <string>

namespace gup {

/// "[ 12/95] 00:13 ETA 01:05 drivers/foo.c" on stderr, redrawn in place.
/// Disabled, it does nothing; the caller decides (terminal or --progress).
class ProgressBar {
public:
  ProgressBar(bool Enabled, size_t Total);
  void started(llvm::StringRef File);
  void finished();
  /// Redraws at most a few times a second (for the clock).
  void tick();
  /// Erases the line, so that what follows starts on a clean one.
  void clear();

private:
  void draw();
  bool Enabled;
  size_t Total, Done = 0;
  std::string Current;
  std::chrono::steady_clock::time_point Start, LastDraw;
};

/// mm:ss (or h:mm:ss) for a progress line.
std::string formatClock(double Seconds);

} // namespace gup

#endif
