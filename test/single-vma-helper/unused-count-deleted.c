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
// CHECK-FIXES:      {{^}}	page = get_user_page_vma_remote(mm, addr, FOLL_FORCE, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (!IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
	return (int)unrelated;
}
