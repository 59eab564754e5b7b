// Each check shows only the findings of its own rules: with gup-drop-null-vmas
// alone, the NULL is dropped and the one-page &vma call (gup-single-vma) is
// neither reported nor changed. The rules still decide every site together,
// so a site is never claimed by a different rule when checks are disabled.
// REQUIRES: tidy-plugin
// RUN: %check-tidy %s %t --checks=-*,gup-drop-null-vmas
// RUN: %check-tidy %s %t.single --checks=-*,gup-single-vma --prefix=SINGLE --fixes-prefix=SINGLE

#include <linux/errno.h>
#include <linux/mm.h>

long touch(unsigned long addr, struct page **pages)
{
	struct vm_area_struct *vma;
	struct page *page;
	long got;
	// CHECK-FIXES: {{^}}	struct vm_area_struct *vma;{{$}}
	// SINGLE-FIXES:      {{^}}long touch(unsigned long addr, struct page **pages){{$}}
	// SINGLE-FIXES-NEXT: {{^}}{{[{]}}{{$}}
	// SINGLE-FIXES-NEXT: {{^}}	struct page *page;{{$}}
	// SINGLE-FIXES-NOT: vm_area_struct

	got = get_user_pages(addr, 1, FOLL_WRITE, pages, NULL);
	// TIDY-MESSAGES: check-selection.c:[[@LINE-1]]:51: warning: drop the NULL vmas argument of get_user_pages(): the parameter is gone in Linux 6.5 [gup-drop-null-vmas]
	// CHECK-FIXES: {{^}}	got = get_user_pages(addr, 1, FOLL_WRITE, pages);{{$}}
	// SINGLE-FIXES: {{^}}	got = get_user_pages(addr, 1, FOLL_WRITE, pages, NULL);{{$}}
	got += get_user_pages(addr, 1, FOLL_WRITE, &page, &vma);
	// SINGLE-MESSAGES: check-selection.c:[[@LINE-1]]:52: warning: drop '&vma' from get_user_pages(): the VMA is never read and the vmas parameter is gone in Linux 6.5 [gup-single-vma]
	// CHECK-FIXES: {{^}}	got += get_user_pages(addr, 1, FOLL_WRITE, &page, &vma);{{$}}
	// SINGLE-FIXES: {{^}}	got += get_user_pages(addr, 1, FOLL_WRITE, &page);{{$}}
	if (got == 2)
		put_page(page);
	return got;
}
