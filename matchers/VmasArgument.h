//===- VmasArgument.h - What a vmas argument is, and who decides it -------===//
//
// A call of a function that still has a `struct vm_area_struct **`
// parameter is decided by exactly one of two passes: the call-site rule
// table (Migration.cpp: a public function of the family, one call at a
// time) or the whole-TU pass (WholeMigration.cpp: the definitions, the
// internal functions, and wrappers that pass their own vmas parameter on).
// Both ask this one classifier, so they never disagree about a site and no
// site falls between them: each kind has one owner, and each owner reports
// what it cannot edit.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_VMASARGUMENT_H
#define GUP_MATCHERS_VMASARGUMENT_H

#include "clang/AST/Type.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class ParmVarDecl;
class VarDecl;
} // namespace clang

namespace gup {

struct SpecEntry;

enum class VmasArgumentKind {
  /// NULL, 0, (void *)0, or a cast of these.
  NullPointer,
  /// Derived from a vmas parameter P of the calling function and from
  /// nothing else, with no side effects: P, P + i, i + P, P - i, &P[i],
  /// c ? P + i : NULL (either arm NULL), P ?: NULL, casts and parentheses of
  /// these. Dropping it loses nothing once P goes.
  OwnParameter,
  /// Mentions a vmas parameter of the calling function, but dropping the
  /// argument would change the program or leave another array unfilled
  /// (`vmas + (*i)++`, `c ? vmas : other`, `vmas++`). Never edited.
  OwnParameterUnsafe,
  /// `&v` of a local `struct vm_area_struct *v`.
  LocalVma,
  /// A local `struct vm_area_struct **` variable (not a parameter).
  LocalArray,
  /// Anything else: a global, a struct member, an element of an array of
  /// VMA pointers, a call's result, ...
  Other,
};

struct VmasArgument {
  VmasArgumentKind Kind = VmasArgumentKind::Other;
  /// OwnParameter, OwnParameterUnsafe: the parameter.
  const clang::ParmVarDecl *Param = nullptr;
  /// LocalVma, LocalArray: the local variable.
  const clang::VarDecl *Local = nullptr;
  /// OwnParameterUnsafe: why the argument cannot simply be dropped, for a
  /// message ("it has side effects: '(*i)++' would no longer run").
  std::string Why;

  bool isOwnParameter() const {
    return Kind == VmasArgumentKind::OwnParameter ||
           Kind == VmasArgumentKind::OwnParameterUnsafe;
  }
};

/// Classifies \p Arg, the vmas argument of a call.
VmasArgument classifyVmasArgument(const clang::Expr &Arg, clang::ASTContext &Ctx);

/// The type of the parameter a migration removes (GUP: isVmasArrayType).
using RemovedType = llvm::function_ref<bool(clang::QualType)>;

/// The same for the argument of another removed parameter (a spec's
/// parameter-removed entry for a function the tree defines): "own
/// parameter" and "local array" mean one of type \p IsRemovedType.
VmasArgument classifyRemovedArgument(const clang::Expr &Arg, clang::ASTContext &Ctx,
                                     RemovedType IsRemovedType);

/// True when \p T is the type a spec spells \p Spelled ("struct s **", as
/// written or through typedefs; blanks and the parameter's own qualifiers
/// do not count). False for an empty \p Spelled.
bool isSpelledType(clang::QualType T, llvm::StringRef Spelled);

/// True when \p FD still has the parameter \p E (parameter-removed) removes:
/// its name, the old arity, and the spec's parameter type at the index.
/// The whole-TU pass seeds from it and the spec's call rule asks it, so
/// they agree on which calls the pass follows.
bool removesSpecParameter(const clang::FunctionDecl &FD, const SpecEntry &E);

enum class VmasArgumentOwner {
  /// The call-site rule table (drop-null-vmas, vmas-array, dead-vma, ...,
  /// unrecognised-vmas last).
  CallSiteRules,
  /// The whole-TU pass (drop-vmas-argument): the argument follows the
  /// caller's own parameter, or the callee is not a public function.
  WholeMigration,
};

/// Who decides a vmas argument of kind \p Kind passed to a public function
/// of the family (\p PublicCallee) or to another function that has one (an
/// internal function, a static helper).
VmasArgumentOwner ownerOf(VmasArgumentKind Kind, bool PublicCallee);

} // namespace gup

#endif
