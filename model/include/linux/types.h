#ifndef _GUP_MODEL_LINUX_TYPES_H
#define _GUP_MODEL_LINUX_TYPES_H

#include <linux/compiler.h>
#include <linux/stddef.h>

typedef _Bool bool;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef __SIZE_TYPE__ size_t;
typedef long ssize_t;
typedef long long loff_t;
typedef unsigned int gfp_t;
typedef unsigned long pgoff_t;
typedef unsigned long long dma_addr_t;
typedef unsigned long long phys_addr_t;
typedef unsigned long uintptr_t;
typedef int pid_t;

#endif
