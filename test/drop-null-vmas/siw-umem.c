// siw: mirrors siw_umem_get() (drivers/infiniband/sw/siw/siw_mem.c).
// pin_user_pages() nested two loops deep (per chunk, then `while (nents)`),
// indented three tabs, `foll_flags | FOLL_LONGTERM` on its own line and
// `plist, NULL);` last; the page-list cursor is advanced by the result.
// RUN: %check-rewrite %s %t

#include <linux/err.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define UMEM_PAGES_PER_CHUNK	256

struct umem_chunk {
	struct page **plist;
};

struct soft_umem {
	struct umem_chunk *page_chunk;
	unsigned long num_pages;
	unsigned long fp_addr;
};

int soft_umem_pin(struct soft_umem *umem, struct mm_struct *mm_s,
		  unsigned long first_page_va, unsigned long num_pages,
		  bool writable)
{
	unsigned long num_chunks =
		DIV_ROUND_UP(num_pages, UMEM_PAGES_PER_CHUNK);
	unsigned int foll_flags = FOLL_WRITE;
	int i, rv = 0;

	if (!writable)
		foll_flags |= FOLL_FORCE;

	mmap_read_lock(mm_s);
	umem->fp_addr = first_page_va;
	umem->page_chunk =
		kcalloc(num_chunks, sizeof(struct umem_chunk), GFP_KERNEL);
	if (!umem->page_chunk) {
		rv = -ENOMEM;
		goto out_sem_up;
	}
	for (i = 0; num_pages; i++) {
		int nents = min_t(int, num_pages, UMEM_PAGES_PER_CHUNK);
		struct page **plist =
			kcalloc(nents, sizeof(struct page *), GFP_KERNEL);

		if (!plist) {
			rv = -ENOMEM;
			goto out_sem_up;
		}
		umem->page_chunk[i].plist = plist;
		while (nents) {
			rv = pin_user_pages(first_page_va, nents,
					    foll_flags | FOLL_LONGTERM,
					    plist, NULL);
			// CHECK-FIXES: {{^}}			rv = pin_user_pages(first_page_va, nents,{{$}}
			// CHECK-FIXES-NEXT: {{^}}					    foll_flags | FOLL_LONGTERM,{{$}}
			// CHECK-FIXES-NEXT: {{^}}					    plist);{{$}}
			if (rv < 0)
				goto out_sem_up;

			umem->num_pages += rv;
			first_page_va += rv * PAGE_SIZE;
			plist += rv;
			nents -= rv;
			num_pages -= rv;
		}
	}
out_sem_up:
	mmap_read_unlock(mm_s);
	return rv < 0 ? rv : 0;
}
