#include <linux/mm.h>
#include <linux/version.h>

/* Builds on both sides of 6.5; the text alone cannot tell which call a
 * configuration compiles. */
long arm_get(unsigned long addr, struct page **pages)
{
	return get_user_pages(addr, 1, 0, pages
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
			      , NULL
#endif
			      );
}
