// The unused VMA shares its declaration with other variables: only its
// declarator goes. A VMA that is read again after the call is not dead.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

long touch_two(unsigned long a, unsigned long b)
{
	struct vm_area_struct *vma, *keep = NULL;
	struct page *page;
	long got;

	got = get_user_pages(a, 1, FOLL_WRITE, &page, &vma);
	if (got == 1)
		put_page(page);
	if (get_user_pages(b, 1, 0, &page, &keep) == 1) {
		got += keep->vm_flags & VM_WRITE;
		put_page(page);
	}
	return got;
}
// CHECK-FIXES:      {{^}}	struct vm_area_struct *keep = NULL;{{$}}
// CHECK-FIXES:      {{^}}	got = get_user_pages(a, 1, FOLL_WRITE, &page);{{$}}
// CHECK-FIXES:      {{^}}	if (get_user_pages(b, 1, 0, &page) == 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		keep = vma_lookup(current->mm, b);{{$}}
