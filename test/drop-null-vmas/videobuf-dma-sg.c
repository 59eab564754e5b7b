// videobuf dma-sg: mirrors videobuf_dma_init_user_locked() (drivers/media/
// v4l2-core/videobuf-dma-sg.c). pin_user_pages() on `data & PAGE_MASK` with a
// struct member count, split over two lines that end
// `flags | FOLL_LONGTERM, dma->pages, NULL);`, then an `err != nr_pages` test.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define CAP_DIR_FROM_DEVICE	2

struct cap_dmabuf {
	struct page **pages;
	unsigned long nr_pages;
	unsigned long offset;
	size_t size;
	int direction;
};

int cap_dma_init_user_locked(struct cap_dmabuf *dma, int direction,
			     unsigned long data, unsigned long size)
{
	unsigned long first, last;
	int err;
	unsigned int flags = FOLL_FORCE;

	dma->direction = direction;
	first = (data          & PAGE_MASK) >> PAGE_SHIFT;
	last  = ((data+size-1) & PAGE_MASK) >> PAGE_SHIFT;
	dma->offset = data & ~PAGE_MASK;
	dma->size = size;
	dma->nr_pages = last-first+1;
	dma->pages = kmalloc_array(dma->nr_pages, sizeof(struct page *),
				   GFP_KERNEL);
	if (NULL == dma->pages)
		return -ENOMEM;

	if (direction == CAP_DIR_FROM_DEVICE)
		flags |= FOLL_WRITE;

	err = pin_user_pages(data & PAGE_MASK, dma->nr_pages,
			     flags | FOLL_LONGTERM, dma->pages, NULL);
	// CHECK-FIXES: {{^}}	err = pin_user_pages(data & PAGE_MASK, dma->nr_pages,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			     flags | FOLL_LONGTERM, dma->pages);{{$}}

	if (err != dma->nr_pages) {
		dma->nr_pages = (err >= 0) ? err : 0;
		return err < 0 ? err : -EINVAL;
	}
	return 0;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

/* videobuf_dma_free(): unpin what the init left in dma->pages. */
static void cap_dma(const char *what, int direction, unsigned long data,
		    unsigned long size)
{
	struct cap_dmabuf dma = { 0 };
	int err;

	mmap_read_lock(current->mm);
	err = cap_dma_init_user_locked(&dma, direction, data, size);
	mmap_read_unlock(current->mm);
	gup_model_printf("%s = %d, %lu pages, offset 0x%lx", what, err,
			 dma.nr_pages, dma.offset);
	if (!dma.pages)
		return;
	unpin_user_pages_dirty_lock(dma.pages, dma.nr_pages,
				    direction == CAP_DIR_FROM_DEVICE);
	kfree(dma.pages);
}

int main(void)
{
	unsigned long buf, ro, shro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON,
				GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	shro = gup_model_add_vma("shro", 1, VM_READ | VM_SHARED, GUP_MODEL_FILE, 0);

	cap_dma("from device, 3 pages from +0x100", CAP_DIR_FROM_DEVICE,
		buf + 0x100, 2 * PAGE_SIZE);
	cap_dma("to device, read-only vma", 1, ro + 8, 16);
	cap_dma("from device, read-only private (forced COW)", CAP_DIR_FROM_DEVICE, ro, 16);
	cap_dma("from device, read-only shared", CAP_DIR_FROM_DEVICE, shro, 16);
	cap_dma("past the end: 2 pinned, -EINVAL", CAP_DIR_FROM_DEVICE,
		buf + 2 * PAGE_SIZE, 4 * PAGE_SIZE);
	gup_model_inject_error(buf, ENOMEM, 1);
	cap_dma("ENOMEM", 1, buf, 16);
	cap_dma("hole", 1, buf - PAGE_SIZE, 16);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: videobuf-dma-sg.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: from device, 3 pages from +0x100 = 0, 3 pages, offset 0x100
// MODEL-NEXT: to device, read-only vma = 0, 1 pages, offset 0x8
// MODEL-NEXT: from device, read-only private (forced COW) = 0, 1 pages, offset 0x0
// MODEL-NEXT: from device, read-only shared = -14, 0 pages, offset 0x0
// MODEL-NEXT: past the end: 2 pinned, -EINVAL = -22, 2 pages, offset 0x0
// MODEL-NEXT: ENOMEM = -12, 0 pages, offset 0x0
// MODEL-NEXT: hole = -14, 0 pages, offset 0x0
// MODEL-NEXT: == gup-model summary ==
