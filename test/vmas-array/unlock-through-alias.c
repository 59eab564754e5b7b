// mmap_lock released through a local that only its initialiser sets to the
// call's mm (`mm = current->mm`; `lock_mm = mm` for a remote call): the
// reads of the array after it see VMAs that may be freed, and a
// vma_lookup() there would run without the lock. The tool refuses and
// names each read.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

long own_mm(unsigned long start, long n, struct page **pages)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct **vmas;
	long got, i;

	vmas = kcalloc(n, sizeof(*vmas), GFP_KERNEL);
	if (!vmas)
		return -ENOMEM;
	mmap_read_lock(mm);
	got = get_user_pages(start, n, 0, pages, vmas);
	mmap_read_unlock(mm);
	for (i = 0; i < got; i++)
		if (vmas[i]->vm_flags & VM_IO)
			got = -EFAULT;
	kfree(vmas);
	return got;
}

long remote_mm(struct mm_struct *mm, unsigned long start, long n,
	       struct page **pages)
{
	struct mm_struct *lock_mm = mm;
	struct vm_area_struct **vmas;
	long got;

	vmas = kvmalloc_array(n, sizeof(struct vm_area_struct *), GFP_KERNEL);
	if (!vmas)
		return -ENOMEM;
	mmap_read_lock(lock_mm);
	got = pin_user_pages_remote(mm, start, n, FOLL_LONGTERM, pages, vmas,
				    NULL);
	mmap_read_unlock(lock_mm);
	if (got > 0 && vmas[0]->vm_file)
		got = -EOPNOTSUPP;
	kvfree(vmas);
	return got;
}
// CHECK-MESSAGES: unlock-through-alias.c:23:43: warning: the vmas array 'vmas' passed to get_user_pages() is not migrated automatically: 'vmas' is read after mmap_lock is released (line 24 then line 26); replace its uses by vma_lookup() under mmap_lock by hand [gup-rewrite]
// CHECK-MESSAGES: unlock-through-alias.c:26:7: warning: 'vmas' was filled by get_user_pages() at line 23 and is read here after mmap_read_unlock() at line 24: the VMA may already be freed
// CHECK-MESSAGES: unlock-through-alias.c:43:66: warning: the vmas array 'vmas' passed to pin_user_pages_remote() is not migrated automatically: 'vmas' is read after mmap_lock is released (line 45 then line 46); replace its uses by vma_lookup() under mmap_lock by hand [gup-rewrite]
// CHECK-MESSAGES: unlock-through-alias.c:46:17: warning: 'vmas' was filled by pin_user_pages_remote() at line 43 and is read here after mmap_read_unlock() at line 45: the VMA may already be freed
// CHECK-MESSAGES: warning: get_user_pages() was not migrated
// CHECK-MESSAGES: warning: pin_user_pages_remote() was not migrated
