/* A module's main file: one NULL-vmas call, one single-VMA use. */
#include <linux/errno.h>
#include <linux/mm.h>

long drv_fault_in(struct mm_struct *mm, unsigned long start,
		  struct page **pages, int *locked)
{
	return get_user_pages_remote(mm, start, 4, FOLL_WRITE, pages, NULL,
				     locked);
}

int drv_is_shared(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	int ret;

	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret <= 0)
		return -EFAULT;
	ret = !!(vma->vm_flags & VM_SHARED);
	put_page(page);
	return ret;
}
