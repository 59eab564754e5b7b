/* SPDX-License-Identifier: MIT */
/* Faulting a user page in before a copy that must not sleep. */
#ifndef _DEMO_LINUX_DEMO_PREFAULT_H
#define _DEMO_LINUX_DEMO_PREFAULT_H

#include <linux/mm.h>

static inline bool demo_prefault_page(unsigned long addr)
{
	return get_user_pages(addr, 1, FOLL_WRITE, NULL, NULL) == 1;
}

#endif
