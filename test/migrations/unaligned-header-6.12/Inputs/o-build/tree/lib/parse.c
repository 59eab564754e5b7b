#include <asm/unaligned.h>

unsigned int parse_word(const unsigned char *buf)
{
	return get_unaligned_le32(buf + 1);
}
