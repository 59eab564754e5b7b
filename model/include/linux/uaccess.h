#ifndef _GUP_MODEL_LINUX_UACCESS_H
#define _GUP_MODEL_LINUX_UACCESS_H

#include <linux/types.h>

bool access_ok(const void __user *addr, unsigned long size);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);

#endif
