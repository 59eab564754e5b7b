// A vmas array that comes from the caller (a wrapper that passes its own
// vmas parameter through): no rule recognises it, so it is reported, and
// the wrapper's own API stays as it is.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>

long my_pin_wrapper(unsigned long start, unsigned long n, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);
	// CHECK-MESSAGES: unknown-array.c:[[@LINE-1]]:56: warning: pin_user_pages() is passed a vmas array ('vmas'), a parameter Linux 6.5 removed, and no rule recognises this use; look the VMA up with vma_lookup() under mmap_lock instead and edit it by hand [gup-rewrite]
	// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
}
