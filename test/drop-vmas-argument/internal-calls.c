// drop-vmas-argument: once an internal function loses its vmas parameter,
// every call of it loses the argument at that position, whatever it is: the
// caller's own parameter passed on, NULL next to another NULL, and the
// "P ? P + i : NULL" form. The argument is chosen by position: the pages
// argument, NULL as well, stays.
// RUN: %check-rewrite %s %t
// RUN: rm -rf %t.r && mkdir -p %t.r && cp %s %t.r/calls.c && %mkdb %t.r calls.c -- -I%kinclude
// RUN: %gup-rewrite -p %t.r --report | FileCheck %s --check-prefix=REPORT
// REPORT:      calls.c:45:12: drop-vmas-argument: drop the vmas argument of __get_user_pages(): walk_in_steps() loses its own vmas parameter
// REPORT-NEXT: calls.c:55:28: drop-vmas-definition:
// REPORT-NEXT: calls.c:60:6: drop-vmas-argument: drop the NULL vmas argument of __get_user_pages(): the parameter goes with the migration
// REPORT-NEXT: calls.c:61:51: drop-vmas-argument: drop the vmas argument of walk_in_steps(): get_user_pages_remote() loses its own vmas parameter
// REPORT-NOT:  pass NULL

#include <linux/mm.h>

static long __get_user_pages(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, unsigned int gup_flags,
			     struct page **pages,
			     struct vm_area_struct **vmas, int *locked)
{
	long i;

	for (i = 0; i < nr_pages; i++) {
		struct vm_area_struct *vma = vma_lookup(mm, start);

		if (!vma)
			return i ? i : -EFAULT;
		if (vmas)
			vmas[i] = vma;
		start += PAGE_SIZE;
	}
	return i;
}

static long walk_in_steps(struct mm_struct *mm, unsigned long start,
			  unsigned long nr_pages, struct page **pages,
			  struct vm_area_struct **vmas, int *locked)
{
	long done = 0, ret = 0;

	while (done < nr_pages) {
		ret = __get_user_pages(mm, start + done * PAGE_SIZE, 1, 0,
				       pages ? pages + done : NULL,
				       vmas ? vmas + done : NULL, locked);
		if (ret <= 0)
			break;
		done += ret;
	}
	return done ? done : ret;
}

long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, struct vm_area_struct **vmas,
			   int *locked)
{
	if (gup_flags & FOLL_NOWAIT)
		return __get_user_pages(mm, start, nr_pages, gup_flags, NULL,
					NULL, locked);
	return walk_in_steps(mm, start, nr_pages, pages, vmas, locked);
}
// CHECK-FIXES:      {{^}}			     struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			     int *locked){{$}}
// CHECK-FIXES:      {{^}}		if (!vma){{$}}
// CHECK-FIXES-NEXT: {{^}}			return i ? i : -EFAULT;{{$}}
// CHECK-FIXES-NEXT: {{^}}		start += PAGE_SIZE;{{$}}
// CHECK-FIXES:      {{^}}			  unsigned long nr_pages, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			  int *locked){{$}}
// CHECK-FIXES:      {{^}}				       pages ? pages + done : NULL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				       locked);{{$}}
// CHECK-FIXES:      {{^}}			   struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   int *locked){{$}}
// CHECK-FIXES:      {{^}}		return __get_user_pages(mm, start, nr_pages, gup_flags, NULL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					locked);{{$}}
// CHECK-FIXES:      {{^}}	return walk_in_steps(mm, start, nr_pages, pages, locked);{{$}}
// CHECK-FIXES-NOT: vmas
