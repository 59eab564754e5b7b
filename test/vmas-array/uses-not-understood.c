// An array of VMAs that is also handed to another function: the tool cannot
// prove what happens to it, so it lists every use of the array and edits
// nothing.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

static int all_anonymous(struct vm_area_struct **vmas, long n)
{
	while (n--)
		if (vmas[n]->vm_file)
			return 0;
	return 1;
}

long pin_anonymous(unsigned long start, long n, struct page **pages)
{
	struct vm_area_struct **vmas;
	long got;

	vmas = kcalloc(n, sizeof(*vmas), GFP_KERNEL);
	if (!vmas)
		return -ENOMEM;
	mmap_read_lock(current->mm);
	got = pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);
	if (got == n && !all_anonymous(vmas, n))
		got = -EOPNOTSUPP;
	mmap_read_unlock(current->mm);
	kfree(vmas);
	return got;
}
// CHECK-MESSAGES: uses-not-understood.c:27:55: warning: the vmas array 'vmas' passed to pin_user_pages() is not migrated automatically: 'vmas' is also used in a way no rule knows (line 28; every use: line 23, line 24, line 27, line 28, line 31); replace its uses by vma_lookup() under mmap_lock by hand [gup-rewrite]
// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
// CHECK-FIXES: got = pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);
