#include <linux/mm.h>

/* Already written for the 6.5 API: four arguments. */
long mips_get(unsigned long addr, struct page **pages)
{
	return get_user_pages(addr, 1, 0, /* one page */ pages);
}
