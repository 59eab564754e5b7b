//===- RuleTable.cpp - The ordered decision tables ------------------------===//
#include "RuleTable.h"

#include "rules/Rules.h"

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

std::vector<RuleInfo> allRuleInfos() {
  std::vector<RuleInfo> Infos;
  for (const CallSiteRule *R : callSiteRules())
    Infos.push_back(R->info());
  for (const DeclRule *R : declRules())
    Infos.push_back(R->info());
  for (const RefRule *R : refRules())
    Infos.push_back(R->info());
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
  return nullptr;
}

} // namespace gup
