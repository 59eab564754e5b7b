// The call used directly as the condition of an if: the helper's result is
// stored first, then tested; a count that only lived in the condition
// leaves nothing behind.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

int vma_is_writable_at(struct mm_struct *mm, unsigned long addr)
{
	struct page *page;
	struct vm_area_struct *vma;
	int writable;

	if (get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL) != 1)
		return -EFAULT;
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, addr, 0, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return -EFAULT;{{$}}
	writable = !!(vma->vm_flags & VM_WRITE);
	put_page(page);
	return writable;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void writable_at(const char *what, struct mm_struct *mm, unsigned long addr)
{
	int ret;

	mmap_read_lock(mm);
	ret = vma_is_writable_at(mm, addr);
	mmap_read_unlock(mm);
	gup_model_printf("%s = %d", what, ret);
}

int main(void)
{
	unsigned long buf, ro, io;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_FILE, 0);
	io = gup_model_add_vma("io", 1, VM_READ | VM_WRITE, GUP_MODEL_IOMEM, 0);

	writable_at("writable anon", mm, buf + PAGE_SIZE);
	writable_at("read-only file", mm, ro);
	gup_model_inject_error(buf, ENOMEM, 1);
	writable_at("ENOMEM", mm, buf);
	gup_model_inject_retry(buf, 1);
	writable_at("fault retry (waits, no locked)", mm, buf);
	writable_at("device memory", mm, io);
	writable_at("hole", mm, buf + 2 * PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	writable_at("fatal signal", mm, buf);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: call-in-condition.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: writable anon = 1
// MODEL-NEXT: read-only file = 0
// MODEL-NEXT: ENOMEM = -14
// MODEL-NEXT: fault retry (waits, no locked) = 1
// MODEL-NEXT: device memory = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -14
// MODEL-NEXT: == gup-model summary ==
