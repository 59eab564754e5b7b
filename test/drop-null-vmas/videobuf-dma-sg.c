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
