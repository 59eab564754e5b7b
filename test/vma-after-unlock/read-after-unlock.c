// A VMA from the vmas output read after mmap_read_unlock() of the same mm:
// reported at the read, in the pre-migration code. No rule can move that
// read under the lock, so the site is also left for a human.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>

long late_flags(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	mmap_read_unlock(mm);
	if (ret <= 0)
		return ret;
	ret = vma->vm_flags;
	put_page(page);
	return ret;
}
// CHECK-MESSAGES: read-after-unlock.c:16:53: warning: get_user_pages_remote() is passed a vmas argument ('&vma'), a parameter Linux 6.5 removed, and it is not migrated automatically: the page count is not tested by the statement right after the call;
// CHECK-MESSAGES: read-after-unlock.c:20:8: warning: 'vma' was filled by get_user_pages_remote() at line 16 and is read here after mmap_read_unlock() at line 17: the VMA may already be freed (the dangling pointer the 6.5 migration removes); read it while mmap_lock is held [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
