// The includes the compat modes add go after the last #include that is
// outside every conditional block, never into one: here the last include
// of the file is under #ifdef DRV_DEBUG, which other configurations skip.
// RUN: %check-rewrite %s %t -- --compat=guard
// RUN: %check-rewrite --prefix=HEADER %s %t.header -- --compat=header

#include <linux/mm.h>
#include <linux/sched.h>
#ifdef DRV_DEBUG
#include <linux/kernel.h>
#endif
// CHECK-FIXES:      {{^}}#include <linux/sched.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifdef DRV_DEBUG{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/kernel.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// HEADER-FIXES:      {{^}}#include <linux/sched.h>{{$}}
// HEADER-FIXES-NEXT: {{^}}#include "gup_compat.h"{{$}}
// HEADER-FIXES-NEXT: {{^}}#ifdef DRV_DEBUG{{$}}

long drv_pin(unsigned long start, struct page **pages)
{
	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// HEADER-FIXES:     {{^}}	return gup_compat_pin_user_pages(start, 1, FOLL_LONGTERM, pages);{{$}}
