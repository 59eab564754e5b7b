// A call written in a #define body cannot take a test inside the macro:
// the whole #define is guarded (both definitions, one per side).
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/mm.h>
// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}

#define DRV_GRAB(addr, pages) \
	get_user_pages((addr), 1, FOLL_WRITE, (pages), NULL)
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}#define DRV_GRAB(addr, pages) \{{$}}
// CHECK-FIXES-NEXT: {{^}}	get_user_pages((addr), 1, FOLL_WRITE, (pages)){{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}#define DRV_GRAB(addr, pages) \{{$}}
// CHECK-FIXES-NEXT: {{^}}	get_user_pages((addr), 1, FOLL_WRITE, (pages), NULL){{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}

long drv_grab(unsigned long addr, struct page **pages)
{
	return DRV_GRAB(addr, pages);
}
// CHECK-FIXES: {{^}}	return DRV_GRAB(addr, pages);{{$}}
