#include <linux/mm.h>

/* Built by the s390 configuration only. */
long s390_map_page(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	return get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page, NULL, NULL);
}
