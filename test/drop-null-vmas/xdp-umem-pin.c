// AF_XDP umem: mirrors xdp_umem_pin_pages() (net/xdp/xdp_umem.c).
// pin_user_pages() split over two lines, the second ending
// `gup_flags | FOLL_LONGTERM, &umem->pgs[0], NULL);` (pages is an
// address-of-element expression), between mmap_read_lock/unlock of current->mm.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct sock_umem {
	struct page **pgs;
	u32 npgs;
};

int sock_umem_pin_pages(struct sock_umem *umem, unsigned long address)
{
	unsigned int gup_flags = FOLL_WRITE;
	long npgs;
	int err;

	umem->pgs = kvcalloc(umem->npgs, sizeof(*umem->pgs), GFP_KERNEL | __GFP_NOWARN);
	if (!umem->pgs)
		return -ENOMEM;

	mmap_read_lock(current->mm);
	npgs = pin_user_pages(address, umem->npgs,
			      gup_flags | FOLL_LONGTERM, &umem->pgs[0], NULL);
	// CHECK-FIXES: {{^}}	npgs = pin_user_pages(address, umem->npgs,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			      gup_flags | FOLL_LONGTERM, &umem->pgs[0]);{{$}}
	mmap_read_unlock(current->mm);

	if (npgs != umem->npgs) {
		if (npgs >= 0) {
			umem->npgs = npgs;
			err = -ENOMEM;
			goto out_pin;
		}
		err = npgs;
		goto out_pgs;
	}
	return 0;

out_pin:
	unpin_user_pages_dirty_lock(umem->pgs, umem->npgs, true);
out_pgs:
	kvfree(umem->pgs);
	umem->pgs = NULL;
	return err;
}
