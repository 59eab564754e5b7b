#include <linux/mm.h>

long touch_remote(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	return get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL);
}
