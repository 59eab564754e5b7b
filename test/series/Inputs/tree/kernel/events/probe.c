/* Patching one word of another process: one page and its VMA. */
#include <linux/mm.h>

int probe_poke(struct mm_struct *mm, unsigned long vaddr)
{
	struct vm_area_struct *vma;
	struct page *page;
	int ret;

	ret = get_user_pages_remote(mm, vaddr, 1, FOLL_FORCE, &page, &vma,
				    NULL);
	if (ret <= 0)
		return ret;

	ret = (vma->vm_flags & VM_WRITE) ? 0 : -1;
	put_page(page);
	return ret;
}
