// get_user_pages() works on current->mm: the lookup names it explicitly.
// The call is tested directly in the if, and the success branch is a block.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

int page_is_exec(unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	int exec = 0;

	mmap_read_lock(current->mm);
	if (get_user_pages(addr, 1, 0, &page, &vma) == 1) {
		exec = !!(vma->vm_flags & VM_EXEC);
		put_page(page);
	}
	mmap_read_unlock(current->mm);
	return exec;
}
// CHECK-FIXES:      {{^}}	if (get_user_pages(addr, 1, 0, &page) == 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		vma = vma_lookup(current->mm, addr);{{$}}
// CHECK-FIXES-NEXT: {{^}}		exec = !!(vma->vm_flags & VM_EXEC);{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

int main(void)
{
	unsigned long text, data, xonly;

	gup_model_begin();
	text = gup_model_add_vma("text", 2, VM_READ | VM_EXEC, GUP_MODEL_FILE, 0);
	data = gup_model_add_vma("data", 1, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	xonly = gup_model_add_vma("xonly", 1, VM_EXEC, GUP_MODEL_FILE, 0);

	gup_model_printf("text page 1 = %d", page_is_exec(text + PAGE_SIZE + 1));
	gup_model_printf("data = %d", page_is_exec(data));
	gup_model_inject_error(text, ENOMEM, 1);
	gup_model_printf("ENOMEM = %d", page_is_exec(text));
	gup_model_printf("execute-only (GUP refuses the read) = %d", page_is_exec(xonly));
	gup_model_printf("hole = %d", page_is_exec(data + PAGE_SIZE));
	gup_model_set_fatal_signal(true);
	gup_model_printf("fatal signal = %d", page_is_exec(text));
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: get-user-pages-with-vma.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: text page 1 = 1
// MODEL-NEXT: data = 0
// MODEL-NEXT: ENOMEM = 0
// MODEL-NEXT: execute-only (GUP refuses the read) = 0
// MODEL-NEXT: hole = 0
// MODEL-NEXT: fatal signal = 0
// MODEL-NEXT: == gup-model summary ==
