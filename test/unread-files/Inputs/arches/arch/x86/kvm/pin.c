#include <linux/mm.h>

/* Built by the x86 configuration only. */
long x86_pin_one(unsigned long addr, struct page **page)
{
	return pin_user_pages(addr, 1, FOLL_WRITE, page, NULL);
}
