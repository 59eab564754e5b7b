/* A module that reads little-endian fields out of a packet header. */
#include <linux/types.h>
#include <asm/unaligned.h>

u32 drv_packet_len(const u8 *hdr)
{
	return get_unaligned_le32(hdr + 2);
}
