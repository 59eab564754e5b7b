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
