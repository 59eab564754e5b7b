/* SPDX-License-Identifier: MIT */
/* Pinning shorthands a family of demo drivers shares. */
#ifndef _DEMO_LINUX_DEMO_PIN_H
#define _DEMO_LINUX_DEMO_PIN_H

#include <linux/mm.h>

/* Pins one page of the current process for writing. */
#define demo_pin_one(addr, pagep) pin_user_pages(addr, 1, FOLL_WRITE, pagep, NULL)
/* The drivers spell it through this one: a macro that names a macro. */
#define demo_pin_user_page(addr, pagep) demo_pin_one(addr, pagep)

#endif
