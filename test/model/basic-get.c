// gup_test GUP_BASIC_TEST / GUP_FAST_BENCHMARK: FOLL_GET takes one reference
// per page, put_page() gives it back; vmas[] is filled on 604 only; the trace
// is identical on both API sides and across runs.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --check-prefixes=CHECK,V604 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --check-prefixes=CHECK,V605 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %t.604 > %t.a && %t.604 > %t.b && diff %t.a %t.b
// RUN: %t.605 | grep -v "^vmas" > %t.c && %t.604 | grep -v "^vmas" | diff - %t.c
// Traces carry no host addresses:
// RUN: %t.604 | not grep -E "0x[0-9a-f]{8,}"
#include "Inputs/model_test.h"

int main(void)
{
	struct page *pages[8];
	struct vm_area_struct *vmas[8] = { 0 };
	unsigned long buf;
	long ret, i;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	mmap_read_lock(current->mm);
	ret = T_GUP(buf, 4, FOLL_WRITE, pages, vmas);
	gup_model_printf("get_user_pages = %ld", ret);
	t_pages("pages", pages, ret);
#if GUP_MODEL_API < 605
	for (i = 0; i < ret; i++)
		gup_model_printf("vmas[%ld] = %s", i, gup_model_vma_name(vmas[i]));
#endif
	mmap_read_unlock(current->mm);
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	t_pages("after put", pages, ret);

	ret = get_user_pages_fast(buf + PAGE_SIZE, 2, 0, pages);
	gup_model_printf("get_user_pages_fast = %ld", ret);
	t_pages("fast", pages, ret);
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	gup_model_print_lock("end");
	return gup_model_finish();
}

// CHECK:      get_user_pages = 4
// CHECK-NEXT: pages[0] = buf+0 ref=2 pins=0
// CHECK-NEXT: pages[1] = buf+1 ref=2 pins=0
// CHECK-NEXT: pages[2] = buf+2 ref=2 pins=0
// CHECK-NEXT: pages[3] = buf+3 ref=2 pins=0
// V604-NEXT:  vmas[0] = buf
// V604-NEXT:  vmas[1] = buf
// V604-NEXT:  vmas[2] = buf
// V604-NEXT:  vmas[3] = buf
// V605-NOT:   vmas[
// CHECK-NEXT: after put[0] = buf+0 ref=1 pins=0
// CHECK:      after put[3] = buf+3 ref=1 pins=0
// CHECK-NEXT: get_user_pages_fast = 2
// CHECK-NEXT: fast[0] = buf+1 ref=2 pins=0
// CHECK-NEXT: fast[1] = buf+2 ref=2 pins=0
// CHECK-NEXT: end: lock: unlocked
// CHECK-NEXT: == gup-model summary ==
// CHECK-NEXT: lock mm: unlocked
// CHECK-NEXT: pages:
// CHECK-NEXT: page buf+0 ref=1 pins=0
// CHECK-NEXT: page buf+1 ref=1 pins=0
// CHECK-NEXT: page buf+2 ref=1 pins=0
// CHECK-NEXT: page buf+3 ref=1 pins=0
// CHECK-NEXT: foll-pin: acquired=0 released=0
// CHECK-NEXT: warnings: 0
// CHECK-NEXT: model-errors: 0
// CHECK-NEXT: result: OK
