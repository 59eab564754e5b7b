// powerpc: mirrors mm_iommu_do_alloc() (arch/powerpc/mm/book3s64/iommu_api.c).
// pin_user_pages() in a chunked for loop, start `ua + (entry << PAGE_SHIFT)`,
// pages `mem->hpages + entry`; the call is split over three lines with a
// two-tab continuation and ends `mem->hpages + entry, NULL);`.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define PREREG_MAX_ORDER	11

struct prereg_mem {
	struct page **hpages;
	unsigned long ua;
	unsigned long entries;
};

long prereg_pin(struct mm_struct *mm, struct prereg_mem *mem,
		unsigned long ua, unsigned long entries)
{
	long ret = 0, pinned = 0;
	unsigned long entry, chunk;

	mem->hpages = kvcalloc(entries, sizeof(mem->hpages[0]), GFP_KERNEL);
	if (!mem->hpages)
		return -ENOMEM;

	mmap_read_lock(mm);
	chunk = (1UL << (PAGE_SHIFT + PREREG_MAX_ORDER - 1)) /
			sizeof(struct vm_area_struct *);
	chunk = min(chunk, entries);
	for (entry = 0; entry < entries; entry += chunk) {
		unsigned long n = min(entries - entry, chunk);

		ret = pin_user_pages(ua + (entry << PAGE_SHIFT), n,
				FOLL_WRITE | FOLL_LONGTERM,
				mem->hpages + entry, NULL);
		// CHECK-FIXES: {{^}}		ret = pin_user_pages(ua + (entry << PAGE_SHIFT), n,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				FOLL_WRITE | FOLL_LONGTERM,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				mem->hpages + entry);{{$}}
		if (ret == n) {
			pinned += n;
			continue;
		}
		if (ret > 0)
			pinned += ret;
		break;
	}
	mmap_read_unlock(mm);
	if (pinned != entries) {
		if (!ret)
			ret = -EFAULT;
		unpin_user_pages(mem->hpages, pinned);
		kvfree(mem->hpages);
		return ret;
	}

	mem->ua = ua;
	mem->entries = entries;
	return 0;
}
