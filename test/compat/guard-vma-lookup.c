// A single-VMA use whose count is used as a number: the call loses '&vma'
// and vma_lookup() is inserted after the count test. Under --compat=guard
// the inserted line touches the count test's lines, so call, test and
// lookup share one version test (spans that touch are merged).
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/errno.h>
#include <linux/mm.h>
// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}

long drv_count_writable(struct mm_struct *mm, unsigned long addr, long *total)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret <= 0)
		return ret;
	if (vma->vm_flags & VM_WRITE)
		*total += ret;
	put_page(page);
	return 0;
}
// CHECK-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, 0, &page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
// CHECK-FIXES-NEXT: {{^}}	vma = vma_lookup(mm, addr);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (vma->vm_flags & VM_WRITE){{$}}
