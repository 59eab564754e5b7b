// SPDX-License-Identifier: MIT
/* A scratch-buffer driver that pins the user's page through a shorthand. */
#include <linux/demo_pin.h>

long demo_scratch_attach(unsigned long uaddr, struct page **page)
{
	return demo_pin_user_page(uaddr, page);
}
