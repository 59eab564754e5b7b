/* A caller inside the tree that defines pmd_large(). */
#include "../include/walk_pgtable.h"

int walk_is_huge(pmd_t *pmd)
{
	return pmd_large(*pmd);
}
