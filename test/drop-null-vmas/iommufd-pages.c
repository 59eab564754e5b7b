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

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>
#include <linux/string.h>

static void reader_pin(const char *what, struct user_pages *pages,
		       unsigned long index, unsigned long n, unsigned int flags)
{
	struct page *upages[8];
	struct page_reader user = { .upages = upages, .gup_flags = flags };
	int rc = page_reader_pin(&user, pages, index, n);

	gup_model_printf("%s = %d, pinned [%lu, %lu) locked=%d", what, rc,
			 rc ? 0 : user.upages_start, rc ? 0 : user.upages_end,
			 user.locked);
	page_reader_done(&user, pages);
	if (!rc)
		unpin_user_pages(upages, user.upages_end - user.upages_start);
}

static void rw_page(const char *what, struct user_pages *pages,
		    unsigned long index, unsigned long offset, unsigned int flags)
{
	char data[4];
	int rc;

	memcpy(data, (flags & PAGES_ACCESS_WRITE) ? "wxyz" : "....", 4);
	rc = user_pages_rw_page(pages, index, offset, data, 4, flags);

	gup_model_printf("%s = %d, data %.4s", what, rc, data);
}

int main(void)
{
	struct user_pages pages = { 0 };
	unsigned long buf, ro;

	gup_model_begin();
	pages.source_mm = gup_model_new_mm("src");
	gup_model_use_mm(pages.source_mm);
	buf = gup_model_add_vma("buf", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON,
				GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	gup_model_write_user(buf + PAGE_SIZE + 8, "abcd", 4);
	pages.uptr = (void __user *)buf;

	reader_pin("pin 4", &pages, 0, 4, FOLL_WRITE);
	gup_model_inject_retry(buf + 2 * PAGE_SIZE, 1);
	reader_pin("pin 4, fault retry drops the lock", &pages, 0, 4, 0);
	reader_pin("pin past the end", &pages, 2, 4, 0);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 1);
	reader_pin("ENOMEM on the first page", &pages, 1, 2, 0);
	reader_pin("no pages (WARN)", &pages, 0, 0, 0);
	reader_pin("invalid flags: 0 pinned (WARN)", &pages, 0, 1, FOLL_GET);
	reader_pin("hole", &pages, 4, 1, 0);
	pages.npinned = 0;

	rw_page("read page 1", &pages, 1, 8, 0);
	rw_page("write page 1", &pages, 1, 8, PAGES_ACCESS_WRITE);
	rw_page("read it back", &pages, 1, 8, 0);
	rw_page("hole", &pages, 5, 0, 0);
	pages.uptr = (void __user *)ro;
	rw_page("write read-only", &pages, 0, 0, PAGES_ACCESS_WRITE);
	gup_model_set_fatal_signal(true);
	rw_page("fatal signal", &pages, 0, 0, 0);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: iommufd-pages.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: pin 4 = 0, pinned [0, 4) locked=1
// MODEL-NEXT: pin 4, fault retry drops the lock = 0, pinned [0, 4) locked=0
// MODEL-NEXT: pin past the end = 0, pinned [2, 4) locked=1
// MODEL-NEXT: ENOMEM on the first page = -12, pinned [0, 0) locked=1
// MODEL-NEXT: WARN: WARN_ON(!rc)
// MODEL-NEXT: no pages (WARN) = -14, pinned [0, 0) locked=1
// MODEL-NEXT: WARN: pin_user_pages_remote: invalid GUP arguments: FOLL_GET together with FOLL_PIN
// MODEL-NEXT: WARN: WARN_ON(!rc)
// MODEL-NEXT: invalid flags: 0 pinned (WARN) = -14, pinned [0, 0) locked=1
// MODEL-NEXT: hole = -14, pinned [0, 0) locked=1
// MODEL-NEXT: read page 1 = 4, data abcd
// MODEL-NEXT: write page 1 = 4, data wxyz
// MODEL-NEXT: read it back = 4, data wxyz
// MODEL-NEXT: hole = -14, data ....
// MODEL-NEXT: write read-only = -14, data wxyz
// MODEL-NEXT: fatal signal = -4, data ....
// MODEL-NEXT: == gup-model summary ==
