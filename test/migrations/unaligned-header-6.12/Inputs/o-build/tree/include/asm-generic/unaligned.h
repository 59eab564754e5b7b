/* The tree's own unaligned accessors (a kernel tree before 6.12). */
#ifndef ASM_GENERIC_UNALIGNED_H
#define ASM_GENERIC_UNALIGNED_H
static inline unsigned int get_unaligned_le32(const void *p)
{
	const unsigned char *b = p;
	return b[0] | b[1] << 8 | b[2] << 16 | (unsigned int)b[3] << 24;
}
#endif
