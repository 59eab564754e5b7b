// SPDX-License-Identifier: MIT
/* A GPU driver pinning a user buffer page by page range. */
#include <linux/mm.h>

struct demo_userptr {
	unsigned long start;
	unsigned long npages;
	struct page **pages;
	bool writable;
};

int demo_userptr_pin(struct demo_userptr *up)
{
	unsigned long pinned = 0;

	while (pinned < up->npages) {
		unsigned long todo = up->npages - pinned;
		long ret;

		ret = pin_user_pages(up->start + pinned * PAGE_SIZE,
				     min_t(unsigned long, todo, 512),
				     up->writable ? FOLL_WRITE : 0,
				     up->pages + pinned, NULL);
		if (ret <= 0) {
			unpin_user_pages(up->pages, pinned);
			return ret ? ret : -14;
		}
		pinned += ret;
	}
	return 0;
}

int demo_userptr_probe(unsigned long addr, struct page **page)
{
	/* The fast path never had a vmas parameter and is left alone. */
	if (get_user_pages_fast(addr, 1, 0, page) == 1)
		return 0;
	return get_user_pages(addr, 1, 0, page, NULL) == 1 ? 0 : -14;
}
