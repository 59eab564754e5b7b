// An array of VMAs on the stack, read after mmap_read_unlock() of the mm of
// the call: the read is reported like one of an allocated array.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>

long flags_of_pages(struct mm_struct *mm, unsigned long start, long n,
		    struct page **pages)
{
	struct vm_area_struct *vmas[8];
	long got, i;

	if (n > 8)
		return -EINVAL;
	mmap_read_lock(mm);
	got = get_user_pages_remote(mm, start, n, 0, pages, vmas, NULL);
	mmap_read_unlock(mm);
	for (i = 0; i < got; i++)
		if (vmas[i]->vm_flags & VM_IO)
			got = -EFAULT;
	return got;
}
// CHECK-MESSAGES: stack-array.c:17:54: warning: get_user_pages_remote() is passed a vmas array ('vmas'), a parameter Linux 6.5 removed, and no rule recognises this use;
// CHECK-MESSAGES: stack-array.c:20:7: warning: 'vmas' was filled by get_user_pages_remote() at line 17 and is read here after mmap_read_unlock() at line 18: the VMA may already be freed
// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
