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

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static struct page *process_pages[XFER_MAX_PAGES];

static void xfer(const char *what, struct mm_struct *mm, unsigned long addr,
		 unsigned long len, size_t count, int vm_write)
{
	struct xfer_cursor cur = { .count = count };
	ssize_t rc = xfer_single_vec(addr, len, &cur, process_pages, mm, vm_write);

	gup_model_printf("%s = %zd, %zu bytes left in the iov", what, rc, cur.count);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, big, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	big = gup_model_add_vma("big", 70, rw, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	xfer("read 3 pages at +100", mm, buf + 100, 2 * PAGE_SIZE + 50, 1 << 20, 0);
	xfer("write, two chunks of 64 and 6", mm, big, 70 * PAGE_SIZE, 1 << 20, 1);
	gup_model_inject_retry(buf + 2 * PAGE_SIZE, 1);
	xfer("retry drops the lock", mm, buf, 4 * PAGE_SIZE, 1 << 20, 0);
	xfer("iov shorter than the range", mm, buf, 4 * PAGE_SIZE, 100, 0);
	xfer("past the end: partial, then a hole", mm, buf + 2 * PAGE_SIZE,
	     4 * PAGE_SIZE, 1 << 20, 0);
	gup_model_inject_error(buf, ENOMEM, 1);
	xfer("ENOMEM on the first page", mm, buf, PAGE_SIZE, 1 << 20, 0);
	xfer("write to read-only", mm, ro, 8, 1 << 20, 1);
	xfer("hole", mm, buf - PAGE_SIZE, 8, 1 << 20, 0);
	xfer("zero length", mm, buf, 0, 1 << 20, 0);
	gup_model_printf("lock drops = %d", gup_model_lock_drops());
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: process-vm-rw.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: read 3 pages at +100 = 0, 1040334 bytes left in the iov
// MODEL-NEXT: write, two chunks of 64 and 6 = 0, 761856 bytes left in the iov
// MODEL-NEXT: retry drops the lock = 0, 1032192 bytes left in the iov
// MODEL-NEXT: iov shorter than the range = 0, 0 bytes left in the iov
// MODEL-NEXT: past the end: partial, then a hole = -14, 1040384 bytes left in the iov
// MODEL-NEXT: ENOMEM on the first page = -14, 1048576 bytes left in the iov
// MODEL-NEXT: write to read-only = -14, 1048576 bytes left in the iov
// MODEL-NEXT: hole = -14, 1048576 bytes left in the iov
// MODEL-NEXT: zero length = 0, 1048576 bytes left in the iov
// MODEL-NEXT: lock drops = 1
// MODEL-NEXT: == gup-model summary ==
