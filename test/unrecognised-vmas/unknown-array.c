// A vmas array that comes from the caller (an exported wrapper that passes
// its own vmas parameter through): its other callers are unknown, so the
// wrapper cannot lose the parameter; the site is reported and the API held
// back. (A static wrapper whose callers all pass NULL is migrated: see
// test/drop-vmas-definition.)
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>

long my_pin_wrapper(unsigned long start, unsigned long n, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);
	// CHECK-MESSAGES: unknown-array.c:[[@LINE-1]]:56: warning: pin_user_pages() is passed 'vmas', the vmas parameter of my_pin_wrapper(), which cannot lose it automatically: my_pin_wrapper() is visible outside this file, so its other callers are not known; migrate the wrapper and its callers by hand [gup-rewrite]
	// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
}
