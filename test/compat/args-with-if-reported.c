// Argument lists with #if lines inside that the tool must not edit: each
// is named in a warning and left as it is (nothing silent, no directive
// line removed, no branch of another configuration changed).
//  - the vmas argument in a branch of a test of something else than the
//    version: which branch Linux 6.5 compiles is not known;
//  - the vmas argument last in its branch, the comma that separates it on
//    the other side of a directive line; or last after a group whose
//    branches hold groups of their own;
//  - a call that a rule rewrites from its arguments (the single-VMA
//    helper), with a test of something else inside the list: the rewrite
//    would keep only this build's branch;
//  - a module's own switch that keeps the vmas argument in the branch for
//    kernels from 6.5 on (the call this build compiles is right as it is,
//    but the new kernels' list is not).
// RUN: %check-rewrite --expect-exit=1 --no-compile-after %s %t
// RUN: %check-rewrite --expect-exit=1 --no-compile-after --prefix=GUARD %s %t.guard -- --compat=guard

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/version.h>

#define DRV_GUP_VMAS 1

long drv_feature_test(struct mm_struct *mm, unsigned long start, struct page **pages)
{
	return get_user_pages_remote(mm, start, 1, FOLL_WRITE, pages,
#ifdef DRV_GUP_VMAS
				     NULL,
#endif
				     NULL);
}
// CHECK-MESSAGES: args-with-if-reported.c:[[@LINE-4]]:{{[0-9]+}}: warning: cannot drop the NULL vmas argument of get_user_pages_remote() automatically: the #if group at line [[@LINE-5]] of its argument list tests something besides the kernel version, so which of its branches Linux 6.5 compiles is not known; edit it by hand [gup-rewrite]
// GUARD-MESSAGES: args-with-if-reported.c:[[@LINE-5]]:{{[0-9]+}}: warning: cannot drop the NULL vmas argument of get_user_pages_remote() automatically: the #if group at line [[@LINE-6]] of its argument list tests something besides the kernel version

long drv_comma_outside(unsigned long start, struct page **pages)
{
	return get_user_pages(start, 1, 0, pages,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 9, 0)
			      NULL);
#else
			      NULL, 0);
#endif
}
// CHECK-MESSAGES: args-with-if-reported.c:[[@LINE-5]]:{{[0-9]+}}: warning: cannot drop the NULL vmas argument of get_user_pages() automatically: the comma that separates it from the other arguments is on the other side of a preprocessor line of the list, and removing that line would break its #if group; edit it by hand [gup-rewrite]
// GUARD-MESSAGES: args-with-if-reported.c:[[@LINE-6]]:{{[0-9]+}}: warning: cannot drop the NULL vmas argument of get_user_pages() automatically: the comma that separates it

long drv_stale_switch(struct mm_struct *mm, unsigned long start, struct page **pages,
		      int *locked)
{
	return pin_user_pages_remote(mm, start, 1, FOLL_LONGTERM, pages,
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
				     NULL, NULL);
#else
				     NULL, locked);
#endif
}
// CHECK-MESSAGES: args-with-if-reported.c:[[@LINE-7]]:{{[0-9]+}}: warning: the vmas argument of this call of pin_user_pages_remote() is under a version test for kernels before 6.5, but the argument list that Linux 6.5 and later compile still passes 7 arguments, as the old API took; remove the vmas argument from that branch by hand [gup-rewrite]
// GUARD-MESSAGES: args-with-if-reported.c:[[@LINE-8]]:{{[0-9]+}}: warning: the vmas argument of this call of pin_user_pages_remote() is under a version test for kernels before 6.5

long drv_vma_flags(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1,
#ifdef DRV_GUP_VMAS
				    FOLL_FORCE,
#else
				    0,
#endif
				    &page, &vma, NULL);
	if (ret <= 0)
		return -EFAULT;
	ret = vma->vm_flags;
	put_page(page);
	return ret;
}
// CHECK-MESSAGES: args-with-if-reported.c:[[@LINE-7]]:{{[0-9]+}}: warning: cannot turn this call into get_user_page_vma_remote() automatically: the #if group at line [[@LINE-12]] of its argument list tests something besides the kernel version, so which of its branches Linux 6.5 compiles is not known; edit it by hand [gup-rewrite]
// GUARD-MESSAGES: args-with-if-reported.c:[[@LINE-8]]:{{[0-9]+}}: warning: cannot turn this call into get_user_page_vma_remote() automatically: the #if group at line [[@LINE-13]] of its argument list tests something besides the kernel version
/* The comma before the last NULL is in each branch of an #if group, but a
   branch holds a group of its own: not the shape whose branches can each
   lose their comma (ifdef-before-last-null.c). */
long drv_nested_branches(unsigned long start, struct page **pages)
{
	return get_user_pages(start, 1, 0,
#ifndef DRV_NO_PAGES
#ifdef DRV_GUP_VMAS
			      pages,
#else
			      pages + 1,
#endif
#else
			      NULL,
#endif
			      NULL);
}
// CHECK-MESSAGES: args-with-if-reported.c:[[@LINE-2]]:{{[0-9]+}}: warning: cannot drop the NULL vmas argument of get_user_pages() automatically: the comma that separates it from the other arguments is on the other side of a preprocessor line of the list, and removing that line would break its #if group; edit it by hand [gup-rewrite]
// GUARD-MESSAGES: args-with-if-reported.c:[[@LINE-3]]:{{[0-9]+}}: warning: cannot drop the NULL vmas argument of get_user_pages() automatically: the comma that separates it

// CHECK-MESSAGES: warning: get_user_pages() was not migrated
// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
// GUARD-MESSAGES: warning: get_user_pages() was not migrated
// GUARD-MESSAGES: warning: get_user_pages_remote() was not migrated
