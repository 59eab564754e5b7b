/* A page-table walker of a module: huge entries end the walk early. */
#include <asm/pgtable.h>

#define DRV_PUD_IS_HUGE(pud) pud_large(pud)

int (*drv_leaf_test)(pmd_t pmd);

int drv_walk_level(pmd_t *pmd, pud_t *pud)
{
	if (DRV_PUD_IS_HUGE(*pud))
		return 2;
	if (pmd_large(*pmd))
		return 1;
	drv_leaf_test = pmd_large;
	return 0;
}
