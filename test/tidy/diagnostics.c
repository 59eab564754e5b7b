// Each gup-* check warns where the tool reports, with the rule's message
// and the check's own name. A rewrite carries its edits as fix-its; a site
// that needs a human (a NULL passed through a macro parameter, a shape no
// rule recognises, a function pointer) and a report are warnings without
// fix-its, and the code there is left as it is.
// REQUIRES: tidy-plugin
// RUN: %check-tidy %s %t

#include <linux/errno.h>
#include <linux/mm.h>

long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, struct vm_area_struct **vmas,
			   int *locked);
// TIDY-MESSAGES: diagnostics.c:[[@LINE-2]]:28: warning: remove the vmas parameter from this declaration of get_user_pages_remote(): it is gone in Linux 6.5 [gup-drop-vmas-param]
// TIDY-MESSAGES: note: FIX-IT applied
// CHECK-FIXES:      {{^}}			   struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   int *locked);{{$}}

#define FETCH_WITH(addr, page, vmas) get_user_pages(addr, 1, 0, page, vmas)
// CHECK-FIXES: {{^}}#define FETCH_WITH(addr, page, vmas) get_user_pages(addr, 1, 0, page, vmas){{$}}

long fetch(unsigned long addr, struct page **pages)
{
	long got = get_user_pages(addr, 1, 0, pages, NULL);
	// TIDY-MESSAGES: diagnostics.c:[[@LINE-1]]:47: warning: drop the NULL vmas argument of get_user_pages(): the parameter is gone in Linux 6.5 [gup-drop-null-vmas]
	// TIDY-MESSAGES: note: FIX-IT applied
	// CHECK-FIXES: {{^}}	long got = get_user_pages(addr, 1, 0, pages);{{$}}

	got += FETCH_WITH(addr, pages, NULL);
	// TIDY-MESSAGES: diagnostics.c:[[@LINE-1]]:33: warning: cannot drop the NULL vmas argument of get_user_pages() automatically: it is passed in through a macro parameter, so the text to delete is at every use of the macro; edit it by hand [gup-drop-null-vmas]
	// TIDY-MESSAGES-NOT: FIX-IT
	// CHECK-FIXES: {{^}}	got += FETCH_WITH(addr, pages, NULL);{{$}}
	return got;
}

long touch(unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long got;

	got = get_user_pages(addr, 1, FOLL_WRITE, &page, &vma);
	// TIDY-MESSAGES: diagnostics.c:[[@LINE-1]]:51: warning: {{.*}} [gup-single-vma]
	// TIDY-MESSAGES: note: FIX-IT applied
	// CHECK-FIXES:      {{^}}long touch(unsigned long addr){{$}}
	// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
	// CHECK-FIXES-NEXT: {{^}}	struct page *page;{{$}}
	// CHECK-FIXES-NEXT: {{^}}	long got;{{$}}
	// CHECK-FIXES:      {{^}}	got = get_user_pages(addr, 1, FOLL_WRITE, &page);{{$}}
	if (got == 1)
		put_page(page);
	return got;
}

long late_flags(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	// TIDY-MESSAGES: diagnostics.c:[[@LINE-1]]:53: warning: get_user_pages_remote() is passed a vmas argument ('&vma'), a parameter Linux 6.5 removed, and it is not migrated automatically: the page count is not tested by the statement right after the call; {{.*}} [gup-unrecognised-vmas]
	// TIDY-MESSAGES-NOT: FIX-IT
	// CHECK-FIXES: {{^}}	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);{{$}}
	mmap_read_unlock(mm);
	if (ret <= 0)
		return ret;
	ret = vma->vm_flags;
	// TIDY-MESSAGES: diagnostics.c:[[@LINE-1]]:8: warning: 'vma' was filled by get_user_pages_remote() at line [[@LINE-8]] and is read here after mmap_read_unlock() at line [[@LINE-4]]: the VMA may already be freed {{.*}} [gup-vma-after-unlock]
	// TIDY-MESSAGES-NOT: FIX-IT
	put_page(page);
	return ret;
}

typedef long (*pin_fn_t)(unsigned long start, unsigned long nr_pages,
			 unsigned int gup_flags, struct page **pages,
			 struct vm_area_struct **vmas);

pin_fn_t pin_function = pin_user_pages;
// TIDY-MESSAGES: diagnostics.c:[[@LINE-1]]:25: warning: the address of pin_user_pages() is taken here; the function pointer type still has the vmas parameter that Linux 6.5 removes, so change that type by hand [gup-api-address-taken]
// TIDY-MESSAGES-NOT: FIX-IT
// CHECK-FIXES: {{^}}pin_fn_t pin_function = pin_user_pages;{{$}}
