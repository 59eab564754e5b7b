// The old code reads the VMA on the failure path without looking it up: it
// saw whatever the variable held before. The rewrite looks it up on that
// path too, so the VMA is written on every path before it is read (no NULL
// initialisation is needed), and `return ret` becomes the helper's errno.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

long probe_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret <= 0) {
		if (vma && (vma->vm_flags & VM_IO))
			return -EIO;
		return ret;
	}
	ret = vma->vm_flags & VM_WRITE;
	put_page(page);
	return ret;
}
// CHECK-FIXES:      {{^}}	struct vm_area_struct *vma;{{$}}
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, addr, 0, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		vma = vma_lookup(mm, addr);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (vma && (vma->vm_flags & VM_IO)){{$}}
// CHECK-FIXES-NEXT: {{^}}			return -EIO;{{$}}
// CHECK-FIXES-NEXT: {{^}}		return page ? PTR_ERR(page) : 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>
// Only successful calls are driven: on every failure path the original
// reads `vma` uninitialised (GUP writes vmas[] only for pages it returns),
// which is undefined behaviour, so there is no "before" behaviour to compare
// the rewrite's vma_lookup() branch with. The rewritten failure path is
// checked by the CHECK-FIXES lines above.

static void probe(const char *what, struct mm_struct *mm, unsigned long addr)
{
	long ret;

	mmap_read_lock(mm);
	ret = probe_page(mm, addr);
	mmap_read_unlock(mm);
	gup_model_printf("%s = %ld", what, ret);
}

int main(void)
{
	unsigned long buf, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_FILE, 0);

	probe("writable", mm, buf + PAGE_SIZE);
	probe("read-only", mm, ro + 12);
	gup_model_inject_retry(buf, 1);
	probe("fault retry (waits, no locked)", mm, buf);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: vma-read-on-failure.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: writable = 2
// MODEL-NEXT: read-only = 0
// MODEL-NEXT: fault retry (waits, no locked) = 2
// MODEL-NEXT: == gup-model summary ==
