#include <linux/types.h>

size_t strlcpy(char *dest, const char *src, size_t size);

void set_name(char *name, const char *from)
{
	strlcpy(name, from, 16);
}
