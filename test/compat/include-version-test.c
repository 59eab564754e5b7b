// A file that already tests LINUX_VERSION_CODE in an #if every
// configuration reads has the macro: --compat=guard adds no
// <linux/version.h> (here it comes in under a test of its own). The
// compat header's include goes after the last include outside every
// conditional block, not into the `>= 4.11` one.
// RUN: %check-rewrite %s %t -- --compat=guard
// RUN: %check-rewrite --prefix=HEADER %s %t.header -- --compat=header
// RUN: grep 'include <linux/version.h>' %t/tree/include-version-test.c | count 1

#include <linux/mm.h>
#ifndef DRV_NO_VERSION_H
#include <linux/version.h>
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 11, 0)
#include <linux/sched/mm.h>
#endif
// HEADER-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// HEADER-FIXES-NEXT: {{^}}#include "gup_compat.h"{{$}}
// HEADER-FIXES-NEXT: {{^}}#ifndef DRV_NO_VERSION_H{{$}}

long drv_pin(unsigned long start, struct page **pages)
{
	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);
}
// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifndef DRV_NO_VERSION_H{{$}}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// HEADER-FIXES:     {{^}}	return gup_compat_pin_user_pages(start, 1, FOLL_LONGTERM, pages);{{$}}
