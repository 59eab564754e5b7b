#include <drv/pin.h>

long drv_fetch(unsigned long addr, struct page **page)
{
	return DRV_FETCH(addr, page);
}
