// vhost-vdpa: mirrors vhost_vdpa_pa_map() (drivers/vhost/vdpa.c).
// In a `while (npages)` loop, `sz2pin = min_t(...)` then pin_user_pages()
// split over two lines ending `gup_flags, page_list, NULL);`, then the
// `sz2pin != pinned` check that unpins a short batch.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define MAP_ACCESS_WO		0x2

struct map_dev {
	struct mm_struct *mm;
	unsigned long mapped;
};

int map_dev_pa_map(struct map_dev *dev, u64 uaddr, u64 size, u32 perm)
{
	struct page **page_list;
	unsigned long list_size = PAGE_SIZE / sizeof(struct page *);
	unsigned int gup_flags = FOLL_LONGTERM;
	unsigned long npages, cur_base, sz2pin;
	long pinned;
	int ret = 0;

	page_list = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;

	if (perm & MAP_ACCESS_WO)
		gup_flags |= FOLL_WRITE;

	npages = (size + (uaddr & ~PAGE_MASK) + PAGE_SIZE - 1) >> PAGE_SHIFT;
	mmap_read_lock(dev->mm);
	cur_base = uaddr & PAGE_MASK;

	while (npages) {
		sz2pin = min_t(unsigned long, npages, list_size);
		pinned = pin_user_pages(cur_base, sz2pin,
					gup_flags, page_list, NULL);
		// CHECK-FIXES: {{^}}		pinned = pin_user_pages(cur_base, sz2pin,{{$}}
		// CHECK-FIXES-NEXT: {{^}}					gup_flags, page_list);{{$}}
		if (sz2pin != pinned) {
			if (pinned < 0) {
				ret = pinned;
			} else {
				unpin_user_pages(page_list, pinned);
				ret = -ENOMEM;
			}
			goto out;
		}

		dev->mapped += pinned;
		unpin_user_pages(page_list, pinned);
		cur_base += pinned * PAGE_SIZE;
		npages -= pinned;
	}
out:
	mmap_read_unlock(dev->mm);
	kfree(page_list);
	return ret;
}
