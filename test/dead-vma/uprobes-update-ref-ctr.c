// uprobes __update_ref_ctr(): &vma is passed but the VMA is never read. The
// argument goes, and so does the local, so no -Wunused warning is left
// (the harness compiles the result with -Wall -Werror).
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>

static int update_counter(struct mm_struct *mm, unsigned long vaddr, short d)
{
	void *kaddr;
	struct page *page;
	struct vm_area_struct *vma;
	int ret;
	short *ptr;

	if (!vaddr || !d)
		return -EINVAL;

	ret = get_user_pages_remote(mm, vaddr, 1,
			FOLL_WRITE, &page, &vma, NULL);
	if (unlikely(ret <= 0))
		return ret == 0 ? -EBUSY : ret;

	kaddr = page_address(page);
	ptr = kaddr + (vaddr & ~PAGE_MASK);
	if (unlikely(*ptr + d < 0)) {
		pr_warn("counter would go negative at %lx\n", vaddr);
		ret = -EINVAL;
		goto out;
	}
	*ptr += d;
	ret = 0;
out:
	put_page(page);
	return ret;
}
// CHECK-FIXES:      {{^}}	struct page *page;{{$}}
// CHECK-FIXES-NEXT: {{^}}	int ret;{{$}}
// CHECK-FIXES:      {{^}}	ret = get_user_pages_remote(mm, vaddr, 1,{{$}}
// CHECK-FIXES-NEXT: {{^}}			FOLL_WRITE, &page, NULL);{{$}}

int counter_inc(struct mm_struct *mm, unsigned long vaddr)
{
	return update_counter(mm, vaddr, 1);
}
