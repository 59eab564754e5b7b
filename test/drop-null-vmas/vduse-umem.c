// vduse: mirrors vduse_dev_reg_umem() (drivers/vdpa/vdpa_user/vduse_dev.c).
// pin_user_pages() of the whole range with FOLL_LONGTERM | FOLL_WRITE, split
// over two lines with `page_list, NULL);` on the second, result in a long
// compared with the request, partial pins undone on the error path.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct bounce_umem {
	struct page **pages;
	unsigned long npages;
	u64 iova;
};

int bounce_reg_umem(struct bounce_umem **slot, u64 iova, u64 uaddr, u64 size)
{
	struct page **page_list = NULL;
	struct bounce_umem *umem = NULL;
	long pinned = 0;
	unsigned long npages;
	int ret;

	if (iova != 0 || uaddr & ~PAGE_MASK)
		return -EINVAL;

	ret = -ENOMEM;
	npages = size >> PAGE_SHIFT;
	page_list = kvmalloc_array(npages, sizeof(struct page *), GFP_KERNEL);
	umem = kzalloc(sizeof(*umem), GFP_KERNEL);
	if (!page_list || !umem)
		goto unlock;

	mmap_read_lock(current->mm);

	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE,
				page_list, NULL);
	// CHECK-FIXES: {{^}}	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				page_list);{{$}}
	if (pinned != npages) {
		ret = pinned < 0 ? pinned : -ENOMEM;
		goto out;
	}

	umem->pages = page_list;
	umem->npages = pinned;
	umem->iova = iova;
	*slot = umem;
	ret = 0;
out:
	if (ret && pinned > 0)
		unpin_user_pages(page_list, pinned);

	mmap_read_unlock(current->mm);
unlock:
	if (ret) {
		kvfree(page_list);
		kfree(umem);
	}
	return ret;
}
