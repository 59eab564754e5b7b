/* The moved header under an option this build does not set. */
#include <linux/types.h>

#ifdef CONFIG_DRV_TRACE_HEADERS
#include <asm/unaligned.h>
#endif

u32 drv_debug_level;
