// mm/process_vm_access.c: mirrors process_vm_rw_single_vec(). In a loop,
// pin_user_pages_remote() with `&locked` (a loop-local int) split over three
// lines, the third starting `NULL, &locked);`: the vmas NULL leaves that line
// and `&locked` keeps it. Then `if (locked) mmap_read_unlock(mm)`.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

#define XFER_MAX_PAGES		64

struct xfer_cursor {
	size_t count;
};

static int xfer_copy_pages(struct page **pages, unsigned long offset,
			   size_t len, struct xfer_cursor *cur, int vm_write)
{
	if (len > cur->count)
		len = cur->count;
	cur->count -= len;
	return 0;
}

ssize_t xfer_single_vec(unsigned long addr, unsigned long len,
			struct xfer_cursor *cur, struct page **process_pages,
			struct mm_struct *mm, int vm_write)
{
	unsigned long pa = addr & PAGE_MASK;
	unsigned long start_offset = addr - pa;
	unsigned long nr_pages;
	ssize_t rc = 0;
	unsigned int flags = 0;

	if (len == 0)
		return 0;
	nr_pages = (addr + len - 1) / PAGE_SIZE - addr / PAGE_SIZE + 1;

	if (vm_write)
		flags |= FOLL_WRITE;

	while (!rc && nr_pages && cur->count) {
		int pinned_pages = min(nr_pages, (unsigned long)XFER_MAX_PAGES);
		int locked = 1;
		size_t bytes;

		mmap_read_lock(mm);
		pinned_pages = pin_user_pages_remote(mm, pa, pinned_pages,
						     flags, process_pages,
						     NULL, &locked);
		// CHECK-FIXES: {{^}}		pinned_pages = pin_user_pages_remote(mm, pa, pinned_pages,{{$}}
		// CHECK-FIXES-NEXT: {{^}}						     flags, process_pages,{{$}}
		// CHECK-FIXES-NEXT: {{^}}						     &locked);{{$}}
		if (locked)
			mmap_read_unlock(mm);
		if (pinned_pages <= 0)
			return -EFAULT;

		bytes = pinned_pages * PAGE_SIZE - start_offset;
		if (bytes > len)
			bytes = len;

		rc = xfer_copy_pages(process_pages, start_offset, bytes, cur,
				     vm_write);
		len -= bytes;
		start_offset = 0;
		nr_pages -= pinned_pages;
		pa += pinned_pages * PAGE_SIZE;

		unpin_user_pages_dirty_lock(process_pages, pinned_pages,
					    vm_write);
	}

	return rc;
}
