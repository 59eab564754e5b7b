// KVM: mirrors check_user_page_hwpoison() (virt/kvm/kvm_main.c), a static
// inline probe that faults one page in with get_user_pages() passing NULL for
// pages as well as for vmas: only the second NULL (vmas, by position) may go,
// the pages NULL must survive.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

static inline int hva_page_is_hwpoison(unsigned long addr)
{
	int rc, flags = FOLL_HWPOISON | FOLL_WRITE;

	rc = get_user_pages(addr, 1, flags, NULL, NULL);
	// CHECK-FIXES: {{^}}	rc = get_user_pages(addr, 1, flags, NULL);{{$}}
	return rc == -EHWPOISON;
}

long guest_hva_to_pfn_fallback(unsigned long addr, unsigned long *pfn)
{
	struct vm_area_struct *vma;
	long ret = -EFAULT;

	mmap_read_lock(current->mm);
	if (hva_page_is_hwpoison(addr)) {
		ret = -EHWPOISON;
		goto out;
	}
	vma = vma_lookup(current->mm, addr);
	if (vma && (vma->vm_flags & VM_PFNMAP)) {
		*pfn = (addr - vma->vm_start) >> PAGE_SHIFT;
		ret = 0;
	}
out:
	mmap_read_unlock(current->mm);
	return ret;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void hva_to_pfn(const char *what, unsigned long addr)
{
	unsigned long pfn = ~0UL;
	long ret = guest_hva_to_pfn_fallback(addr, &pfn);

	gup_model_printf("%s = %ld pfn=%ld", what, ret, (long)pfn);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, mem, io, ro;

	gup_model_begin();
	mem = gup_model_add_vma("mem", 2, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	io = gup_model_add_vma("io", 4, rw, GUP_MODEL_IOMEM, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	/* the probe takes no page references (pages NULL) */
	gup_model_set_verbose(true);

	hva_to_pfn("healthy anon page", mem);
	gup_model_inject_error(mem + PAGE_SIZE, EHWPOISON, 1);
	hva_to_pfn("poisoned page", mem + PAGE_SIZE);
	hva_to_pfn("same page, poison gone", mem + PAGE_SIZE);
	gup_model_inject_error(mem, ENOMEM, 1);
	hva_to_pfn("ENOMEM is not poison", mem);
	hva_to_pfn("PFNMAP page 3", io + 3 * PAGE_SIZE);
	hva_to_pfn("read-only", ro);
	hva_to_pfn("hole", mem + 2 * PAGE_SIZE);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: kvm-hwpoison.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: gup: get_user_pages(mem+0, 1, WRITE|HWPOISON) = 1
// MODEL-NEXT: healthy anon page = -14 pfn=-1
// MODEL-NEXT: gup: get_user_pages(mem+1, 1, WRITE|HWPOISON) = -133
// MODEL-NEXT: poisoned page = -133 pfn=-1
// MODEL-NEXT: gup: get_user_pages(mem+1, 1, WRITE|HWPOISON) = 1
// MODEL-NEXT: same page, poison gone = -14 pfn=-1
// MODEL-NEXT: gup: get_user_pages(mem+0, 1, WRITE|HWPOISON) = -12
// MODEL-NEXT: ENOMEM is not poison = -14 pfn=-1
// MODEL-NEXT: gup: get_user_pages(io+3, 1, WRITE|HWPOISON) = -14
// MODEL-NEXT: PFNMAP page 3 = 0 pfn=3
// MODEL-NEXT: gup: get_user_pages(ro+0, 1, WRITE|HWPOISON) = -14
// MODEL-NEXT: read-only = -14 pfn=-1
// MODEL-NEXT: gup: get_user_pages(0x10002000, 1, WRITE|HWPOISON) = -14
// MODEL-NEXT: hole = -14 pfn=-1
// MODEL-NEXT: == gup-model summary ==
