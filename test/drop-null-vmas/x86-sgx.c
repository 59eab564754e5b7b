// x86 SGX: adding an enclave page reads the source page with get_user_pages()
// after checking the VMA with find_vma() itself; vmas is NULL, last argument.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>

struct enclave_page_info {
	unsigned long contents;
	unsigned long flags;
};

int enclave_copy_source(struct enclave_page_info *info, unsigned long src)
{
	struct vm_area_struct *vma;
	struct page *src_page;
	int ret;

	vma = find_vma(current->mm, src);
	if (!vma)
		return -EFAULT;
	if (!(vma->vm_flags & VM_EXEC))
		return -EPERM;

	ret = get_user_pages(src, 1, 0, &src_page, NULL);
	// CHECK-FIXES: ret = get_user_pages(src, 1, 0, &src_page);
	if (ret < 1)
		return -EFAULT;

	info->contents = (unsigned long)kmap_atomic(src_page);
	kunmap_atomic((void *)info->contents);
	put_page(src_page);
	return 0;
}
