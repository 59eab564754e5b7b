// A VMA that some path reads without the helper ever having run (here: the
// loop runs zero times) starts as NULL in the new code; the old code read an
// unset variable there.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

long last_flags(struct mm_struct *mm, unsigned long addr, int n)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	while (n-- > 0) {
		ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
		if (ret <= 0)
			return -EFAULT;
		put_page(page);
		addr += PAGE_SIZE;
	}
	return vma ? vma->vm_flags : 0;
}
// CHECK-FIXES:      {{^}}	struct vm_area_struct *vma = NULL;{{$}}
// CHECK-FIXES-NEXT: {{^}}	struct page *page;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	while (n-- > 0) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		page = get_user_page_vma_remote(mm, addr, 0, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (IS_ERR_OR_NULL(page)){{$}}
// CHECK-FIXES-NEXT: {{^}}			return -EFAULT;{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>
// n == 0 is not driven: the original then returns an uninitialised `vma`
// (undefined behaviour, nothing to compare); the rewrite returns 0.

static void last(const char *what, struct mm_struct *mm, unsigned long addr, int n)
{
	long ret;

	mmap_read_lock(mm);
	ret = last_flags(mm, addr, n);
	mmap_read_unlock(mm);
	if (ret < 0)
		gup_model_printf("%s = %ld", what, ret);
	else
		gup_model_printf("%s = vm_flags %#lx", what, ret);
}

int main(void)
{
	unsigned long rw, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	rw = gup_model_add_vma("rw", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	/* right after it, a read-only VMA */
	ro = gup_model_add_vma_at("ro", rw + 2 * PAGE_SIZE, 2, VM_READ,
				  GUP_MODEL_ANON, 0);

	last("one page", mm, rw, 1);
	last("three pages, the last in the read-only vma", mm, rw, 3);
	last("runs off the end", mm, ro, 3);
	gup_model_inject_error(rw + PAGE_SIZE, ENOMEM, 1);
	last("ENOMEM on the second page", mm, rw, 2);
	last("hole", mm, rw - PAGE_SIZE, 1);
	gup_model_set_fatal_signal(true);
	last("fatal signal", mm, rw, 1);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: vma-initialised.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: one page = vm_flags 0x33
// MODEL-NEXT: three pages, the last in the read-only vma = vm_flags 0x31
// MODEL-NEXT: runs off the end = -14
// MODEL-NEXT: ENOMEM on the second page = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -14
// MODEL-NEXT: == gup-model summary ==
