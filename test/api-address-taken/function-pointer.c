// Taking the address of an API function (an ops table, a function pointer)
// spells the old parameter list in the pointer's type. The tool reports it and
// holds the API back, so the output still builds; other APIs migrate.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>

typedef long (*pin_fn_t)(unsigned long start, unsigned long nr_pages,
			 unsigned int gup_flags, struct page **pages,
			 struct vm_area_struct **vmas);

struct pin_ops {
	pin_fn_t pin;
};

static struct pin_ops default_ops = {
	.pin = pin_user_pages,
	// CHECK-MESSAGES: function-pointer.c:[[@LINE-1]]:9: warning: the address of pin_user_pages() is taken here; the function pointer type still has the vmas parameter that Linux 6.5 removes, so change that type by hand [gup-rewrite]
};

long pin_through_ops(struct pin_ops *ops, unsigned long start,
		     struct page **pages)
{
	long got = ops->pin(start, 1, 0, pages, NULL);

	got += pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);
	// CHECK-FIXES: got += pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);
	got += get_user_pages(start, 1, 0, pages, NULL);
	// CHECK-FIXES: got += get_user_pages(start, 1, 0, pages);
	// CHECK-MESSAGES: warning: pin_user_pages() was not migrated: 1 site needs a human
	return got + (default_ops.pin != NULL);
}

// No model scenario (%model-run): the rewrite deliberately holds
// pin_user_pages() back (its address is taken), so the output keeps the
// 6.4 five-argument calls and does not build against 6.5 (hence
// --no-compile-after above); there is no "after" program to run. The snippet
// also stores three references in pages[0], so it leaks by construction.
