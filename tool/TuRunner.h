//===- TuRunner.h - Parse one translation unit and collect its findings ---===//
#ifndef GUP_TOOL_TURUNNER_H
#define GUP_TOOL_TURUNNER_H

#include "CompileDb.h"
#include "EditSet.h"
#include "MigrationOptions.h"

#include <set>
#include <string>
#include <vector>

namespace gup {

struct RunSettings {
  std::string Root;         ///< canonical; nothing outside is edited
  std::string ResourceDir;  ///< clang's builtin headers
  std::vector<std::string> ExtraArgs; ///< after `--` on our command line
  MigrationOptions Migration;
  /// Parse every function body (--full-parse), not only those the analysis
  /// can need (NeededBodies.h).
  bool FullParse = false;
};

/// What one TU contributed, as plain data (no AST, no SourceManager).
struct TuResult {
  std::string File;
  std::string Database;
  bool Parsed = false;  ///< the front end ran to the end of the file
  unsigned Errors = 0;
  std::vector<std::string> ErrorLines; ///< the first few, "file:line:col: msg"
  std::vector<SiteRecord> Sites;
  std::vector<FileSnapshot> Snapshots;
  /// Declarations or sites in files outside --root, left alone.
  unsigned OutsideRootSites = 0;
  /// Files of the tree this TU read (its main file and headers).
  std::set<std::string> FilesSeen;
  /// Compiler flags clang rejected and that were dropped (gcc-only flags).
  std::set<std::string> DroppedFlags;
  /// Function bodies parsed and skipped (all parsed with --full-parse).
  unsigned BodiesParsed = 0;
  unsigned BodiesSkipped = 0;
  /// CPU time of the front end up to a complete AST, and of the rules and
  /// the conversion of their findings.
  double ParseCpuSeconds = 0;
  double MatchCpuSeconds = 0;
};

TuResult runTu(const TuJob &Job, const RunSettings &Settings);

/// Flags the driver rejected in another process (a worker): later TUs of
/// this process drop them up front.
void rememberRejectedFlags(const std::set<std::string> &Flags);

} // namespace gup

#endif
