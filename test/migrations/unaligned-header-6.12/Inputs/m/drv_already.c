/* Already written for both sides of 6.12: nothing to do. */
#include <linux/types.h>
#include <linux/version.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

u32 drv_packet_seq(const u8 *hdr)
{
	return get_unaligned_le32(hdr + 6);
}
