/*
 * Stub <asm/pgtable.h> for the migration tests: pmd_large()/pud_large()
 * until 6.9 (with pmd_leaf/pud_leaf defined as them), pmd_leaf()/pud_leaf()
 * alone from 6.9.
 */
#ifndef _SPEC_STUB_ASM_PGTABLE_H
#define _SPEC_STUB_ASM_PGTABLE_H

#include <linux/version.h>

typedef struct { unsigned long val; } pmd_t;
typedef struct { unsigned long val; } pud_t;

#define STUB_PAGE_HUGE 0x80UL

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 9, 0)
static inline int pmd_large(pmd_t pmd)
{
	return (pmd.val & STUB_PAGE_HUGE) != 0;
}
static inline int pud_large(pud_t pud)
{
	return (pud.val & STUB_PAGE_HUGE) != 0;
}
#define pmd_leaf pmd_large
#define pud_leaf pud_large
#else
static inline int pmd_leaf(pmd_t pmd)
{
	return (pmd.val & STUB_PAGE_HUGE) != 0;
}
static inline int pud_leaf(pud_t pud)
{
	return (pud.val & STUB_PAGE_HUGE) != 0;
}
#endif

#endif
