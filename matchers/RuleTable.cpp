//===- RuleTable.cpp - The ordered decision tables ------------------------===//
#include "RuleTable.h"

#include "rules/gup/Rules.h"
#include "rules/spec/SpecRules.h"

#include <memory>
#include <vector>

namespace gup {

llvm::ArrayRef<const CallSiteRule *> idiomRules() {
  static const CallSiteRule *const Idioms[] = {
      &vmaAfterUnlockRule(),  &vmasArrayRule(),        &deadVmaRule(),
      &singleVmaHelperRule(), &singleVmaLookupRule(),
  };
  return Idioms;
}

const CallSiteRule *findIdiomRule(llvm::StringRef Name) {
  for (const CallSiteRule *R : idiomRules())
    if (R->info().Name == Name)
      return R;
  return nullptr;
}

namespace {
/// The GUP spec's parts of the parameter-removed rule, under the names the
/// spec gives them (drop-null-vmas, ...).
struct GupGenericRules {
  std::unique_ptr<CallSiteRule> Dropped = makeArgumentDroppedRule(gupVmasMigration());
  std::unique_ptr<CallSiteRule> Kept = makeArgumentKeptRule(gupVmasMigration());
  std::unique_ptr<DeclRule> Prototype = makePrototypeRule(gupVmasMigration());
  std::unique_ptr<RefRule> AddressTaken = makeAddressTakenRule(gupVmasMigration());
};
const GupGenericRules &gupGenericRules() {
  static const GupGenericRules Rules;
  return Rules;
}
} // namespace

llvm::ArrayRef<const CallSiteRule *> callSiteRules() {
  // The spec's idiom rules in its order (the most specific first; vma-after-
  // unlock reports and never claims a site), then the generic drop, then
  // the diagnose-only fallback.
  static const std::vector<const CallSiteRule *> Table = [] {
    std::vector<const CallSiteRule *> Rules;
    for (const std::string &Name : gupVmasMigration().IdiomRules)
      Rules.push_back(findIdiomRule(Name)); // the loader checked the names
    Rules.push_back(gupGenericRules().Dropped.get());
    Rules.push_back(gupGenericRules().Kept.get());
    return Rules;
  }();
  return Table;
}

llvm::ArrayRef<const DeclRule *> declRules() {
  static const DeclRule *const Table[] = {gupGenericRules().Prototype.get()};
  return Table;
}

llvm::ArrayRef<const RefRule *> refRules() {
  static const RefRule *const Table[] = {gupGenericRules().AddressTaken.get()};
  return Table;
}

/// The rules of the whole-migration pass (WholeMigration.cpp), which works
/// on a whole TU rather than site by site.
static llvm::ArrayRef<RuleInfo> wholeMigrationRuleInfos() {
  static const RuleInfo Infos[] = {
      removedParameterRule(gupVmasMigration(), RemovedParameterRole::Definition),
      removedParameterRule(gupVmasMigration(), RemovedParameterRole::ForwardedArgument),
      {"add-vma-helper", "gup-whole-migration",
       "add get_user_page_vma_remote() after the prototype of "
       "get_user_pages_remote()"},
      {"skipped-code", "gup-skipped-code",
       "report (and, for prototypes and NULL arguments, fix) the family in "
       "#if branches the build skips"},
  };
  return Infos;
}

std::vector<RuleInfo> allRuleInfos() {
  std::vector<RuleInfo> Infos;
  for (const CallSiteRule *R : callSiteRules())
    Infos.push_back(R->info());
  for (const DeclRule *R : declRules())
    Infos.push_back(R->info());
  for (const RefRule *R : refRules())
    Infos.push_back(R->info());
  for (const RuleInfo &I : wholeMigrationRuleInfos())
    Infos.push_back(I);
  // The rules of the spec kinds (specKindRuleInfos()) act only with
  // --migration; front ends list them with that option. findRuleInfo()
  // knows them, so --disable-rule accepts their names.
  return Infos;
}

std::vector<RuleInfo> specKindRuleInfos() {
  std::vector<RuleInfo> Infos;
  for (const RuleInfo *I : specRuleInfos())
    Infos.push_back(*I);
  return Infos;
}

const RuleInfo *findRuleInfo(llvm::StringRef Name) {
  for (const CallSiteRule *R : callSiteRules())
    if (R->info().Name == Name)
      return &R->info();
  for (const DeclRule *R : declRules())
    if (R->info().Name == Name)
      return &R->info();
  for (const RefRule *R : refRules())
    if (R->info().Name == Name)
      return &R->info();
  for (const RuleInfo &I : wholeMigrationRuleInfos())
    if (I.Name == Name)
      return &I;
  for (const RuleInfo *I : specRuleInfos())
    if (I->Name == Name)
      return I;
  return nullptr;
}

std::optional<RuleInfo> findRuleInfo(llvm::StringRef Name,
                                     llvm::ArrayRef<const MigrationSpec *> Selected) {
  if (const RuleInfo *Info = findRuleInfo(Name))
    return *Info;
  for (const MigrationSpec *Spec : Selected)
    for (const RuleRole &Role : Spec->Roles)
      if (Role.Name == Name)
        return RuleInfo{Role.Name, Role.Check, Role.Summary};
  return std::nullopt;
}

} // namespace gup
