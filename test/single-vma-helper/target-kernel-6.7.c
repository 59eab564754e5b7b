// --target-kernel=6.7: get_user_page_vma_remote() never returns NULL there,
// so the test is IS_ERR() and there is no NULL branch: the old zero-count
// value (-EBUSY here) is unreachable and the errno is PTR_ERR() alone.
// RUN: %check-rewrite %s %t -- --target-kernel=6.7
// RUN: %check-rewrite %s %t.65 --prefix=K65

#include <linux/errno.h>
#include <linux/mm.h>

long peek_flags(struct mm_struct *mm, unsigned long vaddr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, vaddr, 1, FOLL_FORCE, &page, &vma, NULL);
	if (ret <= 0)
		return ret == 0 ? -EBUSY : ret;

	ret = vma->vm_flags;
	put_page(page);
	return ret;
}
// The count is still used for the flags, so its declaration stays.
// CHECK-FIXES:      {{^}}	long ret;{{$}}
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, vaddr, FOLL_FORCE, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR(page)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return PTR_ERR(page);{{$}}
// K65-FIXES:      {{^}}	long ret;{{$}}
// K65-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, vaddr, FOLL_FORCE, &vma);{{$}}
// K65-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)){{$}}
// K65-FIXES-NEXT: {{^}}		return page ? PTR_ERR(page) : -EBUSY;{{$}}
