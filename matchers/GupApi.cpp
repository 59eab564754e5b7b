//===- GupApi.cpp - The GUP family as data --------------------------------===//
#include "GupApi.h"
#include "MigrationSpec.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"

#include <vector>

using namespace clang;

namespace gup {

// The family is the gup-vmas spec (migrations/gup-vmas.json): each entry
// that removes a parameter is a function that lost `vmas`; the spec's
// unaffected list names the ones that never had it. Built once, in the
// spec's order (public functions first), so the rules see the same table
// as when it was written here.
static const std::vector<GupFunction> &family() {
  static const std::vector<GupFunction> Family = [] {
    std::vector<GupFunction> Result;
    for (const SpecEntry &E : gupVmasMigration().Entries)
      if (E.Kind == SpecEntryKind::ParameterRemoved)
        Result.push_back({E.Name, E.Index, E.Arity, E.Public, E.ReturnType,
                          E.Parameters, &E});
    return Result;
  }();
  return Family;
}

llvm::ArrayRef<GupFunction> gupFamily() { return family(); }

bool neverHadVmas(llvm::StringRef Name) {
  return llvm::is_contained(gupVmasMigration().Unaffected, Name);
}

const GupFunction *findGupFunction(llvm::StringRef Name) {
  for (const GupFunction &F : family())
    if (F.Name == Name)
      return &F;
  return nullptr;
}

bool isVmasArrayType(QualType Type) {
  Type = Type.getCanonicalType();
  const auto *Outer = Type->getAs<PointerType>();
  if (!Outer)
    return false;
  const auto *Inner = Outer->getPointeeType()->getAs<PointerType>();
  if (!Inner)
    return false;
  const auto *Record = Inner->getPointeeType()->getAsRecordDecl();
  return Record && Record->isStruct() && Record->getName() == "vm_area_struct";
}

const GupFunction *gupFunctionWithVmas(const FunctionDecl &FD) {
  const IdentifierInfo *Id = FD.getIdentifier();
  if (!Id)
    return nullptr;
  const GupFunction *F = findGupFunction(Id->getName());
  if (!F || FD.getNumParams() <= F->VmasIndex)
    return nullptr;
  if (!isVmasArrayType(FD.getParamDecl(F->VmasIndex)->getType()))
    return nullptr;
  return F;
}

} // namespace gup
