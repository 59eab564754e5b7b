#include <linux/mm.h>

long fault_in_remote(struct mm_struct *mm, unsigned long addr)
{
	int locked = 1;

	return get_user_pages_remote(mm, addr, 1, FOLL_WRITE, NULL, NULL,
				     &locked);
}

long read_one(unsigned long addr, struct page **page)
{
	if (get_user_pages(addr, 1, 0, page, NULL) != 1)
		return -1;
	return get_user_pages_fast(addr, 1, 0, page);
}
