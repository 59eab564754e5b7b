/* File-scope uses a version test cannot enclose: named, left as they are. */
#include <asm/pgtable.h>

static int drv_spare; int (*drv_shared_test)(pmd_t) = pmd_large;

int drv_tables_second(pud_t *pud, __typeof__(pud_large) *test) {
	return drv_spare + test(*pud);
}
