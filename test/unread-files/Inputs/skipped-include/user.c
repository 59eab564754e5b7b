/* The prefilter sees the #include lines; the preprocessor skips them. */
#include <linux/mm.h>
#include <linux/string.h>
#ifdef CONFIG_NEVER_SET
#include "include/helpers.h"
#include "include/pin.h"
#endif
int user(void)
{
	return 0;
}
