// SPDX-License-Identifier: MIT
/* Probing a page without wanting it: pages and vmas are both NULL. */
#include <linux/mm.h>

int demo_page_is_poisoned(unsigned long addr, bool write)
{
	int rc = get_user_pages(addr, 1, write ? FOLL_WRITE : 0, NULL, NULL);

	return rc == -133;
}
