// uprobes uprobe_write_opcode(): one page of a remote mm and its VMA, under
// mmap_lock held for write, retried with a goto. The count is only returned
// on failure, so it becomes the helper's errno (0 for the NULL page, as
// mainline writes it) and stays declared because the function reuses it.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

static int check_opcode(struct page *page, unsigned long vaddr)
{
	return page_address(page) != NULL && vaddr != 0;
}

int write_opcode(struct mm_struct *mm, unsigned long vaddr)
{
	struct page *old_page;
	struct vm_area_struct *vma;
	int ret, is_register = 1;
	unsigned int gup_flags = FOLL_FORCE;

retry:
	if (is_register)
		gup_flags |= FOLL_SPLIT_PMD;
	ret = get_user_pages_remote(mm, vaddr, 1, gup_flags,
				    &old_page, &vma, NULL);
	if (ret <= 0)
		return ret;

	ret = check_opcode(old_page, vaddr);
	if (ret <= 0)
		goto put_old;
	if (!(vma->vm_flags & VM_WRITE))
		ret = -EAGAIN;
put_old:
	put_page(old_page);
	if (ret == -EAGAIN && is_register) {
		is_register = 0;
		goto retry;
	}
	return ret;
}
// The count is reused by the function, so its declaration stays.
// CHECK-FIXES:      {{^}}	int ret, is_register = 1;{{$}}
// CHECK-FIXES:      {{^}}	old_page = get_user_page_vma_remote(mm, vaddr, gup_flags, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(old_page)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return old_page ? PTR_ERR(old_page) : 0;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	ret = check_opcode(old_page, vaddr);{{$}}
