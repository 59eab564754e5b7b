// --compat=header: the wrappers of the compat header need kernels from 5.9
// on. A module that keeps code for older kernels (a branch of a version
// test below 5.9, here inside the argument list) gets a warning at each
// site it rewrites that those kernels compile, instead of losing them
// silently; a site only compiled from 5.9 on gets none. The rewrite is made
// (exit 1), builds on 6.4, 6.5 and 6.7, and a second run changes nothing.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/drv.c && %mkdb %t drv.c -- -I%kinclude
// RUN: %expect-exit 1 %gup-rewrite -p %t --compat=header --in-place 2> %t/stderr.txt
// RUN: FileCheck %s --check-prefix=MESSAGES --input-file=%t/stderr.txt --implicit-check-not=warning:
// RUN: FileCheck %s --input-file=%t/drv.c
// RUN: %kclang -DGUP_MODEL_API=604 %t/drv.c
// RUN: %kclang -DGUP_MODEL_API=605 %t/drv.c
// RUN: %kclang -DGUP_MODEL_API=607 %t/drv.c
// RUN: %gup-rewrite -p %t --compat=header -- -DGUP_MODEL_API=604 | count 0
// RUN: %gup-rewrite -p %t --compat=header -- -DGUP_MODEL_API=605 | count 0

#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/version.h>

long drv_pin_remote(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	long pinned;

	pinned = pin_user_pages_remote(
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0)
				       current,
#endif
				       mm, addr, 1, FOLL_LONGTERM, page, NULL, NULL);
	return pinned;
}
// MESSAGES: drv.c:[[@LINE-7]]:11: warning: --compat=header: this file keeps code for kernels before 5.9 (line [[@LINE-6]]: '#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0)'), but the wrappers of the compat header need 5.9 or later, so gup_compat_pin_user_pages_remote() does not build there; use --compat=guard to keep those kernels, or drop their branches [gup-rewrite]
// CHECK:      {{^}}	pinned = gup_compat_pin_user_pages_remote({{$}}
// CHECK-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0){{$}}
// CHECK-NEXT: {{^}}						  current,{{$}}
// CHECK-NEXT: {{^}}#endif{{$}}
// CHECK-NEXT: {{^}}						  mm, addr, 1, FOLL_LONGTERM, page, NULL);{{$}}

long drv_remote_new(struct mm_struct *mm, unsigned long addr, struct page **page)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0)
	return get_user_pages_remote(current, mm, addr, 1, 0, page, NULL, NULL);
#else
	return get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL);
#endif
}
// CHECK:      {{^}}	return get_user_pages_remote(current, mm, addr, 1, 0, page, NULL, NULL);{{$}}
// CHECK-NEXT: {{^}}#else{{$}}
// CHECK-NEXT: {{^}}	return gup_compat_get_user_pages_remote(mm, addr, 1, 0, page, NULL);{{$}}
