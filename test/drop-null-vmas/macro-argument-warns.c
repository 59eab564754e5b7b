// A call written in a macro body whose vmas argument comes from a macro
// parameter cannot be edited at one place: the body is shared by every use
// and the NULL is at each use. The tool must say so (Clang Transformer would
// drop the edit silently), exit 1, and leave get_user_pages() unmigrated.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>

#define FETCH_WITH(addr, page, vmas) get_user_pages(addr, 1, 0, page, vmas)

long fetch_one(unsigned long addr, struct page **page)
{
	return FETCH_WITH(addr, page, NULL);
	// CHECK-MESSAGES: macro-argument-warns.c:[[@LINE-1]]:32: warning: cannot drop the NULL vmas argument of get_user_pages() automatically: it is passed in through a macro parameter, so the text to delete is at every use of the macro; edit it by hand [gup-rewrite]
	// CHECK-MESSAGES: warning: get_user_pages() was not migrated: 1 site needs a human
}

long fetch_two(unsigned long addr, struct page **page)
{
	// The same API elsewhere is held back too, so the tree still builds.
	return get_user_pages(addr, 1, 0, page, NULL);
	// CHECK-FIXES: return get_user_pages(addr, 1, 0, page, NULL);
}
