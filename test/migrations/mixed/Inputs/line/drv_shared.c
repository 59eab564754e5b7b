/* GUP's change and other specs' changes on the same statements. */
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>

struct drv_pin {
	char tag[8];
	long got;
};

long drv_pin_huge(struct drv_pin *p, pmd_t *pmd, unsigned long start, struct page **pages)
{
	if (pmd_large(*pmd))
		p->got = get_user_pages(start, 1, FOLL_WRITE, pages, NULL);
	return p->got;
}

long drv_pin_tagged(struct drv_pin *p, pmd_t *pmd, unsigned long start, struct page **pages)
{
	if (pmd_large(*pmd)) {
		strlcpy(p->tag, "huge", sizeof(p->tag));
		p->got = pin_user_pages(start, 1, FOLL_WRITE, pages, NULL) + pmd_large(*pmd);
	}
	return p->got;
}
