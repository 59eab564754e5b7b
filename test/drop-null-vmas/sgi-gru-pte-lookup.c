// sgi-gru: mirrors non_atomic_pte_lookup() (drivers/misc/sgi-gru/grufault.c).
// The get_user_pages() call is itself the left operand of `<= 0` inside an
// if condition, on one line, with `write ? FOLL_WRITE : 0` and `&page`.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/hugetlb.h>
#include <linux/mm.h>
#include <linux/sched.h>

#define ACC_HPAGE_SHIFT		21

static int acc_slow_pte_lookup(struct vm_area_struct *vma,
			       unsigned long vaddr, int write,
			       unsigned long *paddr, int *pageshift)
{
	struct page *page;

	*pageshift = is_vm_hugetlb_page(vma) ? ACC_HPAGE_SHIFT : PAGE_SHIFT;
	if (get_user_pages(vaddr, 1, write ? FOLL_WRITE : 0, &page, NULL) <= 0)
		return -EFAULT;
	// CHECK-FIXES: {{^}}	if (get_user_pages(vaddr, 1, write ? FOLL_WRITE : 0, &page) <= 0){{$}}
	*paddr = page_to_pfn(page) << PAGE_SHIFT;
	put_page(page);
	return 0;
}

int acc_vtop(unsigned long vaddr, int write, unsigned long *gpa,
	     int *pageshift)
{
	struct vm_area_struct *vma;
	unsigned long paddr;

	vma = find_vma(current->mm, vaddr);
	if (!vma || vaddr < vma->vm_start)
		return -EFAULT;
	if (acc_slow_pte_lookup(vma, vaddr, write, &paddr, pageshift))
		return -EFAULT;
	*gpa = paddr | (vaddr & ~PAGE_MASK);
	return 0;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void vtop(const char *what, unsigned long vaddr, int write)
{
	unsigned long gpa = 0;
	int pageshift = 0, ret;

	mmap_read_lock(current->mm);
	ret = acc_vtop(vaddr, write, &gpa, &pageshift);
	mmap_read_unlock(current->mm);
	gup_model_printf("%s = %d gpa=0x%lx shift=%d", what, ret, gpa, pageshift);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, huge, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 2, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	huge = gup_model_add_vma("huge", 4, rw | VM_SHARED, GUP_MODEL_HUGETLBFS, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	vtop("read buf+1+0x123", buf + PAGE_SIZE + 0x123, 0);
	vtop("write buf+0", buf, 1);
	vtop("hugetlbfs page 2", huge + 2 * PAGE_SIZE + 8, 1);
	vtop("write to read-only", ro, 1);
	gup_model_inject_error(buf, ENOMEM, 1);
	vtop("ENOMEM", buf, 0);
	vtop("below every vma", buf - PAGE_SIZE, 0);
	vtop("above every vma", ro + PAGE_SIZE, 0);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: sgi-gru-pte-lookup.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: read buf+1+0x123 = 0 gpa=0x100001123 shift=12
// MODEL-NEXT: write buf+0 = 0 gpa=0x100000000 shift=12
// MODEL-NEXT: hugetlbfs page 2 = 0 gpa=0x200002008 shift=21
// MODEL-NEXT: write to read-only = -14 gpa=0x0 shift=12
// MODEL-NEXT: ENOMEM = -14 gpa=0x0 shift=12
// MODEL-NEXT: below every vma = -14 gpa=0x0 shift=0
// MODEL-NEXT: above every vma = -14 gpa=0x0 shift=0
// MODEL-NEXT: == gup-model summary ==
