//===- Rules.h - Every rule of gup-rewrite, by name -----------------------===//
//
// One function per rule; the order in which they are tried lives in
// RuleTable.cpp. Each rule has a section of the same name in docs/rules.md
// and a folder of the same name under test/.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_RULES_RULES_H
#define GUP_MATCHERS_RULES_RULES_H

#include "../../Rule.h"

namespace gup {

const CallSiteRule &vmaAfterUnlockRule();    // vma-after-unlock
const CallSiteRule &vmasArrayRule();         // vmas-array
const CallSiteRule &deadVmaRule();           // dead-vma
const CallSiteRule &singleVmaHelperRule();   // single-vma-helper
const CallSiteRule &singleVmaLookupRule();   // single-vma-lookup
const CallSiteRule &dropNullVmasRule();      // drop-null-vmas
const CallSiteRule &unrecognisedVmasRule();  // unrecognised-vmas
const DeclRule &dropVmasParamRule();         // drop-vmas-param
const RefRule &apiAddressTakenRule();        // api-address-taken

} // namespace gup

#endif
