//===- EditSet.h - Merge what many translation units found ----------------===//
//
// Find and apply are separate steps. Each TU's findings arrive here as plain
// records (paths and offsets, no AST); the plan deduplicates identical sites
// and edits (the same header reached from many TUs), reports conflicting
// edits instead of half-applying them, and holds back every edit of an API
// that some site blocks, so the output always compiles. No I/O happens here.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_EDITSET_H
#define GUP_MATCHERS_EDITSET_H

#include "Finding.h"
#include "MigrationOptions.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace gup {

/// A replacement of [Offset, Offset + Length) of the file at Path.
struct FileEdit {
  std::string Path;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  /// --compat only (see ApiSide): New or Old edits belong to one side of a
  /// version test placed around [GuardOffset, GuardOffset + GuardLength).
  ApiSide Side = ApiSide::Any;
  unsigned GuardOffset = 0;
  unsigned GuardLength = 0;

  auto key() const {
    return std::tie(Path, Offset, Length, Text, Side, GuardOffset, GuardLength);
  }
  bool operator==(const FileEdit &O) const { return key() == O.key(); }
  bool operator<(const FileEdit &O) const { return key() < O.key(); }
};

/// One reported site, with the edits that migrate it.
struct SiteRecord {
  std::string Path; ///< where the user looks (a file inside the tree)
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0; ///< file offset of Line:Column
  std::string Rule;
  std::string Api;
  std::string Migration; ///< see Finding::Migration (empty: gup-vmas)
  FindingKind Kind = FindingKind::Rewrite;
  std::string Message;
  std::vector<FileEdit> Edits;
  std::vector<std::string> Requires; ///< see Finding::Requires
  std::string OnlyIfBlocked;         ///< see Finding::OnlyIfBlocked
  std::vector<FileEdit> InterimEdits; ///< see Finding::InterimEdits
  std::string ReviewNote;             ///< see Finding::ReviewNote

  auto key() const {
    return std::tie(Path, Line, Column, Offset, Rule, Api, Migration, Kind, Message, Edits,
                    Requires, OnlyIfBlocked, InterimEdits, ReviewNote);
  }
  bool operator<(const SiteRecord &O) const { return key() < O.key(); }
  bool operator==(const SiteRecord &O) const { return key() == O.key(); }
};

/// The content a TU saw for a file it wants to edit.
struct FileSnapshot {
  std::string Path;
  uint64_t Hash = 0;
  uint64_t Size = 0;
};

uint64_t hashContent(llvm::StringRef Content);

class ChangePlan {
public:
  struct Conflict {
    FileEdit First, Second;
    std::string FirstRule, SecondRule;
  };

  void addSite(SiteRecord Site);
  void addSnapshot(const FileSnapshot &Snapshot);
  /// Migrate \p Api even when a site blocks it (--force-api).
  void forceApi(llvm::StringRef Api) { ForcedApis.insert(Api.str()); }
  /// Keep \p Api unmigrated as if a site blocked it, without a blocking
  /// site: a patch series computes each intermediate state this way.
  void holdBack(llvm::StringRef Api) { HeldBack.insert(Api.str()); }
  /// While \p Api is held back, its sites that have interim edits make them
  /// (the users of the vmas array go before the API in a series).
  void useInterimEdits(llvm::StringRef Api) { Interim.insert(Api.str()); }
  /// --compat: an alternative for a held-back API (OnlyIfBlocked) is also
  /// what the site is before 6.5, so it is kept as the Old side of a
  /// version test when that API is migrated; New and Old edits of one
  /// place are two sides, not a conflict.
  void setCompat(CompatMode Mode) { Compat = Mode; }

  /// Decides what will be written. Call once, after every addSite().
  void finalize();

  /// Every distinct site, sorted by path, line, column.
  const std::vector<SiteRecord> &sites() const { return Sites; }
  /// The edits to make, per file, sorted and free of duplicates/conflicts.
  const std::map<std::string, std::vector<FileEdit>> &edits() const {
    return Edits;
  }
  const std::vector<Conflict> &conflicts() const { return Conflicts; }
  /// Files whose content differed between TUs (changed during the run).
  const std::set<std::string> &inconsistentFiles() const { return Inconsistent; }
  /// True when \p Site's edits are made (its API migrated, its condition met).
  bool applies(const SiteRecord &Site) const;
  /// False for an alternative meant for the case where another API is held
  /// back (SiteRecord::OnlyIfBlocked) when that API is not: such a record is
  /// neither applied nor listed in a report.
  bool inForce(const SiteRecord &Site) const {
    return Site.OnlyIfBlocked.empty() || Blocked.count(Site.OnlyIfBlocked) ||
           (Compat != CompatMode::None && !Site.Edits.empty() &&
            Site.Edits.front().Side == ApiSide::Old);
  }
  /// True when \p Site has edits and another site, of another rule, makes
  /// each of them: the same code seen another way (a branch one compile DB
  /// skips and another parses).
  bool madeByAnotherRule(const SiteRecord &Site) const;
  /// True when \p Site's interim edits are made instead (see holdBack()).
  bool appliesInterim(const SiteRecord &Site) const;
  /// True when \p Api is held back (by a site or by holdBack()).
  bool isHeldBack(llvm::StringRef Api) const { return Blocked.count(Api.str()) > 0; }
  /// APIs held back, with the sites that block them (directly, or through a
  /// site that requires a held-back API).
  const std::map<std::string, std::vector<const SiteRecord *>> &blockedApis() const {
    return Blocked;
  }
  /// APIs migrated although blocked (--force-api), with their blocking sites.
  const std::map<std::string, std::vector<const SiteRecord *>> &forcedApis() const {
    return Forced;
  }
  /// The snapshot every edit of \p Path was computed against.
  const FileSnapshot *snapshot(llvm::StringRef Path) const;

  /// Replaces the edits of \p Path (the --compat composition).
  void setEdits(const std::string &Path, std::vector<FileEdit> FileEdits) {
    Edits[Path] = std::move(FileEdits);
  }

  /// Applies sorted, non-overlapping \p FileEdits to \p Original.
  static std::string apply(llvm::StringRef Original,
                           const std::vector<FileEdit> &FileEdits);

private:
  std::vector<SiteRecord> Sites;
  std::map<std::string, FileSnapshot> Snapshots;
  std::set<std::string> Inconsistent;
  std::set<std::string> ForcedApis;
  std::set<std::string> HeldBack;
  std::set<std::string> Interim;
  CompatMode Compat = CompatMode::None;
  std::map<std::string, std::vector<FileEdit>> Edits;
  std::vector<Conflict> Conflicts;
  std::map<std::string, std::vector<const SiteRecord *>> Blocked;
  std::map<std::string, std::vector<const SiteRecord *>> Forced;
};

} // namespace gup

#endif
