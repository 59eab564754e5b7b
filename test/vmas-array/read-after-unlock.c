// A read of the array after mmap_lock was released sees freed VMAs in the
// old code; no lookup can reproduce that, so the tool refuses and says where.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

long pin_then_peek(unsigned long start, long n, struct page **pages)
{
	struct vm_area_struct **vmas;
	long got;

	vmas = kvmalloc_array(n, sizeof(struct vm_area_struct *), GFP_KERNEL);
	if (!vmas)
		return -ENOMEM;
	mmap_read_lock(current->mm);
	got = pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);
	mmap_read_unlock(current->mm);
	if (got > 0 && vmas[0]->vm_file)
		got = -EOPNOTSUPP;
	kvfree(vmas);
	return got;
}
// CHECK-MESSAGES: read-after-unlock.c:18:55: warning: the vmas array 'vmas' passed to pin_user_pages() is not migrated automatically: 'vmas' is read after mmap_lock is released (line 19 then line 20); replace its uses by vma_lookup() under mmap_lock by hand [gup-rewrite]
// CHECK-MESSAGES: read-after-unlock.c:20:17: warning: 'vmas' was filled by pin_user_pages() at line 18 and is read here after mmap_read_unlock() at line 19: the VMA may already be freed
// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
