/* Stub <linux/unaligned.h> for the migration tests: new in 6.12. */
#ifndef _SPEC_STUB_LINUX_UNALIGNED_H
#define _SPEC_STUB_LINUX_UNALIGNED_H

#include <linux/types.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
#error "<linux/unaligned.h> does not exist before 6.12"
#endif

u32 get_unaligned_le32(const void *p);

#endif
