//===- Rules.h - The GUP migration's idiom rules, by name -----------------===//
//
// One function per rule; the gup-vmas spec attaches them by name
// ("idiomRules"), in the order they are tried, before the generic rule of
// its parameter-removed entries (rules/spec/ParameterRemoved.cpp). Each
// rule has a section of the same name in docs/rules.md and a folder of the
// same name under test/.
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

} // namespace gup

#endif
