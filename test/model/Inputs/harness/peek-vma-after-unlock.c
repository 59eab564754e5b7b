/* Hand-written rewrite of harness-peek.c: WRONG, the VMA is checked after mmap_read_unlock(). */
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>

int peek_word(struct mm_struct *mm, unsigned long addr, unsigned int gup_flags,
	      u32 *val)
{
	struct vm_area_struct *vma;
	struct page *page;
	int err = 0;
	char *kaddr;

	mmap_read_lock(mm);
	page = get_user_page_vma_remote(mm, addr, gup_flags, &vma);
	if (IS_ERR_OR_NULL(page)) {
		err = page == NULL ? -EIO : PTR_ERR(page);
		goto out;
	}
	mmap_read_unlock(mm);
	if (vma->vm_flags & VM_SHARED) {
		put_page(page);
		return -EPERM;
	}
	kaddr = kmap_local_page(page);
	memcpy(val, kaddr + offset_in_page(addr), sizeof(*val));
	kunmap_local(kaddr);
	put_page(page);
	return 0;
out:
	mmap_read_unlock(mm);
	return err;
}
