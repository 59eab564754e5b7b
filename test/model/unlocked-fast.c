// *_unlocked take and release mmap_lock themselves; GUP-fast takes present,
// writable-enough pages without the lock and falls back to the locked slow
// path for the rest; get_user_pages_fast_only never falls back. Verbose mode
// traces each entry point.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static void put_all(struct page **pages, long n)
{
	while (n > 0)
		put_page(pages[--n]);
}

int main(void)
{
	struct page *pages[8];
	unsigned long buf, fresh;
	long ret;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 2, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	fresh = gup_model_add_vma("fresh", 2, RW, GUP_MODEL_ANON, 0);
	gup_model_set_verbose(true);

	ret = get_user_pages_unlocked(buf, 2, pages, FOLL_WRITE);
	gup_model_print_lock("after unlocked");
	t_pages("unlocked", pages, ret);
	put_all(pages, ret);

	/* present pages: no lock needed, so holding it is harmless */
	mmap_read_lock(current->mm);
	ret = get_user_pages_fast(buf, 2, FOLL_WRITE, pages);
	mmap_read_unlock(current->mm);
	put_all(pages, ret);

	/* fast-only stops at the first page that needs a fault */
	ret = get_user_pages_fast_only(buf, 4, 0, pages);
	put_all(pages, ret);
	ret = get_user_pages_fast_only(fresh, 2, FOLL_WRITE, pages);

	/* the slow path faults the rest in (buf+1 fast, then a hole) */
	ret = get_user_pages_fast(buf + PAGE_SIZE, 3, 0, pages);
	put_all(pages, ret);
	ret = pin_user_pages_fast(fresh, 2, FOLL_WRITE, pages);
	t_pages("fresh", pages, ret);
	unpin_user_pages(pages, ret);
	ret = pin_user_pages_fast(buf - PAGE_SIZE, 1, 0, pages);
	gup_model_set_verbose(false);
	return gup_model_finish();
}

// CHECK:      gup: get_user_pages_unlocked(buf+0, 2, WRITE, pages) = 2
// CHECK-NEXT: after unlocked: lock: unlocked
// CHECK-NEXT: unlocked[0] = buf+0 ref=2 pins=0
// CHECK-NEXT: unlocked[1] = buf+1 ref=2 pins=0
// CHECK-NEXT: gup: get_user_pages_fast(buf+0, 2, WRITE, pages) = 2
// CHECK-NEXT: gup: get_user_pages_fast_only(buf+0, 4, 0, pages) = 2
// CHECK-NEXT: gup: get_user_pages_fast_only(fresh+0, 2, WRITE, pages) = 0
// CHECK-NEXT: gup: get_user_pages_fast(buf+1, 3, 0, pages) = 1
// CHECK-NEXT: gup: pin_user_pages_fast(fresh+0, 2, WRITE, pages) = 2
// CHECK-NEXT: fresh[0] = fresh+0 ref=1025 pins=1
// CHECK-NEXT: fresh[1] = fresh+1 ref=1025 pins=1
// CHECK-NEXT: gup: pin_user_pages_fast(0x{{[0-9a-f]+}}, 1, 0, pages) = -14
// CHECK:      result: OK
