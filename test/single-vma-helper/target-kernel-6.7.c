// --target-kernel=6.7: get_user_page_vma_remote() never returns NULL there,
// so the test is IS_ERR() and there is no NULL branch: the old zero-count
// value (-EBUSY here) is unreachable and the errno is PTR_ERR() alone.
// RUN: %check-rewrite %s %t -- --target-kernel=6.7
// RUN: %check-rewrite %s %t.65 --prefix=K65

#include <linux/errno.h>
#include <linux/mm.h>

long peek_flags(struct mm_struct *mm, unsigned long vaddr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, vaddr, 1, FOLL_FORCE, &page, &vma, NULL);
	if (ret <= 0)
		return ret == 0 ? -EBUSY : ret;

	ret = vma->vm_flags;
	put_page(page);
	return ret;
}
// The count is still used for the flags, so its declaration stays.
// CHECK-FIXES:      {{^}}	long ret;{{$}}
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, vaddr, FOLL_FORCE, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR(page)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return PTR_ERR(page);{{$}}
// K65-FIXES:      {{^}}	long ret;{{$}}
// K65-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, vaddr, FOLL_FORCE, &vma);{{$}}
// K65-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)){{$}}
// K65-FIXES-NEXT: {{^}}		return page ? PTR_ERR(page) : -EBUSY;{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.7 (the
// helper never returns NULL) and 6.5; the traces must agree. `%if model`
// keeps the RUN lines above running when the model library is not built.
// FOLL_FORCE is fixed here, so GUP cannot return 0 and the -EBUSY branch
// the 6.7 rewrite drops is unreachable on every side.
// RUN: %if model %{ %model-run --print-traces %s %t.model -- --target-kernel=6.7 | FileCheck %s --check-prefix=MODEL %}
// RUN: %if model %{ %model-run %s %t.model65 | FileCheck %s --check-prefix=MODEL65 %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void flags(const char *what, struct mm_struct *mm, unsigned long vaddr)
{
	long ret;

	mmap_read_lock(mm);
	ret = peek_flags(mm, vaddr);
	mmap_read_unlock(mm);
	if (ret < 0)
		gup_model_printf("%s = %ld", what, ret);
	else
		gup_model_printf("%s = vm_flags %#lx", what, ret);
}

int main(void)
{
	unsigned long buf, noread, shared;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	noread = gup_model_add_vma("noread", 1, 0, GUP_MODEL_ANON, 0);
	shared = gup_model_add_vma("shared", 1, VM_READ | VM_SHARED, GUP_MODEL_SHMEM, 0);

	flags("anon", mm, buf + PAGE_SIZE);
	flags("no access, forced read", mm, noread);
	flags("shared", mm, shared);
	gup_model_inject_error(buf, EHWPOISON, 1);
	flags("poisoned", mm, buf);
	flags("hole", mm, buf - PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	flags("fatal signal", mm, buf);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: target-kernel-6.7.c: API 604 and API 607 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite --target-kernel=6.7)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: anon = vm_flags 0x33
// MODEL-NEXT: no access, forced read = vm_flags 0x30
// MODEL-NEXT: shared = vm_flags 0xb9
// MODEL-NEXT: poisoned = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: == gup-model summary ==
// MODEL65: model_run: PASS: target-kernel-6.7.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
