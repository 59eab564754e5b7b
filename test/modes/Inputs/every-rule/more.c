/*
 * The call-site shapes the series tree lacks, one per rule. The sites that
 * need a human all call pin_user_pages_remote(), so the other APIs are
 * migrated and each rule's edits show.
 */
#include <linux/mm.h>

struct holder {
	struct vm_area_struct **vmas;
};

typedef long (*pin_fn)(struct mm_struct *, unsigned long, unsigned long,
		       unsigned int, struct page **, struct vm_area_struct **,
		       int *);

pin_fn more_pinner = pin_user_pages_remote;

int more_dead_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret <= 0)
		return -EFAULT;
	put_page(page);
	return 0;
}

int more_lookup(unsigned long addr, struct page **page)
{
	struct vm_area_struct *vma;

	if (get_user_pages(addr, 1, 0, page, &vma) != 1)
		return -EFAULT;
	return (vma->vm_flags & VM_WRITE) != 0;
}

long more_member(struct mm_struct *mm, struct holder *h, unsigned long addr,
		 struct page **pages)
{
	return pin_user_pages_remote(mm, addr, 1, 0, pages, h->vmas, NULL);
}

int more_after_unlock(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	mmap_read_unlock(mm);
	if (ret <= 0)
		return -EFAULT;
	ret = vma->vm_flags & VM_WRITE;
	unpin_user_pages(&page, 1);
	return ret;
}

#ifdef CONFIG_MORE_SKIPPED
long more_skipped(unsigned long addr, struct page **page)
{
	return pin_user_pages(addr, 1, 0, page, NULL);
}
#endif
