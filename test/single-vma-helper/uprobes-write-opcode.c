// uprobes uprobe_write_opcode(): one page of a remote mm and its VMA, under
// mmap_lock held for write, retried with a goto. The count is only returned
// on failure, so it becomes the helper's errno (0 for the NULL page, as
// mainline writes it) and stays declared because the function reuses it.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

static int check_opcode(struct page *page, unsigned long vaddr)
{
	return page_address(page) != NULL && vaddr != 0;
}

int write_opcode(struct mm_struct *mm, unsigned long vaddr)
{
	struct page *old_page;
	struct vm_area_struct *vma;
	int ret, is_register = 1;
	unsigned int gup_flags = FOLL_FORCE;

retry:
	if (is_register)
		gup_flags |= FOLL_SPLIT_PMD;
	ret = get_user_pages_remote(mm, vaddr, 1, gup_flags,
				    &old_page, &vma, NULL);
	if (ret <= 0)
		return ret;

	ret = check_opcode(old_page, vaddr);
	if (ret <= 0)
		goto put_old;
	if (!(vma->vm_flags & VM_WRITE))
		ret = -EAGAIN;
put_old:
	put_page(old_page);
	if (ret == -EAGAIN && is_register) {
		is_register = 0;
		goto retry;
	}
	return ret;
}
// The count is reused by the function, so its declaration stays.
// CHECK-FIXES:      {{^}}	int ret, is_register = 1;{{$}}
// CHECK-FIXES:      {{^}}		gup_flags |= FOLL_SPLIT_PMD;{{$}}
// CHECK-FIXES-NEXT: {{^}}	old_page = get_user_page_vma_remote(mm, vaddr, gup_flags, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(old_page)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return old_page ? PTR_ERR(old_page) : 0;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	ret = check_opcode(old_page, vaddr);{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void opcode(const char *what, struct mm_struct *mm, unsigned long vaddr)
{
	int ret;

	/* uprobe_write_opcode() runs under mmap_write_lock() */
	mmap_write_lock(mm);
	ret = write_opcode(mm, vaddr);
	mmap_write_unlock(mm);
	gup_model_printf("%s = %d", what, ret);
}

int main(void)
{
	unsigned long text, rotext;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("probed");
	gup_model_use_mm(mm);
	text = gup_model_add_vma("text", 2, VM_READ | VM_WRITE | VM_EXEC,
				 GUP_MODEL_FILE, 0);
	rotext = gup_model_add_vma("rotext", 1, VM_READ | VM_EXEC, GUP_MODEL_FILE, 0);

	opcode("writable text", mm, text + PAGE_SIZE + 3);
	opcode("read-only text: -EAGAIN, retried once", mm, rotext);
	gup_model_inject_error(text, ENOMEM, 1);
	opcode("ENOMEM", mm, text);
	gup_model_inject_retry(text, 1);
	opcode("fault retry (waits, no locked)", mm, text);
	opcode("hole", mm, rotext + PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	opcode("fatal signal", mm, text);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: uprobes-write-opcode.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: writable text = 1
// MODEL-NEXT: read-only text: -EAGAIN, retried once = -11
// MODEL-NEXT: ENOMEM = -12
// MODEL-NEXT: fault retry (waits, no locked) = 1
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: == gup-model summary ==
