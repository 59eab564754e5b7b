// The last line of defence: whatever rule computes an edit, an edit that
// would take part of an #if group (here the single-VMA rewrite replaces the
// call up to its ')', which one branch of the group spells) is not made; the
// site is named in a warning and its API held back.
// RUN: %check-rewrite --expect-exit=1 --no-compile-after %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/version.h>

long drv_flags(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, &vma,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)
				    NULL);
#else
				    NULL, NULL);
#endif
	if (ret <= 0)
		return -EFAULT;
	ret = vma->vm_flags;
	put_page(page);
	return ret;
}
// CHECK-MESSAGES: edit-cuts-group.c:[[@LINE-12]]:{{[0-9]+}}: warning: {{.*}}; not changed: the edit would break the file's preprocessor conditionals (it covers part of the #if group at line [[@LINE-11]] (some of its #if/#elif/#else/#endif lines and not the others)); edit it by hand [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
