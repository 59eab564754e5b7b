/* Hand-written rewrite of harness-peek.c: WRONG, the NULL branch (-EIO) is lost: PTR_ERR(NULL) is 0. */
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
		err = PTR_ERR(page);
		goto out;
	}
	if (vma->vm_flags & VM_SHARED) {
		put_page(page);
		err = -EPERM;
		goto out;
	}
	kaddr = kmap_local_page(page);
	memcpy(val, kaddr + offset_in_page(addr), sizeof(*val));
	kunmap_local(kaddr);
	put_page(page);
out:
	mmap_read_unlock(mm);
	return err;
}
