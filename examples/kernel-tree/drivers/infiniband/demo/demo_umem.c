// SPDX-License-Identifier: MIT
/* An RDMA driver registering long-term pinned memory of another process. */
#include <linux/mm.h>

#define DEMO_PIN_FLAGS (FOLL_WRITE | FOLL_LONGTERM)
#define demo_pin_chunk(mm, addr, n, pages) \
	pin_user_pages_remote(mm, addr, n, DEMO_PIN_FLAGS, pages, NULL, NULL)

long demo_umem_get(struct mm_struct *mm, unsigned long addr,
		   unsigned long npages, struct page **pages)
{
	long got;

	mmap_read_lock(mm);
	got = demo_pin_chunk(mm, addr, npages, pages);
	mmap_read_unlock(mm);
	return got;
}
