// usnic: mirrors usnic_uiom_get_pages() (drivers/infiniband/hw/usnic/
// usnic_uiom.c). pin_user_pages() in a `while (npages)` loop with a
// `min_t(unsigned long, ...)` argument that is itself split over two lines,
// `gup_flags | FOLL_LONGTERM`, and `page_list, NULL);` on the last line.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct uiom_region {
	unsigned long nr_pinned;
	struct mm_struct *owning_mm;
};

int uiom_get_pages(unsigned long addr, size_t size, int writable,
		   struct uiom_region *reg)
{
	struct page **page_list;
	unsigned long npages, cur_base;
	unsigned int gup_flags;
	struct mm_struct *mm;
	int ret;

	page_list = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;

	npages = PAGE_ALIGN(size + (addr & ~PAGE_MASK)) >> PAGE_SHIFT;

	reg->owning_mm = mm = current->mm;
	mmap_read_lock(mm);

	gup_flags = FOLL_WRITE;
	gup_flags |= (writable) ? 0 : FOLL_FORCE;
	cur_base = addr & PAGE_MASK;
	ret = 0;

	while (npages) {
		ret = pin_user_pages(cur_base,
				     min_t(unsigned long, npages,
				     PAGE_SIZE / sizeof(struct page *)),
				     gup_flags | FOLL_LONGTERM,
				     page_list, NULL);
		// CHECK-FIXES: {{^}}		ret = pin_user_pages(cur_base,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     min_t(unsigned long, npages,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     PAGE_SIZE / sizeof(struct page *)),{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     gup_flags | FOLL_LONGTERM,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     page_list);{{$}}

		if (ret < 0)
			goto out;

		npages -= ret;
		cur_base += ret * PAGE_SIZE;
		reg->nr_pinned += ret;
		unpin_user_pages(page_list, ret);
		ret = 0;
	}

out:
	mmap_read_unlock(mm);
	kfree(page_list);
	return ret;
}
