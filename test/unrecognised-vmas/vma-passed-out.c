// The VMA leaves the function through an out-parameter: after mmap_lock is
// released it dangles, which is the very bug the migration removes. The tool
// does not guess a fix.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>

int page_and_vma(struct mm_struct *mm, unsigned long addr, struct page **pagep,
		 struct vm_area_struct **vmap)
{
	struct vm_area_struct *vma;
	struct page *page;

	if (get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL) != 1)
		return -EFAULT;
	*pagep = page;
	*vmap = vma;
	return 0;
	// CHECK-MESSAGES: vma-passed-out.c:15:51: warning: {{.*}}not migrated automatically: the VMA is passed out of the function (line 18); look the VMA up
	// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
}
// CHECK-FIXES: if (get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL) != 1)
