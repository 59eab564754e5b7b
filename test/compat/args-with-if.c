// Older compat code already has a version test inside the argument list
// (the task_struct argument before 5.9). The live branch for 5.9-6.4 is
// what the AST sees; the vmas argument is found by position among the
// arguments of that branch, and the statement is guarded whole, so the
// inner test stays in both branches and each side compiles.
// The plain (in-tree) run drops the argument the same way, keeping the
// directive lines.
// RUN: %check-rewrite %s %t -- --compat=guard
// RUN: %check-rewrite --prefix=PLAIN %s %t.plain

#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/version.h>

long drv_remote(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	return get_user_pages_remote(
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0)
				     current,
#endif
				     mm, addr, 1, FOLL_WRITE, page, NULL, NULL);
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages_remote({{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}				     current,{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}				     mm, addr, 1, FOLL_WRITE, page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages_remote({{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}				     current,{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}				     mm, addr, 1, FOLL_WRITE, page, NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// PLAIN-FIXES:      {{^}}	return get_user_pages_remote({{$}}
// PLAIN-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0){{$}}
// PLAIN-FIXES-NEXT: {{^}}				     current,{{$}}
// PLAIN-FIXES-NEXT: {{^}}#endif{{$}}
// PLAIN-FIXES-NEXT: {{^}}				     mm, addr, 1, FOLL_WRITE, page, NULL);{{$}}
