// SPDX-License-Identifier: MIT
/* A copy routine that faults the destination in first. */
#include <linux/demo_prefault.h>

int demo_copy_prepare(unsigned long dst)
{
	return demo_prefault_page(dst) ? 0 : -EINVAL;
}
