/* Calls whose argument lists are split over lines, and one that is not. */
#include <linux/mm.h>

long reflow_three_lines(struct mm_struct *mm, unsigned long addr,
			struct page **pages)
{
	return get_user_pages_remote(mm, addr, 1,
				     FOLL_WRITE,
				     pages, NULL, NULL);
}

int untouched_lines(unsigned long addr, struct page **page)
{
	int   unrelated=1;

	if (get_user_pages(addr, 1, 0, page, NULL) != 1)
		return   -unrelated;
	return 0;
}
