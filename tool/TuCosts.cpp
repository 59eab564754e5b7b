//===- TuCosts.cpp - What each TU cost to parse last time -----------------===//
#include "TuCosts.h"

#include "Output.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>

namespace gup {

namespace {
/// One line per TU: "<cpu seconds>\t<main file>". A line that does not read
/// so is skipped (the file is only a hint).
constexpr llvm::StringLiteral FileName = "tu-costs.txt";
} // namespace

TuCosts::TuCosts(std::string CacheDir) {
  if (CacheDir.empty())
    return;
  llvm::SmallString<256> File(CacheDir);
  llvm::sys::path::append(File, FileName);
  Path = std::string(File);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines) {
    auto [Cost, Main] = Line.split('\t');
    double Value = 0;
    if (!Main.empty() && !Cost.getAsDouble(Value) && Value >= 0)
      Seconds[Main] = Value;
  }
}

double TuCosts::rank(const std::string &File) const {
  auto It = Seconds.find(File);
  return It == Seconds.end() ? std::numeric_limits<double>::infinity() : It->second;
}

void TuCosts::save() const {
  if (Path.empty())
    return;
  std::vector<std::pair<llvm::StringRef, double>> Sorted;
  for (const auto &Entry : Seconds)
    Sorted.emplace_back(Entry.getKey(), Entry.getValue());
  llvm::sort(Sorted);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  for (const auto &[File, Cost] : Sorted)
    OS << llvm::format("%.3f", Cost) << "\t" << File << "\n";
  OS.flush();
  llvm::consumeError(writeFileAtomically(Path, Text));
}

} // namespace gup
