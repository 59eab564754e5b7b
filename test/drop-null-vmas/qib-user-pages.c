// qib: mirrors qib_get_user_pages() (drivers/infiniband/hw/qib/
// qib_user_pages.c). pin_user_pages() as the body of a
// `for (got = 0; got < num_pages; got += ret)` loop, one argument per line:
// `start_page + got * PAGE_SIZE`, `num_pages - got`, three or'ed FOLL flags,
// and `p + got, NULL);` last.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>
#include <linux/sched.h>

static void hca_release_user_pages(struct page **p, size_t num_pages,
				   int dirty)
{
	unpin_user_pages_dirty_lock(p, num_pages, dirty);
}

int hca_get_user_pages(unsigned long start_page, size_t num_pages,
		       struct page **p)
{
	size_t got;
	int ret;

	mmap_read_lock(current->mm);
	for (got = 0; got < num_pages; got += ret) {
		ret = pin_user_pages(start_page + got * PAGE_SIZE,
				     num_pages - got,
				     FOLL_LONGTERM | FOLL_WRITE | FOLL_FORCE,
				     p + got, NULL);
		// CHECK-FIXES: {{^}}		ret = pin_user_pages(start_page + got * PAGE_SIZE,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     num_pages - got,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     FOLL_LONGTERM | FOLL_WRITE | FOLL_FORCE,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     p + got);{{$}}
		if (ret < 0) {
			mmap_read_unlock(current->mm);
			goto bail_release;
		}
	}
	mmap_read_unlock(current->mm);

	return 0;
bail_release:
	hca_release_user_pages(p, got, 0);
	return ret;
}
