// A wrapper of the module's own passes its vmas parameter through, and
// every caller passes NULL: the wrapper loses the parameter on every kernel
// (module code, not the API), its callers lose the NULL, and the call
// inside it is guarded, with NULL where the parameter went on old kernels.
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/mm.h>

static long drv_pin(unsigned long start, unsigned long n, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return pin_user_pages(start, n, FOLL_WRITE | FOLL_LONGTERM, pages, vmas);
}
// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}static long drv_pin(unsigned long start, unsigned long n, struct page **pages){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, n, FOLL_WRITE | FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, n, FOLL_WRITE | FOLL_LONGTERM, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}

long drv_pin_one(unsigned long start, struct page **page)
{
	return drv_pin(start, 1, page, NULL);
}
// CHECK-FIXES: {{^}}	return drv_pin(start, 1, page);{{$}}

long drv_pin_many(unsigned long start, unsigned long n, struct page **pages)
{
	return drv_pin(start, n, pages, NULL);
}
// CHECK-FIXES: {{^}}	return drv_pin(start, n, pages);{{$}}
