// A VMA that some path reads without the helper ever having run (here: the
// loop runs zero times) starts as NULL in the new code; the old code read an
// unset variable there.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

long last_flags(struct mm_struct *mm, unsigned long addr, int n)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	while (n-- > 0) {
		ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
		if (ret <= 0)
			return -EFAULT;
		put_page(page);
		addr += PAGE_SIZE;
	}
	return vma ? vma->vm_flags : 0;
}
// CHECK-FIXES:      {{^}}	struct vm_area_struct *vma = NULL;{{$}}
// CHECK-FIXES-NEXT: {{^}}	struct page *page;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	while (n-- > 0) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		page = get_user_page_vma_remote(mm, addr, 0, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (IS_ERR_OR_NULL(page)){{$}}
// CHECK-FIXES-NEXT: {{^}}			return -EFAULT;{{$}}
