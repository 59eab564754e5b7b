// mm/rmap.c: mirrors make_device_exclusive_range(). get_user_pages_remote()
// with FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD on a line of its own and
// `pages, NULL, NULL);` on the last one, result assigned to the page count,
// then a loop over the returned pages that drops the ones it cannot claim.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

static bool dev_claim_page(struct page *page, struct mm_struct *mm,
			   unsigned long addr, void *owner)
{
	return owner && !is_zero_page(page);
}

int dev_make_range_exclusive(struct mm_struct *mm, unsigned long start,
			     unsigned long end, struct page **pages,
			     void *owner)
{
	long npages = (end - start) >> PAGE_SHIFT;
	long i;

	npages = get_user_pages_remote(mm, start, npages,
				       FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD,
				       pages, NULL, NULL);
	// CHECK-FIXES: {{^}}	npages = get_user_pages_remote(mm, start, npages,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				       FOLL_GET | FOLL_WRITE | FOLL_SPLIT_PMD,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				       pages, NULL);{{$}}
	if (npages < 0)
		return npages;

	for (i = 0; i < npages; i++, start += PAGE_SIZE) {
		if (!dev_claim_page(pages[i], mm, start, owner)) {
			put_page(pages[i]);
			pages[i] = NULL;
		}
	}

	return npages;
}
