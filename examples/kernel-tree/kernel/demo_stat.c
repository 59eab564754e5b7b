// SPDX-License-Identifier: MIT
/* Reads the size of a mapping; includes mm.h but pins nothing. */
#include <linux/mm.h>

unsigned long demo_vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) / PAGE_SIZE;
}
