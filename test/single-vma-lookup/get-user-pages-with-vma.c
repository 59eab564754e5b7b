// get_user_pages() works on current->mm: the lookup names it explicitly.
// The call is tested directly in the if, and the success branch is a block.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

int page_is_exec(unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	int exec = 0;

	mmap_read_lock(current->mm);
	if (get_user_pages(addr, 1, 0, &page, &vma) == 1) {
		exec = !!(vma->vm_flags & VM_EXEC);
		put_page(page);
	}
	mmap_read_unlock(current->mm);
	return exec;
}
// CHECK-FIXES:      {{^}}	if (get_user_pages(addr, 1, 0, &page) == 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		vma = vma_lookup(current->mm, addr);{{$}}
// CHECK-FIXES-NEXT: {{^}}		exec = !!(vma->vm_flags & VM_EXEC);{{$}}
