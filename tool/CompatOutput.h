//===- CompatOutput.h - Turn the plan into --compat output ----------------===//
//
// The rule library composes one file's --compat edits from text
// (matchers/Compat.h); this reads the files, chooses where the compat header
// goes and how each file includes it, and writes nothing itself.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_COMPATOUTPUT_H
#define GUP_TOOL_COMPATOUTPUT_H

#include "Output.h"

#include "EditSet.h"
#include "MigrationOptions.h"

#include <optional>
#include <string>
#include <vector>

namespace gup {

struct CompatRequest {
  CompatMode Mode = CompatMode::None;
  /// --compat=header=PATH, absolute; empty: gup_compat.h beside the first
  /// changed file.
  std::string HeaderPath;
  std::string Root;
  /// The migrations of the run (the header has a section per spec).
  const MigrationOptions *Migration = nullptr;
};

/// Replaces the plan's edits by their --compat composition. Files that
/// cannot be composed keep no edits and get a line in \p Problems. In header
/// mode, returns the header to create or update (if it is not up to date).
std::optional<ChangedFile> composeCompat(ChangePlan &Plan, const CompatRequest &Request,
                                         std::vector<std::string> &Problems);

} // namespace gup

#endif
