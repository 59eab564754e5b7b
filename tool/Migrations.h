//===- Migrations.h - Which migrations a run performs ---------------------===//
//
// --migration names built-in specs by id (or "all") or spec files by path;
// --target-kernel then keeps those the target kernel has. The result is in
// series order and owns the specs read from files. Everything that keys
// what a run found (the run record, shard files) uses migrationKey(); the
// tool's text scans (the prefilter, files no TU read) use siteNames().
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_MIGRATIONS_H
#define GUP_TOOL_MIGRATIONS_H

#include "MigrationSpec.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gup {

struct MigrationSelection {
  /// The migrations to run, ascending by SeriesOrder, then by Id.
  std::vector<const MigrationSpec *> Specs;
  /// What names each of Specs again in another process (a --merge): the
  /// id of a built-in spec, the absolute path of a spec file.
  std::vector<std::string> Selectors;
  /// Specs read from files (Specs points into them).
  std::vector<std::unique_ptr<MigrationSpec>> FromFiles;
};

/// Resolves the values of --migration (each a comma-separated list of
/// built-in ids, "all" and paths of .json specs; none: gup-vmas alone). With \p Target, keeps only the
/// specs whose Kernel is at most \p Target. Fails with a message naming
/// the bad value: an unknown id (with the known ones), a spec file that
/// cannot be read or parsed (with the JSON path of the bad field), two
/// specs with one id.
llvm::Expected<MigrationSelection>
selectMigrations(llvm::ArrayRef<std::string> Values,
                 std::optional<KernelVersion> Target);

/// The --list-migrations line of \p Spec: id, kernel, kinds, title,
/// separated by tabs.
std::string describeMigration(const MigrationSpec &Spec);

/// The kind's name as specs and --list-migrations write it.
llvm::StringRef specKindName(SpecEntryKind Kind);

/// What a text scan looks for: identifiers (as whole C identifiers) and
/// headers whose #include is a site (HeaderMoved), over all \p Specs.
struct SiteNames {
  std::vector<std::string> Identifiers;
  std::vector<std::string> Headers;
};
SiteNames siteNames(llvm::ArrayRef<const MigrationSpec *> Specs);

/// A text that differs when the selected migrations differ (ids, sources,
/// and what they look for), for keys of cached or sharded results.
std::vector<std::string> migrationKey(llvm::ArrayRef<const MigrationSpec *> Specs);

} // namespace gup

#endif
