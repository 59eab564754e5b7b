// gup_test PIN_BASIC_TEST / PIN_FAST_BENCHMARK: FOLL_PIN accounting. Small
// folios gain GUP_PIN_COUNTING_BIAS per pin, large folios 1 on the refcount
// and 1 on _pincount, the zero page nothing; folio_maybe_dma_pinned() holds
// while pinned and every count returns to the baseline after unpinning.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static void check_pinned(struct page **pages, long n)
{
	long i;

	for (i = 0; i < n; i++)
		gup_model_printf("%s maybe_dma_pinned=%d",
				 gup_model_page_name(pages[i]),
				 folio_maybe_dma_pinned(page_folio(pages[i])));
}

int main(void)
{
	struct page *pages[8];
	unsigned long small, thp, fresh;
	long ret;

	gup_model_begin();
	small = gup_model_add_vma("small", 2, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	thp = gup_model_add_vma("thp", 4, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE | GUP_MODEL_THP);
	fresh = gup_model_add_vma("fresh", 2, RW, GUP_MODEL_ANON, 0);

	mmap_read_lock(current->mm);
	ret = T_PUP(small, 2, FOLL_WRITE, pages, NULL);
	gup_model_printf("pin small = %ld", ret);
	t_pages("small", pages, ret);
	check_pinned(pages, ret);
	mmap_read_unlock(current->mm);
	unpin_user_pages(pages, ret);
	t_pages("unpinned", pages, ret);
	check_pinned(pages, ret);

	/* two pins of the same large folio */
	mmap_read_lock(current->mm);
	ret = T_PUP(thp + PAGE_SIZE, 2, 0, pages, NULL);
	gup_model_printf("pin thp = %ld", ret);
	t_pages("thp", pages, ret);
	check_pinned(pages, ret);
	mmap_read_unlock(current->mm);
	gup_model_print_pages("thp pinned");
	unpin_user_page(pages[0]);
	t_pages("one unpinned", pages, 1);
	unpin_user_page(pages[1]);
	check_pinned(pages, 1);

	/* read pin of never-touched anon memory: the zero page, never counted */
	ret = pin_user_pages_fast(fresh, 2, 0, pages);
	gup_model_printf("pin fresh = %ld", ret);
	t_pages("fresh", pages, ret);
	unpin_user_pages_dirty_lock(pages, ret, true);
	t_pages("fresh unpinned", pages, ret);

	/* a write pin faults real pages in */
	ret = pin_user_pages_fast(fresh, 2, FOLL_WRITE, pages);
	gup_model_printf("write pin fresh = %ld", ret);
	t_pages("fresh", pages, ret);
	gup_model_printf("MMF_HAS_PINNED=%d", !!(current->mm->flags & (1UL << MMF_HAS_PINNED)));
	unpin_user_pages_dirty_lock(pages, ret, true);
	return gup_model_finish();
}

// CHECK:      pin small = 2
// CHECK-NEXT: small[0] = small+0 ref=1025 pins=1
// CHECK-NEXT: small[1] = small+1 ref=1025 pins=1
// CHECK-NEXT: small+0 maybe_dma_pinned=1
// CHECK-NEXT: small+1 maybe_dma_pinned=1
// CHECK-NEXT: unpinned[0] = small+0 ref=1 pins=0
// CHECK-NEXT: unpinned[1] = small+1 ref=1 pins=0
// CHECK-NEXT: small+0 maybe_dma_pinned=0
// CHECK-NEXT: small+1 maybe_dma_pinned=0
// CHECK-NEXT: pin thp = 2
// CHECK-NEXT: thp[0] = thp+1 ref=3 pins=2
// CHECK-NEXT: thp[1] = thp+2 ref=3 pins=2
// CHECK-NEXT: thp+1 maybe_dma_pinned=1
// CHECK-NEXT: thp+2 maybe_dma_pinned=1
// CHECK-NEXT: thp pinned:
// CHECK-NEXT: page small+0 ref=1 pins=0
// CHECK-NEXT: page small+1 ref=1 pins=0
// CHECK-NEXT: page thp+0 (folio thp+0/4) ref=3 pins=2 pincount>0
// CHECK-NEXT: page thp+1 (folio thp+0/4) ref=3 pins=2 pincount>0
// CHECK-NEXT: page thp+2 (folio thp+0/4) ref=3 pins=2 pincount>0
// CHECK-NEXT: one unpinned[0] = thp+1 ref=2 pins=1
// CHECK-NEXT: thp+1 maybe_dma_pinned=0
// CHECK-NEXT: pin fresh = 2
// CHECK-NEXT: fresh[0] = zero ref=1 pins=0
// CHECK-NEXT: fresh[1] = zero ref=1 pins=0
// CHECK-NEXT: fresh unpinned[0] = zero ref=1 pins=0
// CHECK-NEXT: fresh unpinned[1] = zero ref=1 pins=0
// CHECK-NEXT: write pin fresh = 2
// CHECK-NEXT: fresh[0] = fresh+0 ref=1025 pins=1
// CHECK-NEXT: fresh[1] = fresh+1 ref=1025 pins=1
// CHECK-NEXT: MMF_HAS_PINNED=1
// CHECK:      == gup-model summary ==
// CHECK:      page zero ref=1 pins=0
// CHECK:      page fresh+0 ref=1 pins=0 dirty
// CHECK-NEXT: page fresh+1 ref=1 pins=0 dirty
// CHECK-NEXT: foll-pin: acquired=6 released=6
// CHECK:      result: OK
