// The checks' options, set through clang-tidy's configuration: TargetKernel
// as a check-local key (it wins over a global one) and as a global key (one
// setting for every gup-* check); an invalid value is one configuration
// warning naming the key it came from, and the default, 6.5, is used. DropVmaChecks is exercised by the vmas-array
// snippets through %check-rewrite.
// REQUIRES: tidy-plugin
// RUN: %check-tidy %s %t.local --option=TargetKernel=6.5 --option=gup-single-vma.TargetKernel=6.7
// RUN: %check-tidy %s %t.global --option=TargetKernel=6.8
// RUN: %check-tidy %s %t.default --fixes-prefix=K65
// RUN: %check-tidy %s %t.bad --checks=-*,gup-single-vma --option=gup-single-vma.TargetKernel=6.4 --prefix=BAD --fixes-prefix=K65
// RUN: %check-tidy %s %t.text --option=TargetKernel=six --prefix=TEXT --fixes-prefix=K65

#include <linux/errno.h>
#include <linux/mm.h>

long peek_flags(struct mm_struct *mm, unsigned long vaddr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	// TIDY-MESSAGES: options.c:[[@LINE+6]]:63: warning: use get_user_page_vma_remote() {{.*}} [gup-single-vma]
	// BAD-MESSAGES: warning: invalid value '6.4' for option 'gup-single-vma.TargetKernel': expected a kernel version X.Y of 6.5 or later; using 6.5 [clang-tidy-config]
	// BAD-MESSAGES: options.c:[[@LINE+4]]:63: warning: use get_user_page_vma_remote() {{.*}} [gup-single-vma]
	// TEXT-MESSAGES-COUNT-1: warning: invalid value 'six' for option 'TargetKernel': expected a kernel version X.Y of 6.5 or later; using 6.5 [clang-tidy-config]
	// TEXT-MESSAGES: options.c:[[@LINE+2]]:63: warning: use get_user_page_vma_remote() {{.*}} [gup-single-vma]
	// (one warning for the global key, not one per check)
	ret = get_user_pages_remote(mm, vaddr, 1, FOLL_FORCE, &page, &vma, NULL);
	if (ret <= 0)
		return ret == 0 ? -EBUSY : ret;

	ret = vma->vm_flags;
	put_page(page);
	return ret;
}
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, vaddr, FOLL_FORCE, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR(page)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return PTR_ERR(page);{{$}}
// K65-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, vaddr, FOLL_FORCE, &vma);{{$}}
// K65-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)){{$}}
// K65-FIXES-NEXT: {{^}}		return page ? PTR_ERR(page) : -EBUSY;{{$}}

// DisabledRules: the names gup-rewrite --disable-rule takes. With both
// one-page rules off, the site falls to unrecognised-vmas (a warning, no
// fix); an unknown name is one configuration warning and is ignored.
// RUN: %check-tidy %s %t.off --option=DisabledRules=single-vma-helper,single-vma-lookup --prefix=OFF --fixes-prefix=NONE
// OFF-MESSAGES: options.c:28:63: warning: get_user_pages_remote() is passed a vmas array ('&vma'), a parameter Linux 6.5 removed, and no rule recognises this use; {{.*}} [gup-unrecognised-vmas]
// RUN: %check-tidy %s %t.unknown --option=DisabledRules=single-vma-helper-x --prefix=UNKNOWN --fixes-prefix=K65
// UNKNOWN-MESSAGES-COUNT-1: warning: invalid value 'single-vma-helper-x' for option 'DisabledRules': no such rule (see gup-rewrite --list-rules); ignored [clang-tidy-config]
// UNKNOWN-MESSAGES: options.c:28:63: warning: use get_user_page_vma_remote() {{.*}} [gup-single-vma]
