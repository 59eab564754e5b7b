#include <helpers/pin_macro.h>
long b_pin(unsigned long addr, struct page **page)
{
	return PIN_ONE(addr, page);
}
