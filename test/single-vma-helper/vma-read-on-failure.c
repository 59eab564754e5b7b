// The old code reads the VMA on the failure path without looking it up: it
// saw whatever the variable held before. The rewrite looks it up on that
// path too, so the VMA is written on every path before it is read (no NULL
// initialisation is needed), and `return ret` becomes the helper's errno.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

long probe_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret <= 0) {
		if (vma && (vma->vm_flags & VM_IO))
			return -EIO;
		return ret;
	}
	ret = vma->vm_flags & VM_WRITE;
	put_page(page);
	return ret;
}
// CHECK-FIXES:      {{^}}	struct vm_area_struct *vma;{{$}}
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, addr, 0, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		vma = vma_lookup(mm, addr);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (vma && (vma->vm_flags & VM_IO)){{$}}
// CHECK-FIXES-NEXT: {{^}}			return -EIO;{{$}}
// CHECK-FIXES-NEXT: {{^}}		return page ? PTR_ERR(page) : 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
