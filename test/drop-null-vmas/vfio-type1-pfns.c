// VFIO type1: mirrors vaddr_get_pfns() (drivers/vfio/vfio_iommu_type1.c).
// pin_user_pages_remote() under mmap_read_lock with `flags | FOLL_LONGTERM`,
// arguments over two lines ending `pages, NULL, NULL);`: the vmas NULL goes,
// the locked NULL stays; then a VM_PFNMAP fallback through vma_lookup().
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

#define DMA_PROT_WRITE		(1 << 1)

static int pfnmap_lookup(struct vm_area_struct *vma, unsigned long vaddr,
			 unsigned long *pfn)
{
	if (!(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	*pfn = (unsigned long)vma->vm_private_data +
	       ((vaddr - vma->vm_start) >> PAGE_SHIFT);
	return 1;
}

int dma_vaddr_get_pfns(struct mm_struct *mm, unsigned long vaddr,
		       long npages, int prot, unsigned long *pfn,
		       struct page **pages)
{
	struct vm_area_struct *vma;
	unsigned int flags = 0;
	int ret;

	if (prot & DMA_PROT_WRITE)
		flags |= FOLL_WRITE;

	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, vaddr, npages, flags | FOLL_LONGTERM,
				    pages, NULL, NULL);
	// CHECK-FIXES: {{^}}	ret = pin_user_pages_remote(mm, vaddr, npages, flags | FOLL_LONGTERM,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				    pages, NULL);{{$}}
	if (ret > 0) {
		int i;

		for (i = 0; i < ret; i++) {
			if (unlikely(is_zero_page(pages[i])))
				unpin_user_page(pages[i]);
		}

		*pfn = page_to_pfn(pages[0]);
		goto done;
	}

	vma = vma_lookup(mm, vaddr);
	if (vma && vma->vm_flags & VM_PFNMAP)
		ret = pfnmap_lookup(vma, vaddr, pfn);
done:
	mmap_read_unlock(mm);
	return ret;
}
