// A call already inside a LINUX_VERSION_CODE chain, in a branch that every
// kernel from 6.5 on takes, gets a new branch in that chain, as maintainers
// write it, instead of a second test nested inside: before an #else, before
// an #elif that tests the version alone from some version on, or ahead of
// an #if that does (which becomes an #elif). The new copy keeps only what
// 6.5 compiles. A branch that holds other code too, a chain that tests
// something else, or a branch whose test is not the version alone keep
// the nested test.
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/version.h>

#define DRV_DEBUG 1

long drv_else(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	long ret;

#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0)
	ret = get_user_pages_remote(current, mm, addr, 1, FOLL_WRITE, page, NULL, NULL);
#else
	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page, NULL, NULL);
#endif
	return ret;
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(current, mm, addr, 1, FOLL_WRITE, page, NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, page, NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}

long drv_first(unsigned long start, struct page **pages)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 2, 0)

	/* pinned for DMA */
	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);
#else
	return get_user_pages(start, 1, 0, pages, NULL);
#endif
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	/* pinned for DMA */{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 2, 0){{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	/* pinned for DMA */{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages(start, 1, 0, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}

long drv_elif(struct mm_struct *mm, unsigned long start, struct page **pages)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 9, 0)
	return get_user_pages_remote(current, mm, start, 1, 0, 0, pages, NULL);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 9, 0)
	return pin_user_pages_remote(mm, start, 1, FOLL_LONGTERM, pages,
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 10, 0)
				     NULL,
#endif
				     NULL, NULL);
#else
	return get_user_pages_remote(current, mm, start, 1, 0, pages, NULL, NULL);
#endif
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 9, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages_remote(current, mm, start, 1, 0, 0, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages_remote(mm, start, 1, FOLL_LONGTERM, pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}				     NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 9, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages_remote(mm, start, 1, FOLL_LONGTERM, pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 10, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}				     NULL,{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}				     NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}

long drv_other_code(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	long ret;

#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 9, 0)
	ret = get_user_pages_remote(current, mm, addr, 1, 0, page, NULL, NULL);
#else
#ifdef DRV_DEBUG
	addr &= PAGE_MASK;
#endif
	ret = get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL);
#endif
	return ret;
}
// CHECK-FIXES:      {{^}}#ifdef DRV_DEBUG{{$}}
// CHECK-FIXES-NEXT: {{^}}	addr &= PAGE_MASK;{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, 0, page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}

long drv_not_version(unsigned long start, struct page **pages)
{
#ifndef DRV_DEBUG
	return 0;
#else
	return get_user_pages(start, 1, FOLL_WRITE, pages, NULL);
#endif
}
// CHECK-FIXES:      {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages(start, 1, FOLL_WRITE, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages(start, 1, FOLL_WRITE, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}

long drv_mixed_test(unsigned long start, struct page **pages)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 2, 0) && defined(DRV_DEBUG)
	return pin_user_pages(start, 2, 0, pages, NULL);
#else
	return 0;
#endif
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 2, 0) && defined(DRV_DEBUG){{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 2, 0, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, 2, 0, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
