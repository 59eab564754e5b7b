#include <linux/mm.h>

long pin_range(unsigned long start, unsigned long npages, struct page **pages,
	       int write)
{
	long pinned = 0;

	while (pinned < npages) {
		long ret = pin_user_pages(start + pinned * 4096, npages - pinned,
					  (write ? FOLL_WRITE : 0) | FOLL_LONGTERM,
					  pages + pinned, NULL);
		if (ret <= 0)
			return pinned ? pinned : ret;
		pinned += ret;
	}
	return pinned;
}

long pin_remote(struct mm_struct *mm, unsigned long start, struct page **pages)
{
	return pin_user_pages_remote(mm, start, 1, FOLL_WRITE, pages,
				     NULL,
				     NULL);
}
