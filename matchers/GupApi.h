//===- GupApi.h - The GUP family as data ----------------------------------===//
//
// Every function that lost its `struct vm_area_struct **vmas` parameter in
// Linux v6.5 ("remove the vmas parameter from GUP APIs"), with the position of
// that parameter. The table is read from the gup-vmas migration spec
// (migrations/gup-vmas.json, see MigrationSpec.h): adding a function is one
// entry there. The GUP rules read this view of it.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_GUPAPI_H
#define GUP_MATCHERS_GUPAPI_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class FunctionDecl;
class QualType;
} // namespace clang

namespace gup {

struct SpecEntry;

struct GupFunction {
  llvm::StringRef Name;
  /// 0-based index of the `vmas` parameter before the migration.
  unsigned VmasIndex;
  /// Number of parameters before the migration (code without an AST, such
  /// as skipped #if branches, is recognised by it).
  unsigned Arity;
  /// Exported API (include/linux/mm.h) rather than mm/ internals. Public
  /// functions are migrated one by one at their call sites; internal ones
  /// only together with their definitions (the whole migration).
  bool Public;
  /// Public functions: the return type and the parameter list before the
  /// migration, as declared in include/linux/mm.h up to 6.4 (the generated
  /// compat header's wrappers are written from these).
  llvm::StringRef ReturnType = {};
  llvm::StringRef Parameters = {};
  /// The gup-vmas spec's entry this is a view of (the generic rules of the
  /// parameter-removed kind read it).
  const SpecEntry *Entry = nullptr;
};

/// The whole family, public functions first.
llvm::ArrayRef<GupFunction> gupFamily();

/// True for the GUP functions that never had a vmas parameter
/// (get_user_pages_fast(), the *_unlocked() variants, ...).
bool neverHadVmas(llvm::StringRef Name);

/// The table entry named \p Name, or null.
const GupFunction *findGupFunction(llvm::StringRef Name);

/// True for `struct vm_area_struct **` (through typedefs, ignoring
/// qualifiers): the type of the parameter being removed.
bool isVmasArrayType(clang::QualType Type);

/// The table entry for \p FD when \p FD still has the `vmas` parameter at the
/// table's index; null for other functions and for already-migrated ones.
const GupFunction *gupFunctionWithVmas(const clang::FunctionDecl &FD);

} // namespace gup

#endif
