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

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void hca_pin(const char *what, unsigned long start, size_t n)
{
	struct page *p[8];
	int ret = hca_get_user_pages(start, n, p);
	size_t i;

	gup_model_printf("%s = %d", what, ret);
	if (ret)
		return;
	for (i = 0; i < n; i++)
		gup_model_printf("  %s pins=%d", gup_model_page_name(p[i]),
				 gup_model_page_pins(p[i]));
	hca_release_user_pages(p, n, 1);
}

int main(void)
{
	unsigned long buf, ro, shro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON,
				GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	shro = gup_model_add_vma("shro", 1, VM_READ | VM_SHARED, GUP_MODEL_FILE, 0);

	hca_pin("4 pages", buf, 4);
	hca_pin("forced write to read-only private (COW)", ro, 1);
	hca_pin("past the end: 2 pinned, then a hole", buf + 2 * PAGE_SIZE, 4);
	gup_model_inject_error(buf + 2 * PAGE_SIZE, ENOMEM, 2);
	hca_pin("ENOMEM at page 2: 2 pinned, then the error", buf, 4);
	hca_pin("forced write to read-only shared", shro, 1);
	hca_pin("hole", buf - PAGE_SIZE, 1);
	gup_model_set_fatal_signal(true);
	hca_pin("fatal signal", buf, 1);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: qib-user-pages.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 4 pages = 0
// MODEL-NEXT:   buf+0 pins=1
// MODEL-NEXT:   buf+1 pins=1
// MODEL-NEXT:   buf+2 pins=1
// MODEL-NEXT:   buf+3 pins=1
// MODEL-NEXT: forced write to read-only private (COW) = 0
// MODEL-NEXT:   ro+0 pins=1
// MODEL-NEXT: past the end: 2 pinned, then a hole = -14
// MODEL-NEXT: ENOMEM at page 2: 2 pinned, then the error = -12
// MODEL-NEXT: forced write to read-only shared = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: == gup-model summary ==
