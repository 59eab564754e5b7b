// Older compat code already has version tests inside the argument list (the
// task_struct argument before 5.9). The branch this build compiles is what
// the AST sees; the vmas argument is found by position among the arguments
// of that branch and removed inside its own branch, never with a directive
// line. Under --compat=guard the statement is guarded whole: the old copy
// keeps every test, the >= 6.5 copy keeps only what kernels from 6.5 on
// compile (the tests that range decides are resolved, their dead lines not
// copied; a test of anything else stays). The plain run edits in place and
// keeps every directive line.
// RUN: %check-rewrite %s %t -- --compat=guard
// RUN: %check-rewrite --prefix=PLAIN %s %t.plain

#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/version.h>

/* An argument only older kernels pass, before the vmas argument. */
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

/* The vmas argument in a branch that kernels from 6.5 on compile too: it
   goes from that branch only, with its own comma. */
long drv_remote_branches(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	long got = get_user_pages_remote(
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 9, 0)
					 mm, addr, 1, FOLL_WRITE, page, NULL,
					 NULL);
#else
					 current, mm, addr, 1, FOLL_WRITE, page, NULL,
					 NULL);
#endif
	return got;
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	long got = get_user_pages_remote({{$}}
// CHECK-FIXES-NEXT: {{^}}					 mm, addr, 1, FOLL_WRITE, page,{{$}}
// CHECK-FIXES-NEXT: {{^}}					 NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	long got = get_user_pages_remote({{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 9, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}					 mm, addr, 1, FOLL_WRITE, page, NULL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					 NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}					 current, mm, addr, 1, FOLL_WRITE, page, NULL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					 NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// PLAIN-FIXES:      {{^}}	long got = get_user_pages_remote({{$}}
// PLAIN-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 9, 0){{$}}
// PLAIN-FIXES-NEXT: {{^}}					 mm, addr, 1, FOLL_WRITE, page,{{$}}
// PLAIN-FIXES-NEXT: {{^}}					 NULL);{{$}}
// PLAIN-FIXES-NEXT: {{^}}#else{{$}}
// PLAIN-FIXES-NEXT: {{^}}					 current, mm, addr, 1, FOLL_WRITE, page, NULL,{{$}}
// PLAIN-FIXES-NEXT: {{^}}					 NULL);{{$}}
// PLAIN-FIXES-NEXT: {{^}}#endif{{$}}

/* An #elif chain for the first argument; a test of something else for the
   flags, which the >= 6.5 copy keeps. */
#define DRV_FORCE 1
long drv_remote_chain(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	return pin_user_pages_remote(
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 6, 0)
				     current, mm, addr, 1, 0, 0,
#elif LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0)
				     current, mm, addr, 1,
#else
				     mm, addr, 1,
#endif
#ifdef DRV_FORCE
				     FOLL_FORCE | FOLL_LONGTERM,
#else
				     FOLL_LONGTERM,
#endif
				     page, NULL, NULL);
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages_remote({{$}}
// CHECK-FIXES-NEXT: {{^}}				     mm, addr, 1,{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifdef DRV_FORCE{{$}}
// CHECK-FIXES-NEXT: {{^}}				     FOLL_FORCE | FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}				     FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}				     page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages_remote({{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 6, 0){{$}}
// CHECK-FIXES:      {{^}}				     page, NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// PLAIN-FIXES:      {{^}}#ifdef DRV_FORCE{{$}}
// PLAIN-FIXES:      {{^}}				     page, NULL);{{$}}

/* Each branch spells the end of the call: the version test around the
   statement takes the whole group, and the >= 6.5 copy only the branch
   6.5 compiles. */
long drv_remote_split_end(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)
				    NULL, NULL);
#else
				    NULL, NULL, NULL);
#endif
	return ret;
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page,{{$}}
// CHECK-FIXES-NEXT: {{^}}				    NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page,{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}				    NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}				    NULL, NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// PLAIN-FIXES:      {{^}}	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page,{{$}}
// PLAIN-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0){{$}}
// PLAIN-FIXES-NEXT: {{^}}				    NULL);{{$}}
// PLAIN-FIXES-NEXT: {{^}}#else{{$}}
// PLAIN-FIXES-NEXT: {{^}}				    NULL, NULL, NULL);{{$}}
