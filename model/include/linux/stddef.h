/* Kernel-like <linux/stddef.h>: NULL is a macro, exactly as the kernel spells it. */
#ifndef _GUP_MODEL_LINUX_STDDEF_H
#define _GUP_MODEL_LINUX_STDDEF_H

#undef NULL
#define NULL ((void *)0)

enum { false = 0, true = 1 };

#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)

#endif
