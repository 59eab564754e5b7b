/* SPDX-License-Identifier: MIT */
/* The demo tree's own kernel-like headers: just enough to parse. */
#ifndef _DEMO_LINUX_TYPES_H
#define _DEMO_LINUX_TYPES_H

#define NULL ((void *)0)
typedef _Bool bool;
typedef unsigned long size_t;
#define true 1
#define false 0

#endif
