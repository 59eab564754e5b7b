/*
 * Stub <linux/string.h> for the migration tests: the model's, plus
 * strlcpy() (gone in 6.8) and strscpy().
 */
#ifndef _SPEC_STUB_LINUX_STRING_H
#define _SPEC_STUB_LINUX_STRING_H

#include_next <linux/string.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 8, 0)
size_t strlcpy(char *dst, const char *src, size_t size);
#endif
ssize_t strscpy(char *dst, const char *src, size_t size);

#endif
