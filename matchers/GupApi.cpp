//===- GupApi.cpp - The GUP family as data --------------------------------===//
#include "GupApi.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace gup {

// Name, 0-based index of `vmas`, parameter count, public: from the v6.4
// prototypes (see ../shared/gup-api.md, summarised in docs/design.md).
static const GupFunction Family[] = {
    {"get_user_pages", 4, 5, true, "long",
     "unsigned long start, unsigned long nr_pages, unsigned int gup_flags, "
     "struct page **pages, struct vm_area_struct **vmas"},
    {"pin_user_pages", 4, 5, true, "long",
     "unsigned long start, unsigned long nr_pages, unsigned int gup_flags, "
     "struct page **pages, struct vm_area_struct **vmas"},
    {"get_user_pages_remote", 5, 7, true, "long",
     "struct mm_struct *mm, unsigned long start, unsigned long nr_pages, "
     "unsigned int gup_flags, struct page **pages, "
     "struct vm_area_struct **vmas, int *locked"},
    {"pin_user_pages_remote", 5, 7, true, "long",
     "struct mm_struct *mm, unsigned long start, unsigned long nr_pages, "
     "unsigned int gup_flags, struct page **pages, "
     "struct vm_area_struct **vmas, int *locked"},
    {"__get_user_pages", 5, 7, false},
    {"__get_user_pages_locked", 4, 7, false},
    {"__gup_longterm_locked", 4, 7, false},
    {"is_valid_gup_args", 1, 5, false},
    {"follow_hugetlb_page", 3, 9, false},
};

llvm::ArrayRef<GupFunction> gupFamily() { return Family; }

bool neverHadVmas(llvm::StringRef Name) {
  static const llvm::StringRef Names[] = {
      "get_user_pages_fast",     "pin_user_pages_fast",
      "get_user_pages_fast_only", "get_user_pages_unlocked",
      "pin_user_pages_unlocked"};
  return llvm::is_contained(Names, Name);
}

const GupFunction *findGupFunction(llvm::StringRef Name) {
  for (const GupFunction &F : Family)
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
