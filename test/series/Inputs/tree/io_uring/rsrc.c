/* Long-term pins of a user buffer, refusing file-backed memory. */
#include <linux/mm.h>

struct page **pin_buffer(unsigned long ubuf, unsigned long nr_pages)
{
	struct vm_area_struct **vmas = NULL;
	struct page **pages;
	long i, pret;
	int ret = 0;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *));
	if (!pages)
		return ERR_PTR(-ENOMEM);
	vmas = kvmalloc_array(nr_pages, sizeof(struct vm_area_struct *));
	if (!vmas) {
		kvfree(pages);
		return ERR_PTR(-ENOMEM);
	}

	mmap_read_lock(current->mm);
	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM,
			      pages, vmas);
	if (pret == nr_pages) {
		for (i = 0; i < nr_pages; i++) {
			if (vmas[i]->vm_file && !vma_is_shmem(vmas[i])) {
				ret = -EOPNOTSUPP;
				break;
			}
		}
	} else {
		ret = pret < 0 ? pret : -EFAULT;
	}
	mmap_read_unlock(current->mm);
	kvfree(vmas);
	if (ret) {
		if (pret > 0)
			unpin_user_pages(pages, pret);
		kvfree(pages);
		return ERR_PTR(ret);
	}
	return pages;
}
