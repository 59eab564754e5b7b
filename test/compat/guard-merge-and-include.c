// Edits of neighbouring statements share one version test; a statement
// elsewhere gets its own. Both tests ask the same question, so each kernel
// sees either every new form or every old one. <linux/version.h> is already
// included: it is not added again.
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/mm.h>
#include <linux/version.h>

long drv_two_ranges(unsigned long a, unsigned long b, struct page **pa,
		    struct page **pb)
{
	long got;

	got = get_user_pages(a, 1, FOLL_WRITE, pa, NULL);
	if (got != 1)
		return -1;
	got = get_user_pages(b, 1, FOLL_WRITE, pb, NULL);
	if (got != 1)
		return -1;
	return pin_user_pages(a, 1, 0, pa, NULL);
}
// CHECK-FIXES:      {{^}}#include <linux/version.h>{{$}}
// CHECK-FIXES-NOT:  {{^}}#include <linux/version.h>{{$}}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	got = get_user_pages(a, 1, FOLL_WRITE, pa);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	got = get_user_pages(a, 1, FOLL_WRITE, pa, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (got != 1){{$}}
// CHECK-FIXES-NEXT: {{^}}		return -1;{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	got = get_user_pages(b, 1, FOLL_WRITE, pb);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	got = get_user_pages(b, 1, FOLL_WRITE, pb, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (got != 1){{$}}
// CHECK-FIXES-NEXT: {{^}}		return -1;{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(a, 1, 0, pa);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(a, 1, 0, pa, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}

long drv_adjacent(unsigned long a, struct page **pa)
{
	long first, second;

	first = get_user_pages(a, 1, 0, pa, NULL);
	second = pin_user_pages(a, 1, 0, pa, NULL);
	return first + second;
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	first = get_user_pages(a, 1, 0, pa);{{$}}
// CHECK-FIXES-NEXT: {{^}}	second = pin_user_pages(a, 1, 0, pa);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	first = get_user_pages(a, 1, 0, pa, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	second = pin_user_pages(a, 1, 0, pa, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
