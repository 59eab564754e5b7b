// --compat=guard on an out-of-tree caller: the statement with the NULL
// vmas argument keeps both forms under a version test, on lines of their
// own; <linux/version.h> is included once, after the file's includes. Only
// the vmas argument goes: the NULL `locked` next to it stays (by position).
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/errno.h>
#include <linux/mm.h>
// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}

long drv_pin_locked(struct mm_struct *mm, unsigned long start,
		    unsigned long n, struct page **pages)
{
	int locked = 1;
	long pinned;

	mmap_read_lock(mm);
	pinned = pin_user_pages_remote(mm, start, n, FOLL_WRITE | FOLL_LONGTERM,
				       pages, NULL, &locked);
	if (locked)
		mmap_read_unlock(mm);
	return pinned;
}
// CHECK-FIXES:      {{^}}	mmap_read_lock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	pinned = pin_user_pages_remote(mm, start, n, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}				       pages, &locked);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	pinned = pin_user_pages_remote(mm, start, n, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}				       pages, NULL, &locked);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (locked){{$}}

long drv_peek(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	return get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL);
}
// CHECK-FIXES:      {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages_remote(mm, addr, 1, 0, page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NOT: #include <linux/version.h>
