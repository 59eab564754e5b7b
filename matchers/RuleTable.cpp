//===- RuleTable.cpp - The ordered decision tables ------------------------===//
#include "RuleTable.h"

#include "rules/gup/Rules.h"
#include "rules/spec/SpecRules.h"

namespace gup {

llvm::ArrayRef<const CallSiteRule *> callSiteRules() {
  // Most specific idiom first, the generic NULL drop next, the diagnose-only
  // fallback last. vma-after-unlock reports and never claims a site.
  static const CallSiteRule *const Table[] = {
      &vmaAfterUnlockRule(),
      &vmasArrayRule(),
      &deadVmaRule(),
      &singleVmaHelperRule(),
      &singleVmaLookupRule(),
      &dropNullVmasRule(),
      &unrecognisedVmasRule(),
  };
  return Table;
}

llvm::ArrayRef<const DeclRule *> declRules() {
  static const DeclRule *const Table[] = {
      &dropVmasParamRule(),
  };
  return Table;
}

llvm::ArrayRef<const RefRule *> refRules() {
  static const RefRule *const Table[] = {
      &apiAddressTakenRule(),
  };
  return Table;
}

/// The rules of the whole-migration pass (WholeMigration.cpp), which works
/// on a whole TU rather than site by site.
static llvm::ArrayRef<RuleInfo> wholeMigrationRuleInfos() {
  static const RuleInfo Infos[] = {
      {"drop-vmas-definition", "gup-whole-migration",
       "remove the vmas parameter from a definition of the family or a static "
       "helper that only fed it, and the code that served it"},
      {"drop-vmas-argument", "gup-whole-migration",
       "drop the vmas argument of a call of an internal function whose "
       "parameter goes"},
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

} // namespace gup
