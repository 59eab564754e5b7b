#include <linux/mm.h>

long pin_one(unsigned long addr, struct page **page)
{
	return get_user_pages(addr, 1, 0, page, NULL);
}
