// A vmas array that is allocated, checked, passed and freed but never read
// goes in the >= 6.5 copy; the old copy keeps allocation, check, call and
// free. The edits span several statements of one block (the allocation and
// its NULL check are removed together): the version test encloses that
// run of statements, on lines of their own.
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

long drv_pin(unsigned long start, unsigned long n, struct page **pages)
{
	struct vm_area_struct **vmas;
	long ret;

	vmas = kvmalloc_array(n, sizeof(*vmas), GFP_KERNEL);
	if (!vmas)
		return -ENOMEM;
	ret = pin_user_pages(start, n, FOLL_WRITE, pages, vmas);
	kvfree(vmas);
	return ret;
}
// CHECK-FIXES:      {{^}}#include <linux/slab.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}
// CHECK-FIXES:      {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	struct vm_area_struct **vmas;{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	long ret;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_WRITE, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	vmas = kvmalloc_array(n, sizeof(*vmas), GFP_KERNEL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (!vmas){{$}}
// CHECK-FIXES-NEXT: {{^}}		return -ENOMEM;{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_WRITE, pages, vmas);{{$}}
// CHECK-FIXES-NEXT: {{^}}	kvfree(vmas);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
