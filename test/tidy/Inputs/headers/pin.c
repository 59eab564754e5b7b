#include <drv/pin.h>

long drv_pin(unsigned long start, struct page **pages)
{
	long got = pin_user_pages(start, 1, FOLL_LONGTERM, pages, NULL);

	return got > 0 ? DRV_FETCH(start, pages) : got;
}
