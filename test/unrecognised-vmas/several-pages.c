// A pointer to one VMA passed for several pages (the old API would write
// past it): reported, never edited.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>

long pin_range(unsigned long start, unsigned long n, struct page **pages)
{
	struct vm_area_struct *vma;

	return pin_user_pages(start, n, FOLL_LONGTERM, pages, &vma) +
	       (vma->vm_flags & VM_SHARED);
	// CHECK-MESSAGES: several-pages.c:11:56: warning: pin_user_pages() is passed a vmas argument ('&vma'), a parameter Linux 6.5 removed, and it is not migrated automatically: the vmas argument points at a single VMA ('&vma') but nr_pages is not the constant 1; look the VMA up with vma_lookup() under mmap_lock and edit it by hand [gup-rewrite]
	// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
}
