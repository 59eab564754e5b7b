// A count that only carried GUP's result into its test is deleted with its
// declaration (here one declarator of a group), and a success test
// (ret == 1) becomes !IS_ERR_OR_NULL(page) with the failure in the else.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

int first_byte(struct mm_struct *mm, unsigned long addr, unsigned char *out)
{
	struct vm_area_struct *vma;
	struct page *page;
	long got, unrelated = 0;
// CHECK-FIXES: {{^}}	long unrelated = 0;{{$}}

	got = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, &vma,
				    NULL);
	if (got == 1) {
		if (vma->vm_flags & VM_READ)
			*out = *(unsigned char *)page_address(page);
		put_page(page);
	} else {
		return -EFAULT;
	}
// The directive line after the declarations and the blank line before the
// call are the two empty lines before it.
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	page = get_user_page_vma_remote(mm, addr, FOLL_FORCE, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (!IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (vma->vm_flags & VM_READ){{$}}
	return (int)unrelated;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void byte_at(const char *what, struct mm_struct *mm, unsigned long addr)
{
	unsigned char out = '.';
	int ret;

	mmap_read_lock(mm);
	ret = first_byte(mm, addr, &out);
	mmap_read_unlock(mm);
	gup_model_printf("%s = %d '%c'", what, ret, out);
}

int main(void)
{
	unsigned long buf, noread;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	noread = gup_model_add_vma("noread", 1, 0, GUP_MODEL_ANON, 0);
	gup_model_write_user(buf + PAGE_SIZE, "Q", 1);

	byte_at("readable", mm, buf + PAGE_SIZE + 7);
	byte_at("no VM_READ (forced GUP, byte not read)", mm, noread);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 1);
	byte_at("ENOMEM", mm, buf + PAGE_SIZE);
	byte_at("hole", mm, buf + 2 * PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	byte_at("fatal signal", mm, buf + PAGE_SIZE);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: unused-count-deleted.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: readable = 0 'Q'
// MODEL-NEXT: no VM_READ (forced GUP, byte not read) = 0 '.'
// MODEL-NEXT: ENOMEM = -14 '.'
// MODEL-NEXT: hole = -14 '.'
// MODEL-NEXT: fatal signal = -14 '.'
// MODEL-NEXT: == gup-model summary ==
