// SPDX-License-Identifier: GPL-2.0
/*
 * The memory side of compatdemo: is a user address backed by a huge page?
 * The page tables are walked with x86's helpers.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sched.h>

#include "compatdemo.h"

/* Whether addr is mapped by a huge page in mm (mmap_lock held). */
static bool compatdemo_huge_mapped(struct mm_struct *mm, unsigned long addr)
{
#ifdef CONFIG_X86
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd) || pgd_bad(*pgd))
		return false;
	p4d = p4d_offset(pgd, addr);
	if (p4d_none(*p4d) || p4d_bad(*p4d))
		return false;
	pud = pud_offset(p4d, addr);
	if (pud_none(*pud))
		return false;
	if (pud_large(*pud))
		return true;
	pmd = pmd_offset(pud, addr);
	return pmd_large(*pmd);
#else
	return false;
#endif
}

/*
 * 1 when the user page at addr is part of a huge mapping, 0 when not, or a
 * negative errno. The page is faulted in first, so that its tables exist.
 */
int compatdemo_huge_user_page(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	struct page *page;
	long got;
	int huge;

	mmap_read_lock(mm);
	got = get_user_pages(addr, 1, 0, &page, NULL);
	if (got <= 0) {
		mmap_read_unlock(mm);
		return got ? got : -EFAULT;
	}
	huge = compatdemo_huge_mapped(mm, addr);
	mmap_read_unlock(mm);
	put_page(page);
	return huge;
}
