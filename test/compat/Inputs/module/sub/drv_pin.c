/* Another directory of the module: a pin through a wrapper of its own. */
#include <linux/mm.h>

static long drv_pin(unsigned long start, unsigned long n, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);
}

long drv_pin_buffer(unsigned long start, unsigned long n, struct page **pages)
{
	return drv_pin(start, n, pages, NULL);
}
