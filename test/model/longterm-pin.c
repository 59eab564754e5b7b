// gup_test PIN_LONGTERM_BENCHMARK: pin_user_pages(FOLL_LONGTERM) moves pages
// out of ZONE_MOVABLE first, so folio_is_longterm_pinnable() holds for every
// returned page; a short-term pin leaves them where they are.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static void pinnable(const char *what, struct page **pages, long n)
{
	long i;

	for (i = 0; i < n; i++)
		gup_model_printf("%s %s pinned=%d longterm_pinnable=%d", what,
				 gup_model_page_name(pages[i]),
				 folio_maybe_dma_pinned(page_folio(pages[i])),
				 folio_is_longterm_pinnable(page_folio(pages[i])));
}

int main(void)
{
	struct page *pages[4];
	unsigned long buf;
	long ret;

	gup_model_begin();
	buf = gup_model_add_vma("mov", 4, RW, GUP_MODEL_ANON,
				GUP_MODEL_POPULATE | GUP_MODEL_MOVABLE);

	mmap_read_lock(current->mm);
	ret = T_PUP(buf, 2, FOLL_WRITE, pages, NULL);
	gup_model_printf("short-term pin = %ld", ret);
	pinnable("short", pages, ret);
	unpin_user_pages(pages, ret);

	ret = T_PUP(buf, 2, FOLL_WRITE | FOLL_LONGTERM, pages, NULL);
	gup_model_printf("long-term pin = %ld", ret);
	pinnable("long", pages, ret);
	mmap_read_unlock(current->mm);
	unpin_user_pages(pages, ret);

	/* GUP-fast cannot long-term pin movable pages and falls back */
	ret = pin_user_pages_fast(buf + 2 * PAGE_SIZE, 2, FOLL_LONGTERM, pages);
	gup_model_printf("fast long-term pin = %ld", ret);
	pinnable("fast", pages, ret);
	unpin_user_pages(pages, ret);
	return gup_model_finish();
}

// CHECK:      short-term pin = 2
// CHECK-NEXT: short mov+0 pinned=1 longterm_pinnable=0
// CHECK-NEXT: short mov+1 pinned=1 longterm_pinnable=0
// CHECK-NEXT: long-term pin = 2
// CHECK-NEXT: long mov+0 pinned=1 longterm_pinnable=1
// CHECK-NEXT: long mov+1 pinned=1 longterm_pinnable=1
// CHECK-NEXT: fast long-term pin = 2
// CHECK-NEXT: fast mov+2 pinned=1 longterm_pinnable=1
// CHECK-NEXT: fast mov+3 pinned=1 longterm_pinnable=1
// CHECK:      page mov+0 ref=1 pins=0 migrated
// CHECK-NEXT: page mov+1 ref=1 pins=0 migrated
// CHECK-NEXT: page mov+2 ref=1 pins=0 migrated
// CHECK-NEXT: page mov+3 ref=1 pins=0 migrated
// CHECK-NEXT: foll-pin: acquired=6 released=6
// CHECK:      result: OK
