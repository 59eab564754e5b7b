/* The moved header under options this build does not set. */
#include <linux/types.h>

#ifdef CONFIG_DRV_TRACE_HEADERS
#include <asm/unaligned.h>
#endif
#ifdef CONFIG_DRV_TRACE_QUOTED
/* asm/unaligned.h is named in this comment only: no use of it */
#include "asm/unaligned.h"
#endif

u32 drv_debug_level;
