// SPDX-License-Identifier: GPL-2.0
/*
 * gupdemo: a few ways a driver reaches user memory with GUP, written for
 * kernels before 6.5. Not meant to be loaded: it exists to be migrated.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched/mm.h>

#include "gupdemo.h"

/*
 * Fault in and take a reference on nr_pages of another process' memory,
 * letting GUP drop mmap_lock while it waits for I/O (the locked protocol).
 */
long gupdemo_fault_in(struct mm_struct *mm, unsigned long start,
		      unsigned long nr_pages, struct page **pages)
{
	int locked = 1;
	long got;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	got = get_user_pages_remote(mm, start, nr_pages, FOLL_WRITE, pages,
				    NULL, &locked);
	if (locked)
		mmap_read_unlock(mm);
	return got;
}
EXPORT_SYMBOL_GPL(gupdemo_fault_in);

/*
 * Report the flags of the VMA that maps addr, faulting the page in first
 * (a debugger-style peek: FOLL_FORCE).
 */
int gupdemo_vma_flags(struct mm_struct *mm, unsigned long addr,
		      unsigned long *flags)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, &vma,
				    NULL);
	if (ret <= 0) {
		mmap_read_unlock(mm);
		return ret ? ret : -EFAULT;
	}
	*flags = vma->vm_flags;
	mmap_read_unlock(mm);
	put_page(page);
	return 0;
}
EXPORT_SYMBOL_GPL(gupdemo_vma_flags);

static int __init gupdemo_init(void)
{
	return 0;
}

static void __exit gupdemo_exit(void)
{
}

module_init(gupdemo_init);
module_exit(gupdemo_exit);
MODULE_DESCRIPTION("GUP call shapes to migrate across Linux 6.5");
MODULE_LICENSE("GPL");
