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

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree (default options only: the --disable-rule run above is not
// meant to build for 6.5). `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void count(const char *what, struct mm_struct *mm, unsigned long addr,
		  long *total)
{
	long ret;

	mmap_read_lock(mm);
	ret = count_writable(mm, addr, total);
	mmap_read_unlock(mm);
	gup_model_printf("%s = %ld, total %ld", what, ret, *total);
}

int main(void)
{
	unsigned long buf, ro;
	struct mm_struct *mm;
	long total = 0;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	count("writable", mm, buf, &total);
	count("writable again", mm, buf + PAGE_SIZE + 5, &total);
	count("read-only", mm, ro, &total);
	gup_model_inject_error(buf, EHWPOISON, 1);
	count("poisoned", mm, buf, &total);
	count("hole", mm, ro + PAGE_SIZE, &total);
	gup_model_set_fatal_signal(true);
	count("fatal signal", mm, buf, &total);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: count-used-as-number.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: writable = 0, total 1
// MODEL-NEXT: writable again = 0, total 2
// MODEL-NEXT: read-only = 0, total 2
// MODEL-NEXT: poisoned = -14, total 2
// MODEL-NEXT: hole = -14, total 2
// MODEL-NEXT: fatal signal = -4, total 2
// MODEL-NEXT: == gup-model summary ==
