// mm/rmap.c: mirrors make_device_exclusive_range(). get_user_pages_remote()
// with FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD on a line of its own and
// `pages, NULL, NULL);` on the last one, result assigned to the page count,
// then a loop over the returned pages that drops the ones it cannot claim.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

static bool dev_claim_page(struct page *page, struct mm_struct *mm,
			   unsigned long addr, void *owner)
{
	return owner && !is_zero_page(page);
}

int dev_make_range_exclusive(struct mm_struct *mm, unsigned long start,
			     unsigned long end, struct page **pages,
			     void *owner)
{
	long npages = (end - start) >> PAGE_SHIFT;
	long i;

	npages = get_user_pages_remote(mm, start, npages,
				       FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD,
				       pages, NULL, NULL);
	// CHECK-FIXES: {{^}}	npages = get_user_pages_remote(mm, start, npages,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				       FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				       pages, NULL);{{$}}
	if (npages < 0)
		return npages;

	for (i = 0; i < npages; i++, start += PAGE_SIZE) {
		if (!dev_claim_page(pages[i], mm, start, owner)) {
			put_page(pages[i]);
			pages[i] = NULL;
		}
	}

	return npages;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void exclusive(const char *what, unsigned long start, unsigned long end,
		      void *owner)
{
	struct page *pages[8];
	struct mm_struct *mm = current->mm;
	int i, n;

	mmap_read_lock(mm);
	n = dev_make_range_exclusive(mm, start, end, pages, owner);
	mmap_read_unlock(mm);
	gup_model_printf("%s = %d", what, n);
	for (i = 0; i < n; i++) {
		gup_model_printf("  [%d] %s", i, gup_model_page_name(pages[i]));
		if (pages[i])
			put_page(pages[i]);
	}
}

int main(void)
{
	static int owner;
	unsigned long buf, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	exclusive("3 pages claimed", buf, buf + 3 * PAGE_SIZE, &owner);
	exclusive("no owner: all dropped", buf, buf + 2 * PAGE_SIZE, NULL);
	exclusive("past the end", buf + 2 * PAGE_SIZE, buf + 6 * PAGE_SIZE, &owner);
	gup_model_inject_error(buf + PAGE_SIZE, EHWPOISON, 1);
	exclusive("poisoned page 1", buf, buf + 3 * PAGE_SIZE, &owner);
	exclusive("empty range", buf, buf, &owner);
	exclusive("read-only", ro, ro + PAGE_SIZE, &owner);
	exclusive("hole", buf - PAGE_SIZE, buf, &owner);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: rmap-device-exclusive.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 3 pages claimed = 3
// MODEL-NEXT:   [0] buf+0
// MODEL-NEXT:   [1] buf+1
// MODEL-NEXT:   [2] buf+2
// MODEL-NEXT: no owner: all dropped = 2
// MODEL-NEXT:   [0] NULL
// MODEL-NEXT:   [1] NULL
// MODEL-NEXT: past the end = 2
// MODEL-NEXT:   [0] buf+2
// MODEL-NEXT:   [1] buf+3
// MODEL-NEXT: poisoned page 1 = 1
// MODEL-NEXT:   [0] buf+0
// MODEL-NEXT: empty range = 0
// MODEL-NEXT: read-only = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: == gup-model summary ==
