/* Stub <asm/unaligned.h> for the migration tests: gone in 6.12. */
#ifndef _SPEC_STUB_ASM_UNALIGNED_H
#define _SPEC_STUB_ASM_UNALIGNED_H

#include <linux/types.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#error "<asm/unaligned.h> is <linux/unaligned.h> from 6.12 on"
#endif

u32 get_unaligned_le32(const void *p);

#endif
