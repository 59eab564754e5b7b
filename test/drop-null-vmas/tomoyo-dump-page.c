// TOMOYO: mirrors tomoyo_dump_page() (security/tomoyo/domain.c). At exec time,
// get_user_pages_remote() on the new image's mm with `FOLL_FORCE, &page, NULL,
// NULL);` on the continuation line, between mmap_read_lock/unlock of that mm,
// then `if (ret <= 0) return false;`.
// RUN: %check-rewrite %s %t

#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

struct exec_args {
	struct mm_struct *mm;
};

struct arg_page_dump {
	struct page *page;
	char *data;
};

bool arg_dump_page(struct exec_args *args, unsigned long pos,
		   struct arg_page_dump *dump)
{
	struct page *page;
	int ret;

	if (!dump->data) {
		dump->data = kzalloc(PAGE_SIZE, GFP_KERNEL);
		if (!dump->data)
			return false;
	}
	mmap_read_lock(args->mm);
	ret = get_user_pages_remote(args->mm, pos, 1,
				    FOLL_FORCE, &page, NULL, NULL);
	// CHECK-FIXES: {{^}}	ret = get_user_pages_remote(args->mm, pos, 1,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				    FOLL_FORCE, &page, NULL);{{$}}
	mmap_read_unlock(args->mm);
	if (ret <= 0)
		return false;
	if (page != dump->page) {
		const unsigned int offset = pos % PAGE_SIZE;
		char *kaddr = kmap_atomic(page);

		dump->page = page;
		memcpy(dump->data + offset, kaddr + offset,
		       PAGE_SIZE - offset);
		kunmap_atomic(kaddr);
	}
	put_page(page);
	return true;
}
