/* Renamed and removed APIs used at file scope, outside any function body. */
#include <asm/pgtable.h>
#include <linux/fs.h>
#include <linux/module.h>

static int drv_hits;

/* The test the walker calls for a pmd. */
int (*drv_pmd_test)(pmd_t pmd) = pmd_large;

static int (*const drv_pud_tests[])(pud_t) = {
	pud_large,
	pud_large,
};

const struct file_operations drv_ctl_fops = { .owner = THIS_MODULE, .llseek = no_llseek };

int drv_tables_use(pmd_t *pmd, pud_t *pud)
{
	drv_hits++;
	return drv_pmd_test(*pmd) + drv_pud_tests[0](*pud) + drv_hits;
}

int drv_tables_first(pmd_t *pmd, __typeof__(pmd_large) *test)
{
	return test(*pmd);
}
