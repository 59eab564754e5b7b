// In code the build skips there is no AST to say which branch of an #if
// inside an argument list a kernel compiles: such a call (or prototype) is
// reported, never edited on tokens, and its API held back.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>
#include <linux/version.h>

long active(unsigned long addr, struct page **page)
{
	return get_user_pages(addr, 1, 0, page, NULL);
}

#ifdef CONFIG_OTHER_ARCH
long other_arch(unsigned long addr, struct page **page)
{
	return get_user_pages(addr, 1, 0, page,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)
			      NULL);
#else
			      NULL, 0);
#endif
}
#endif
// CHECK-MESSAGES: args-with-if.c:[[@LINE-8]]:9: warning: in code this build skips (an inactive #if branch): the arguments of this call of get_user_pages() have #if lines inside, and without an AST which of them a kernel compiles is not known; check it by hand [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages() was not migrated: 1 site needs a human
