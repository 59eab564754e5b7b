//===- Format.h - Re-format the changed lines with the tree's style -------===//
//
// An edit that drops an argument leaves the rest of a split argument list
// where it was; kernel style wants it re-flowed. The changed line ranges
// (never whole files) are re-formatted with the tree's own .clang-format
// through clang's libFormat. A tree without one gets the minimal edit.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_FORMAT_H
#define GUP_TOOL_FORMAT_H

#include "EditSet.h"
#include "Output.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace gup {

class ChangeFormatter {
public:
  /// Styles are looked up from each file's directory up to \p Root, never
  /// above it (a tree's style is its own).
  explicit ChangeFormatter(std::string Root) : Root(std::move(Root)) {}

  /// \p Edits (sorted, disjoint) applied to \p Original, then the lines they
  /// touched re-formatted when the tree has a .clang-format: its column
  /// limit (the kernel's preferred 80), at most the 100 columns checkpatch
  /// accepts (a style without a limit gets 100).
  std::string render(const std::string &Path, llvm::StringRef Original,
                     const std::vector<FileEdit> &Edits);

  /// Re-renders every changed file of \p Files (their New content) from
  /// the plan's edits.
  void renderAll(const ChangePlan &Plan, std::vector<ChangedFile> &Files);

  /// Problems met (an unreadable .clang-format), one line each.
  const std::vector<std::string> &problems() const { return Problems; }

private:
  /// The .clang-format text that governs \p Dir ("" when none).
  const std::string &styleFor(llvm::StringRef Dir);

  std::string Root;
  std::map<std::string, std::string> StyleByDir;
  std::vector<std::string> Problems;
};

} // namespace gup

#endif
