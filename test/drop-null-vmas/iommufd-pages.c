// iommufd: mirrors pfn_reader_user_pin() and iopt_pages_rw_page()
// (drivers/iommu/iommufd/pages.c, v6.1 has neither).
// 1. pin_user_pages_remote() into a reader's page array with the reader's own
//    `locked` int: `user->upages, NULL,` ends the middle line and
//    `&user->locked);` is the last one; only the NULL leaves the middle line.
// 2. pin_user_pages_remote() of one page laid out the clang-format way (break
//    after the open parenthesis, one-tab continuation), with a `(uintptr_t)`
//    cast of pointer arithmetic, `(flags & ...) ? FOLL_WRITE : 0` and `&page`;
//    `NULL, NULL);` alone on the last line keeps one NULL.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sched.h>

#define PAGES_ACCESS_WRITE	(1 << 0)

struct user_pages {
	struct mm_struct *source_mm;
	void __user *uptr;
	unsigned long npinned;
};

struct page_reader {
	struct page **upages;
	unsigned long upages_start;
	unsigned long upages_end;
	unsigned int gup_flags;
	int locked;
};

int page_reader_pin(struct page_reader *user, struct user_pages *pages,
		    unsigned long start_index, unsigned long npages)
{
	uintptr_t uptr;
	long rc;

	uptr = (uintptr_t)(pages->uptr + start_index * PAGE_SIZE);
	if (!user->locked) {
		mmap_read_lock(pages->source_mm);
		user->locked = 1;
	}
	rc = pin_user_pages_remote(pages->source_mm, uptr, npages,
				   user->gup_flags, user->upages, NULL,
				   &user->locked);
	// CHECK-FIXES: {{^}}	rc = pin_user_pages_remote(pages->source_mm, uptr, npages,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				   user->gup_flags, user->upages,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				   &user->locked);{{$}}
	if (rc <= 0) {
		if (WARN_ON(!rc))
			return -EFAULT;
		return rc;
	}
	pages->npinned += rc;
	user->upages_start = start_index;
	user->upages_end = start_index + rc;
	return 0;
}

void page_reader_done(struct page_reader *user, struct user_pages *pages)
{
	if (user->locked) {
		mmap_read_unlock(pages->source_mm);
		user->locked = 0;
	}
}

static void copy_data_page(struct page *page, void *data, unsigned long offset,
			   size_t length, unsigned int flags)
{
	char *mem = kmap_local_page(page);
	size_t i;

	for (i = 0; i < length; i++) {
		if (flags & PAGES_ACCESS_WRITE)
			mem[offset + i] = ((char *)data)[i];
		else
			((char *)data)[i] = mem[offset + i];
	}
	kunmap_local(mem);
}

int user_pages_rw_page(struct user_pages *pages, unsigned long index,
		       unsigned long offset, void *data,
		       unsigned long length, unsigned int flags)
{
	struct page *page = NULL;
	int rc;

	if (!mmget_not_zero(pages->source_mm))
		return -EFAULT;

	mmap_read_lock(pages->source_mm);
	rc = pin_user_pages_remote(
		pages->source_mm, (uintptr_t)(pages->uptr + index * PAGE_SIZE),
		1, (flags & PAGES_ACCESS_WRITE) ? FOLL_WRITE : 0, &page,
		NULL, NULL);
	// CHECK-FIXES: {{^}}	rc = pin_user_pages_remote({{$}}
	// CHECK-FIXES-NEXT: {{^}}		pages->source_mm, (uintptr_t)(pages->uptr + index * PAGE_SIZE),{{$}}
	// CHECK-FIXES-NEXT: {{^}}		1, (flags & PAGES_ACCESS_WRITE) ? FOLL_WRITE : 0, &page,{{$}}
	// CHECK-FIXES-NEXT: {{^}}		NULL);{{$}}
	mmap_read_unlock(pages->source_mm);
	if (rc != 1) {
		if (WARN_ON(rc >= 0))
			rc = -EINVAL;
		goto out_mmput;
	}
	copy_data_page(page, data, offset, length, flags);
	unpin_user_page(page);
	rc = length;

out_mmput:
	mmput(pages->source_mm);
	return rc;
}
