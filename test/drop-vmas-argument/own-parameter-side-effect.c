// A module-private wrapper forwarding its own vmas parameter with a side
// effect in the argument: dropping the argument would drop the increment,
// so the site is a warning naming it (it used to be neither edited nor
// reported), the API is held back, and --force-api still names it. The
// wrapper's other callers pass NULL, which alone would let it lose the
// parameter.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after
// RUN: %check-rewrite %s %t.forced --expect-exit=1 --no-compile-after --prefix=FORCED -- --force-api=get_user_pages

#include <linux/mm.h>

static long fetch_one(unsigned long start, struct page **pages,
		      struct vm_area_struct **vmas, int *i)
{
	return get_user_pages(start, 1, 0, pages + *i, vmas + (*i)++);
}
// CHECK-MESSAGES: own-parameter-side-effect.c:[[@LINE-2]]:49: warning: get_user_pages() is passed 'vmas + (*i)++', computed from 'vmas', the vmas parameter of fetch_one(), and this argument cannot simply be dropped: it has side effects ('(*i)++' would no longer run); migrate the call, the wrapper and its callers by hand [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages() was not migrated: 1 site needs a human
// FORCED-MESSAGES: own-parameter-side-effect.c:[[@LINE-4]]:49: warning: get_user_pages() is passed 'vmas + (*i)++', computed from 'vmas'
// FORCED-MESSAGES: warning: get_user_pages() was migrated although 1 site was left for a human (--force-api)
// FORCED-FIXES: return get_user_pages(start, 1, 0, pages + *i, vmas + (*i)++);

long fetch_all(unsigned long start, int n, struct page **pages)
{
	long ret = 0;
	int i = 0;

	while (i < n && ret >= 0)
		ret = fetch_one(start, pages, NULL, &i);
	return ret;
}
