//===- Migrations.cpp - Which migrations a run performs -------------------===//
#include "Migrations.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace gup {

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// An item names a file when it looks like a path; ids have neither.
static bool looksLikePath(llvm::StringRef Value) {
  return Value.contains('/') || Value.ends_with(".json");
}

static std::string knownIds() {
  std::vector<std::string> Ids;
  for (const MigrationSpec &S : builtinMigrations())
    Ids.push_back(S.Id);
  return llvm::join(Ids, ", ");
}

llvm::Expected<MigrationSelection>
selectMigrations(llvm::ArrayRef<std::string> Values,
                 std::optional<KernelVersion> Target) {
  MigrationSelection Out;
  std::vector<std::pair<const MigrationSpec *, std::string>> Chosen;
  auto Add = [&](const MigrationSpec *Spec, std::string Selector) -> llvm::Error {
    for (const auto &[Other, OtherSelector] : Chosen) {
      if (Other == Spec)
        return llvm::Error::success(); // named twice: once is enough
      if (Other->Id == Spec->Id)
        return error("--migration: '" + OtherSelector + "' and '" + Selector +
                     "' are both migration '" + Spec->Id +
                     "'; give one of them");
    }
    Chosen.push_back({Spec, std::move(Selector)});
    return llvm::Error::success();
  };
  for (const std::string &Value : Values) {
    llvm::SmallVector<llvm::StringRef, 4> Items;
    llvm::StringRef(Value).split(Items, ',', -1, /*KeepEmpty=*/true);
    for (llvm::StringRef Item : Items) {
      Item = Item.trim();
      if (looksLikePath(Item)) {
        llvm::SmallString<256> Path(Item);
        llvm::sys::fs::make_absolute(Path);
        auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
        if (!Buffer)
          return error("--migration=" + Value + ": cannot read the spec '" + Item +
                       "': " + Buffer.getError().message());
        llvm::Expected<MigrationSpec> Spec =
            parseMigrationSpec((*Buffer)->getBuffer(), Item);
        if (!Spec)
          return error("--migration=" + Value + ": not a valid migration spec: " +
                       llvm::toString(Spec.takeError()));
        Out.FromFiles.push_back(std::make_unique<MigrationSpec>(std::move(*Spec)));
        if (llvm::Error E = Add(Out.FromFiles.back().get(), std::string(Path)))
          return std::move(E);
        continue;
      }
      if (Item == "all") {
        for (const MigrationSpec &S : builtinMigrations())
          if (llvm::Error E = Add(&S, S.Id))
            return std::move(E);
        continue;
      }
      const MigrationSpec *Spec = findBuiltinMigration(Item);
      if (!Spec)
        return error("--migration=" + Value + ": no migration '" + Item +
                     "'; the built-in ones are " + knownIds() +
                     " (--list-migrations), 'all', or give the path of a "
                     ".json spec");
      if (llvm::Error E = Add(Spec, Spec->Id))
        return std::move(E);
    }
  }
  if (Values.empty())
    Chosen.push_back({&gupVmasMigration(), gupVmasMigration().Id});
  if (Target)
    llvm::erase_if(Chosen, [&](const auto &C) { return C.first->Kernel > *Target; });
  // Ids are distinct (Add), so this order is total.
  llvm::sort(Chosen, [](const auto &A, const auto &B) {
    return std::tie(A.first->SeriesOrder, A.first->Id) <
           std::tie(B.first->SeriesOrder, B.first->Id);
  });
  for (auto &[Spec, Selector] : Chosen) {
    Out.Specs.push_back(Spec);
    Out.Selectors.push_back(std::move(Selector));
  }
  return std::move(Out);
}

llvm::StringRef specKindName(SpecEntryKind Kind) {
  switch (Kind) {
  case SpecEntryKind::ParameterRemoved:
    return "parameter-removed";
  case SpecEntryKind::Renamed:
    return "renamed";
  case SpecEntryKind::HeaderMoved:
    return "header-moved";
  case SpecEntryKind::InitializerRemoved:
    return "initializer-removed";
  case SpecEntryKind::Removed:
    return "removed";
  }
  return "";
}

std::string describeMigration(const MigrationSpec &Spec) {
  std::vector<std::string> Kinds;
  for (const SpecEntry &E : Spec.Entries) {
    std::string Name = specKindName(E.Kind).str();
    if (!llvm::is_contained(Kinds, Name))
      Kinds.push_back(Name);
  }
  return Spec.Id + "\t" + formatKernelVersion(Spec.Kernel) + "\t" +
         llvm::join(Kinds, ",") + "\t" + Spec.Title;
}

SiteNames siteNames(llvm::ArrayRef<const MigrationSpec *> Specs) {
  SiteNames Out;
  auto AddOnce = [](std::vector<std::string> &List, const std::string &Name) {
    if (!Name.empty() && !llvm::is_contained(List, Name))
      List.push_back(Name);
  };
  for (const MigrationSpec *Spec : Specs) {
    std::vector<std::string> Headers;
    for (const SpecEntry &E : Spec->Entries)
      if (E.Kind == SpecEntryKind::HeaderMoved) {
        AddOnce(Out.Headers, E.Name);
        Headers.push_back(E.Name);
      }
    // A header's path is no identifier: it is found by its #include.
    for (const std::string &Name : Spec->identifiers())
      if (!llvm::is_contained(Headers, Name))
        AddOnce(Out.Identifiers, Name);
  }
  return Out;
}

std::vector<std::string> migrationKey(llvm::ArrayRef<const MigrationSpec *> Specs) {
  std::vector<std::string> Key;
  for (const MigrationSpec *Spec : Specs)
    Key.push_back("migration " + Spec->Id + " from " + Spec->Source);
  SiteNames Names = siteNames(Specs);
  Key.insert(Key.end(), Names.Identifiers.begin(), Names.Identifiers.end());
  for (const std::string &Header : Names.Headers)
    Key.push_back("#include " + Header);
  return Key;
}

} // namespace gup
