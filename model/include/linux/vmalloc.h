#ifndef _GUP_MODEL_LINUX_VMALLOC_H
#define _GUP_MODEL_LINUX_VMALLOC_H

#include <linux/types.h>

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);

#endif
