// Module shapes of a never-read vmas array that are left for a human, each
// with the reason: the array lives in a struct (other functions can reach
// it), its NULL check tests something else too, or the label the check
// jumps to is also used in code this build skips (removing the check would
// leave the label unused here, keeping it would break the other config).
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct pinned {
	struct page **pages;
	struct vm_area_struct **vmas;
};

long pin_into(struct pinned *p, unsigned long start, unsigned long n)
{
	long ret;

	p->vmas = kcalloc(n, sizeof(*p->vmas), GFP_KERNEL);
	if (!p->vmas)
		return -ENOMEM;
	ret = pin_user_pages(start, n, FOLL_LONGTERM, p->pages, p->vmas);
	kfree(p->vmas);
	return ret;
}
// CHECK-MESSAGES: module-not-migrated.c:[[@LINE-4]]:58: warning: pin_user_pages() is passed a vmas argument ('p->vmas'), a parameter Linux 6.5 removed, and it is not migrated automatically: the array is a struct member, which code outside this function may read; drop it from the struct with its allocation and free if nothing reads it; look the VMA up with vma_lookup() under mmap_lock and edit it by hand [gup-rewrite]

long get_both(unsigned long start, unsigned long n)
{
	struct vm_area_struct **vmas = kcalloc(n, sizeof(*vmas), GFP_KERNEL);
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	long ret = -ENOMEM;

	if (!vmas || !pages)
		goto out;
	ret = get_user_pages(start, n, 0, pages, vmas);
out:
	kfree(pages);
	kfree(vmas);
	return ret;
}
// CHECK-MESSAGES: module-not-migrated.c:[[@LINE-6]]:43: warning: the vmas array 'vmas' passed to get_user_pages() is not migrated automatically: 'vmas' is also used in a way no rule knows (line 36; every use: line 32, line 36, line 38, line 41); replace its uses by vma_lookup() under mmap_lock by hand [gup-rewrite]

long pin_remote(struct mm_struct *mm, unsigned long start, unsigned long n,
		struct page **pages)
{
	struct vm_area_struct **vmas;
	long ret = -ENOMEM;

	vmas = kcalloc(n, sizeof(*vmas), GFP_KERNEL);
	if (!vmas)
		goto out;
#ifdef CONFIG_PIN_TWICE
	if (n > 1)
		goto out;
#endif
	ret = pin_user_pages_remote(mm, start, n, 0, pages, vmas, NULL);
	kfree(vmas);
out:
	return ret;
}
// CHECK-MESSAGES: module-not-migrated.c:[[@LINE-5]]:54: warning: the vmas array 'vmas' passed to pin_user_pages_remote() is not migrated automatically: the label 'out' its NULL check jumps to is also used in code this build skips, so it cannot go with the check; replace its uses by vma_lookup() under mmap_lock by hand [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages() was not migrated
// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
// CHECK-MESSAGES: warning: pin_user_pages_remote() was not migrated
