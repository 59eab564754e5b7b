// s390 KVM: mirrors get_map_page() (arch/s390/kvm/interrupt.c). The result of
// get_user_pages_remote() is ignored (the page pointer, preset to NULL, is the
// result); `&page, NULL, NULL);` on the continuation line loses one NULL.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

struct guest_vm {
	struct mm_struct *mm;
};

static struct page *guest_map_page(struct guest_vm *vm, u64 uaddr)
{
	struct page *page = NULL;

	mmap_read_lock(vm->mm);
	get_user_pages_remote(vm->mm, uaddr, 1, FOLL_WRITE,
			      &page, NULL, NULL);
	// CHECK-FIXES: {{^}}	get_user_pages_remote(vm->mm, uaddr, 1, FOLL_WRITE,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			      &page, NULL);{{$}}
	mmap_read_unlock(vm->mm);
	return page;
}

int guest_set_indicator(struct guest_vm *vm, u64 uaddr, unsigned long bit)
{
	struct page *page;
	unsigned long *map;

	page = guest_map_page(vm, uaddr);
	if (!page)
		return -EFAULT;
	map = page_address(page);
	map[(uaddr % PAGE_SIZE) / sizeof(long)] |= 1UL << bit;
	set_page_dirty_lock(page);
	put_page(page);
	return 0;
}
