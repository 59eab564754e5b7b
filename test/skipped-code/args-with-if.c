// In code the build skips there is no AST to say which branch of an #if
// inside an argument or parameter list a kernel compiles. A list whose
// version tests, resolved for kernels from 6.5 on, leave one item less than
// the old API is written for them already and is left alone; any other is
// reported, never edited on tokens, and its API held back.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>
#include <linux/version.h>

long active(unsigned long addr, struct page **page)
{
	return pin_user_pages(addr, 1, 0, page, NULL);
}

#ifdef CONFIG_OTHER_ARCH
long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
		    , struct vm_area_struct **vmas
#endif
		    );

long other_arch(unsigned long addr, struct page **page)
{
	return pin_user_pages(addr, 1, FOLL_LONGTERM,
#ifdef CONFIG_OTHER_ARCH_PAGES
			      page, NULL);
#else
			      NULL, NULL);
#endif
}
#endif
// CHECK-MESSAGES: args-with-if.c:[[@LINE-8]]:9: warning: in code this build skips (an inactive #if branch): the argument list of this call of pin_user_pages() contains #if lines, and without an AST which of them a kernel compiles is not known; check it by hand [gup-rewrite]
// CHECK-MESSAGES: warning: pin_user_pages() was not migrated: 1 site needs a human
