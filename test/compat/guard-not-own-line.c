// A version test needs lines of its own: a call sharing its line with
// another statement, directly in the function body, cannot be guarded. It
// is reported, with the line and which end of the statement is shared, and
// its API held back (the file compiles on old kernels as before), never
// half-edited.
// RUN: %check-rewrite --expect-exit=1 --no-compile-after %s %t -- --compat=guard

#include <linux/mm.h>

long drv_cramped(unsigned long a, struct page **pages)
{
	long got; got = get_user_pages(a, 1, 0, pages, NULL);
	return got;
}
// CHECK-MESSAGES: guard-not-own-line.c:[[@LINE-3]]:{{[0-9]+}}: warning: {{.*}}--compat=guard cannot place a version test around this edit: the statement at line [[@LINE-3]] shares its first line with other code; edit it by hand

long drv_crowded(unsigned long a, struct page **pages)
{
	long got;

	got = pin_user_pages(a, 1, 0, pages, NULL); got++;
	return got;
}
// CHECK-MESSAGES: guard-not-own-line.c:[[@LINE-3]]:{{[0-9]+}}: warning: {{.*}}--compat=guard cannot place a version test around this edit: the statement at line [[@LINE-3]] shares its last line with other code; edit it by hand
// CHECK-MESSAGES: warning: get_user_pages() was not migrated
// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
