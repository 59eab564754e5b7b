// &vma together with `locked`: GUP may drop mmap_lock, so the VMA could
// dangle (pre-6.5 GUP rejects the combination). Reported, not edited.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>

long flags_unlocked(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	int locked = 1;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, &locked);
	if (ret == 1) {
		ret = vma->vm_flags;
		put_page(page);
	}
	if (locked)
		mmap_read_unlock(mm);
	return ret;
	// CHECK-MESSAGES: vma-with-locked.c:16:53: warning: {{.*}}not migrated automatically: the call also passes 'locked', so GUP may drop mmap_lock and the VMA would dangle; before 6.5 GUP rejects that combination; look the VMA up
	// CHECK-MESSAGES: vma-with-locked.c:18:9: warning: 'vma' was filled by get_user_pages_remote() at line 16, which was passed 'locked' and may have dropped mmap_lock; it is read here: the VMA may already be freed
	// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
}
