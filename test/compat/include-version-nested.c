// A version test that only some configurations read (inside #ifdef
// DRV_DEBUG) does not show that the file has LINUX_VERSION_CODE: the
// include is added, outside every block. So it is in a file whose
// includes are all under a test: it goes before the first of them.
// RUN: %check-rewrite %s %t -- --compat=guard

/* A driver. */

#ifndef DRV_USERSPACE
#include <linux/mm.h>
#endif
// CHECK-FIXES:      {{^}}/* A driver. */{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifndef DRV_USERSPACE{{$}}

#ifdef DRV_DEBUG
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)
#define DRV_TRACE 1
#endif
#endif

long drv_pin(unsigned long start, struct page **pages)
{
	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
