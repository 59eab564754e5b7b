// SPDX-License-Identifier: GPL-2.0
/*
 * Long-term pins of a user buffer through a wrapper of the driver's own,
 * which takes a vmas array like the API it wraps (no caller uses it).
 */
#include <linux/mm.h>
#include <linux/module.h>

#include "gupdemo.h"

static long gupdemo_pin(unsigned long start, unsigned long nr_pages,
			unsigned int gup_flags, struct page **pages,
			struct vm_area_struct **vmas)
{
	return pin_user_pages(start, nr_pages, gup_flags | FOLL_LONGTERM,
			      pages, vmas);
}

long gupdemo_pin_buffer(unsigned long start, unsigned long nr_pages,
			struct page **pages)
{
	long pinned;

	mmap_read_lock(current->mm);
	pinned = gupdemo_pin(start, nr_pages, FOLL_WRITE, pages, NULL);
	mmap_read_unlock(current->mm);
	if (pinned > 0 && pinned < nr_pages) {
		unpin_user_pages(pages, pinned);
		return -EFAULT;
	}
	return pinned;
}
EXPORT_SYMBOL_GPL(gupdemo_pin_buffer);

void gupdemo_unpin_buffer(struct page **pages, unsigned long nr_pages)
{
	unpin_user_pages(pages, nr_pages);
}
EXPORT_SYMBOL_GPL(gupdemo_unpin_buffer);
