/* One header, two configurations: with CONFIG_PEEK_FLAGS the VMA is read
 * (single-vma-helper), without it the VMA is dead (dead-vma). The same call
 * gets two different edits depending on the TU. */
#include <linux/mm.h>

static inline long peek_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret <= 0)
		return ret;
#ifdef CONFIG_PEEK_FLAGS
	ret = vma->vm_flags;
#endif
	put_page(page);
	return ret;
}
