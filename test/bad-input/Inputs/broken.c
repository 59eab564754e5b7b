#include <linux/mm.h>

long broken(unsigned long addr, struct page **page)
{
	long got = get_user_pages(addr, 1, 0, page, NULL);

	return got + undeclared_thing;
}
