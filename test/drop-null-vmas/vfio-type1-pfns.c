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

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void get_pfns(const char *what, struct mm_struct *mm, unsigned long vaddr,
		     long npages, int prot)
{
	struct page *pages[8] = { NULL };
	unsigned long pfn = 0;
	int ret = dma_vaddr_get_pfns(mm, vaddr, npages, prot, &pfn, pages);
	int i;

	gup_model_printf("%s = %d pfn=0x%lx", what, ret, pfn);
	/* pages[] is only filled by the pin, not by the PFNMAP fallback */
	for (i = 0; i < ret && pages[0]; i++) {
		gup_model_printf("  %s", gup_model_page_name(pages[i]));
		if (!is_zero_page(pages[i]))
			unpin_user_page(pages[i]);
	}
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, lazy, io, iro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("user");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	lazy = gup_model_add_vma("lazy", 2, rw, GUP_MODEL_ANON, 0);
	io = gup_model_add_vma("io", 4, rw, GUP_MODEL_IOMEM, 0);
	iro = gup_model_add_vma("iro", 1, VM_READ, GUP_MODEL_IOMEM, 0);

	get_pfns("2 pages for write", mm, buf + PAGE_SIZE, 2, DMA_PROT_WRITE);
	get_pfns("read of untouched memory: zero pages", mm, lazy, 2, 0);
	get_pfns("past the end", mm, buf + 2 * PAGE_SIZE, 4, DMA_PROT_WRITE);
	gup_model_inject_error(buf, ENOMEM, 1);
	get_pfns("ENOMEM", mm, buf, 1, 0);
	get_pfns("no pages", mm, buf, 0, 0);
	get_pfns("PFNMAP fallback, page 2", mm, io + 2 * PAGE_SIZE, 1, DMA_PROT_WRITE);
	get_pfns("PFNMAP fallback, read-only vma", mm, iro, 1, 0);
	get_pfns("hole", mm, buf + 4 * PAGE_SIZE, 1, 0);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: vfio-type1-pfns.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 2 pages for write = 2 pfn=0x100001
// MODEL-NEXT:   buf+1
// MODEL-NEXT:   buf+2
// MODEL-NEXT: read of untouched memory: zero pages = 2 pfn=0x10
// MODEL-NEXT:   zero
// MODEL-NEXT:   zero
// MODEL-NEXT: past the end = 2 pfn=0x100002
// MODEL-NEXT:   buf+2
// MODEL-NEXT:   buf+3
// MODEL-NEXT: ENOMEM = -12 pfn=0x0
// MODEL-NEXT: no pages = 0 pfn=0x0
// MODEL-NEXT: PFNMAP fallback, page 2 = 1 pfn=0x2
// MODEL-NEXT: PFNMAP fallback, read-only vma = -14 pfn=0x0
// MODEL-NEXT: hole = -14 pfn=0x0
// MODEL-NEXT: == gup-model summary ==
