#include <linux/types.h>
#include <asm/unaligned.h>

int reads_nothing(void)
{
	return 0;
}
