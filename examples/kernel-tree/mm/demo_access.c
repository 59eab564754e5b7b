// SPDX-License-Identifier: MIT
/* Touching pages of another mm; the lock may be dropped by GUP. */
#include <linux/mm.h>

void demo_fault_in(struct mm_struct *mm, unsigned long addr)
{
	int locked = 1;

	mmap_read_lock(mm);
	get_user_pages_remote(mm, addr, 1, FOLL_WRITE, NULL, NULL,
			      &locked);
	if (locked)
		mmap_read_unlock(mm);
}

int demo_peek(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, page, NULL, NULL);
	mmap_read_unlock(mm);
	return ret == 1 ? 0 : -14;
}
