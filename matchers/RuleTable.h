//===- RuleTable.h - The ordered decision tables --------------------------===//
#ifndef GUP_MATCHERS_RULETABLE_H
#define GUP_MATCHERS_RULETABLE_H

#include "MigrationSpec.h"
#include "Rule.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <vector>

namespace gup {

/// The idiom rules (C++, matchers/rules/gup/) a spec may attach by name.
llvm::ArrayRef<const CallSiteRule *> idiomRules();
/// The idiom rule named \p Name, or null.
const CallSiteRule *findIdiomRule(llvm::StringRef Name);

/// Call-site rules of the GUP spec in the order they are tried: its idiom
/// rules, then its parts of the generic parameter-removed rule; the first that claims a site
/// decides it.
llvm::ArrayRef<const CallSiteRule *> callSiteRules();

/// Declaration rules in the order they are tried.
llvm::ArrayRef<const DeclRule *> declRules();

/// Rules for uses of the family that are not direct calls.
llvm::ArrayRef<const RefRule *> refRules();

/// Every rule's name, clang-tidy check and summary (for docs, --list-rules
/// and the clang-tidy module).
std::vector<RuleInfo> allRuleInfos();

/// The rules of the spec kinds (matchers/rules/spec/): they act only on the
/// migrations other than gup-vmas, so front ends list them when --migration
/// (clang-tidy: every check name, since checks are registered before the
/// options are read).
std::vector<RuleInfo> specKindRuleInfos();

/// The rule named \p Name, or null.
const RuleInfo *findRuleInfo(llvm::StringRef Name);
/// The same, or the part of the parameter-removed rule that one of
/// \p Selected names \p Name ("rules" of a spec given by its path).
std::optional<RuleInfo> findRuleInfo(llvm::StringRef Name,
                                     llvm::ArrayRef<const MigrationSpec *> Selected);

} // namespace gup

#endif
