#include <linux/mm.h>

long one_site(unsigned long addr, struct page **page)
{
	return get_user_pages(addr, 1, 0, page, NULL);
}
