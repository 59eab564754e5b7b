// The page count is used as a number after a successful call (added to a
// total), so get_user_page_vma_remote() would lose it: single-vma-helper
// declines. The call keeps its count, loses '&vma', and the VMA is looked up
// after the test, which migrates the site without touching the arithmetic.
// RUN: %check-rewrite %s %t
// RUN: %check-rewrite %s %t.no-lookup --prefix=NOLOOKUP --expect-exit=1 --no-compile-after -- --disable-rule=single-vma-lookup

#include <linux/errno.h>
#include <linux/mm.h>

long count_writable(struct mm_struct *mm, unsigned long addr, long *total)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret <= 0)
		return ret;
	if (vma->vm_flags & VM_WRITE)
		*total += ret;
	put_page(page);
	return 0;
}
// CHECK-FIXES:      {{^}}	ret = get_user_pages_remote(mm, addr, 1, 0, &page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
// CHECK-FIXES-NEXT: {{^}}	vma = vma_lookup(mm, addr);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (vma->vm_flags & VM_WRITE){{$}}
// CHECK-FIXES-NEXT: {{^}}		*total += ret;{{$}}

// Without the lookup rule the reason the helper declined is what the user sees:
// NOLOOKUP-MESSAGES: count-used-as-number.c:17:53: warning: get_user_pages_remote() is passed a vmas argument ('&vma'), a parameter Linux 6.5 removed, and it is not migrated automatically: the page count is used as a number after a successful call (line 21); look the VMA up with vma_lookup() under mmap_lock and edit it by hand [gup-rewrite]
// NOLOOKUP-MESSAGES: warning: get_user_pages_remote() was not migrated: 1 site needs a human
// NOLOOKUP-FIXES: ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
