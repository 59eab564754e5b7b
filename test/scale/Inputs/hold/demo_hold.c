// SPDX-License-Identifier: MIT
/* A driver that keeps the VMAs of its pins in a table of its own: no rule
 * knows this use, so get_user_pages() is held back in the whole tree. */
#include <linux/mm.h>

struct vm_area_struct *demo_hold_vmas[4];

long demo_hold(unsigned long addr, struct page **pages)
{
	return get_user_pages(addr, 1, 0, pages, demo_hold_vmas);
}
