//===- EditSet.cpp - Merge what many translation units found --------------===//
#include "EditSet.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

namespace gup {

uint64_t hashContent(llvm::StringRef Content) {
  return llvm::xxh3_64bits(Content);
}

void ChangePlan::addSite(SiteRecord Site) { Sites.push_back(std::move(Site)); }

void ChangePlan::addSnapshot(const FileSnapshot &Snapshot) {
  auto [It, Inserted] = Snapshots.emplace(Snapshot.Path, Snapshot);
  if (!Inserted && (It->second.Hash != Snapshot.Hash ||
                    It->second.Size != Snapshot.Size))
    Inconsistent.insert(Snapshot.Path);
}

const FileSnapshot *ChangePlan::snapshot(llvm::StringRef Path) const {
  auto It = Snapshots.find(Path.str());
  return It == Snapshots.end() ? nullptr : &It->second;
}

/// Two edits of one file conflict when they touch the same text, or insert
/// at the same place, and are not the same edit.
static bool overlaps(const FileEdit &A, const FileEdit &B) {
  if (A.Offset == B.Offset)
    return true;
  const FileEdit &First = A.Offset < B.Offset ? A : B;
  const FileEdit &Second = A.Offset < B.Offset ? B : A;
  return Second.Offset < First.Offset + First.Length;
}

void ChangePlan::finalize() {
  std::sort(Sites.begin(), Sites.end());
  Sites.erase(std::unique(Sites.begin(), Sites.end()), Sites.end());

  // An API with a site that needs a human keeps its parameter everywhere:
  // dropping it from the prototype would break that site's build.
  for (const SiteRecord &Site : Sites) {
    if (Site.Kind != FindingKind::NeedsAttention || Site.Api.empty())
      continue;
    auto &Into = ForcedApis.count(Site.Api) ? Forced : Blocked;
    Into[Site.Api].push_back(&Site);
  }
  for (const std::string &Api : HeldBack)
    Blocked[Api]; // held back with no blocking site of its own
  // Plumbing that relies on a held-back API is held back too, until nothing
  // changes (a caller keeps its parameter, so its callees keep theirs).
  bool Grew = true;
  while (Grew) {
    Grew = false;
    for (const SiteRecord &Site : Sites) {
      if (Site.Api.empty() || Blocked.count(Site.Api) || ForcedApis.count(Site.Api))
        continue;
      for (const std::string &Needed : Site.Requires)
        if (Blocked.count(Needed)) {
          Blocked[Site.Api].push_back(&Site);
          Grew = true;
          break;
        }
    }
  }

  struct Owned {
    FileEdit Edit;
    const SiteRecord *Site;
  };
  std::map<std::string, std::vector<Owned>> ByFile;
  for (const SiteRecord &Site : Sites) {
    const std::vector<FileEdit> *Made = applies(Site)          ? &Site.Edits
                                        : appliesInterim(Site) ? &Site.InterimEdits
                                                               : nullptr;
    if (!Made)
      continue;
    for (FileEdit E : *Made) {
      // The alternative of a held-back API is the only form: no guard.
      if (!Site.OnlyIfBlocked.empty() && Blocked.count(Site.OnlyIfBlocked)) {
        E.Side = ApiSide::Any;
        E.GuardOffset = E.GuardLength = 0;
      }
      ByFile[E.Path].push_back({std::move(E), &Site});
    }
  }

  for (auto &[Path, List] : ByFile) {
    if (Inconsistent.count(Path))
      continue;
    std::sort(List.begin(), List.end(),
              [](const Owned &A, const Owned &B) { return A.Edit < B.Edit; });
    std::vector<Owned> Unique;
    for (Owned &O : List)
      if (Unique.empty() || !(Unique.back().Edit == O.Edit))
        Unique.push_back(O);
    bool FileConflicts = false;
    for (size_t I = 0; I + 1 < Unique.size(); ++I) {
      // Sorted by offset, so only neighbours can overlap first.
      for (size_t J = I + 1; J < Unique.size() &&
                             Unique[J].Edit.Offset <= Unique[I].Edit.Offset +
                                                          Unique[I].Edit.Length;
           ++J) {
        if (!overlaps(Unique[I].Edit, Unique[J].Edit))
          continue;
        // Two sides of one version test never meet in one text.
        ApiSide SideI = Unique[I].Edit.Side, SideJ = Unique[J].Edit.Side;
        if ((SideI == ApiSide::New && SideJ == ApiSide::Old) ||
            (SideI == ApiSide::Old && SideJ == ApiSide::New))
          continue;
        Conflicts.push_back({Unique[I].Edit, Unique[J].Edit,
                             Unique[I].Site->Rule, Unique[J].Site->Rule});
        FileConflicts = true;
      }
    }
    if (FileConflicts)
      continue; // leave the whole file unchanged
    std::vector<FileEdit> &Out = Edits[Path];
    for (Owned &O : Unique)
      Out.push_back(std::move(O.Edit));
  }
}

bool ChangePlan::applies(const SiteRecord &Site) const {
  if (Site.Kind != FindingKind::Rewrite || Blocked.count(Site.Api))
    return false;
  return inForce(Site);
}

bool ChangePlan::madeByAnotherRule(const SiteRecord &Site) const {
  if (Site.Edits.empty())
    return false;
  return llvm::all_of(Site.Edits, [&](const FileEdit &Edit) {
    return llvm::any_of(Sites, [&](const SiteRecord &Other) {
      return Other.Rule != Site.Rule && llvm::is_contained(Other.Edits, Edit);
    });
  });
}

bool ChangePlan::appliesInterim(const SiteRecord &Site) const {
  return Site.Kind == FindingKind::Rewrite && !Site.InterimEdits.empty() &&
         Blocked.count(Site.Api) && Interim.count(Site.Api);
}

std::string ChangePlan::apply(llvm::StringRef Original,
                              const std::vector<FileEdit> &FileEdits) {
  std::string Result;
  Result.reserve(Original.size());
  size_t Cursor = 0;
  for (const FileEdit &E : FileEdits) {
    Result.append(Original.data() + Cursor, E.Offset - Cursor);
    Result += E.Text;
    Cursor = E.Offset + E.Length;
  }
  Result.append(Original.data() + Cursor, Original.size() - Cursor);
  return Result;
}

} // namespace gup
