// A call in skipped code that passes a real VMA cannot be fixed on tokens:
// it is reported, and its API is held back so that configuration, too,
// still builds.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>

long active(unsigned long addr, struct page **page)
{
	return get_user_pages(addr, 1, 0, page, NULL);
}

#ifdef CONFIG_OTHER_ARCH
long other_arch(unsigned long addr, struct page **page)
{
	struct vm_area_struct *vma;

	if (get_user_pages(addr, 1, 0, page, &vma) != 1)
		return -1;
	return vma->vm_flags;
}
#endif
// CHECK-MESSAGES: unfixable.c:18:6: warning: in code this build skips (an inactive #if branch): get_user_pages() is passed the vmas argument '&vma', which only a human can migrate (enable the configuration and run again, or edit it by hand) [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages() was not migrated: 1 site needs a human
// CHECK-FIXES: return get_user_pages(addr, 1, 0, page, NULL);
