//===- TuCosts.h - What each TU cost to parse last time -------------------===//
//
// Workers take TUs in order; with a handful of TUs on a few workers, one
// large TU started last decides the wall time (a KVM or vhost TU costs ten
// times a small driver's). Handing out the costliest first (longest
// processing time first) needs each TU's cost before it is parsed: the CPU
// time its worker took the last time, kept beside the prefilter's cache.
// TUs never parsed go first (their cost is unknown), in DB order. The order
// changes no output: results are kept by TU, not by completion.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_TUCOSTS_H
#define GUP_TOOL_TUCOSTS_H

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <string>
#include <vector>

namespace gup {

class TuCosts {
public:
  /// The costs kept in \p CacheDir (none when it is empty or unreadable).
  explicit TuCosts(std::string CacheDir);

  /// \p Indices reordered: unknown costs first, then by decreasing cost
  /// (ties in index order);
  /// \p FileOf gives an index's main file.
  template <typename FileOfT>
  void order(std::vector<size_t> &Indices, FileOfT FileOf) const {
    std::sort(Indices.begin(), Indices.end(), [&](size_t A, size_t B) {
      double RankA = rank(FileOf(A)), RankB = rank(FileOf(B));
      return RankA != RankB ? RankA > RankB : A < B;
    });
  }

  void record(const std::string &File, double CpuSeconds) { Seconds[File] = CpuSeconds; }

  /// Writes the costs back; a failure only costs the next run its order,
  /// so it is not an error of the run.
  void save() const;

private:
  /// Unknown: above every cost.
  double rank(const std::string &File) const;
  std::string Path;
  llvm::StringMap<double> Seconds;
};

} // namespace gup

#endif
