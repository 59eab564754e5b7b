//===- ReportFormats.h - --report as JSON or SARIF 2.1.0 ------------------===//
//
// Machine-readable forms of --report for CI gates and code-review tools:
// one entry per site with its rule, kind, location and message, and the
// edits that migrate it when they are made.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_REPORTFORMATS_H
#define GUP_TOOL_REPORTFORMATS_H

#include "EditSet.h"
#include "Output.h"
#include "UnreadFiles.h"

#include <string>
#include <vector>

namespace gup {

/// {"tool", "version", "root", "sites": [{file, line, column, rule, kind,
/// api, message, applied, edits: [{file, offset, length, replacement}],
/// review (when the rewrite is made and a reviewer must confirm it)}],
/// "unreadFiles": [{file, line, column, uses, message}]}
std::string renderReportJson(const ChangePlan &Plan,
                             const std::vector<ChangedFile> &Files,
                             const std::vector<const UnreadFile *> &Unread,
                             const std::string &Root);

/// A SARIF 2.1.0 log: one run, the rules the sites used, one result per
/// site, and a `fix` with the site's replacements when they are made; a
/// "note" result for each rewrite a reviewer must confirm, and an
/// "unread-file" warning per file no TU read.
std::string renderReportSarif(const ChangePlan &Plan,
                              const std::vector<ChangedFile> &Files,
                              const std::vector<const UnreadFile *> &Unread,
                              const std::string &Root,
                              llvm::ArrayRef<const MigrationSpec *> Specs);

} // namespace gup

#endif
