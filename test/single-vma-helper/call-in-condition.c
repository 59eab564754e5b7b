// The call used directly as the condition of an if: the helper's result is
// stored first, then tested; a count that only lived in the condition
// leaves nothing behind.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

int vma_is_writable_at(struct mm_struct *mm, unsigned long addr)
{
	struct page *page;
	struct vm_area_struct *vma;
	int writable;

	if (get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL) != 1)
		return -EFAULT;
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, addr, 0, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return -EFAULT;{{$}}
	writable = !!(vma->vm_flags & VM_WRITE);
	put_page(page);
	return writable;
}
