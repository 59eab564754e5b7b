#include <gup.h>
int d_prefault(unsigned long addr)
{
	return fault_in(addr);
}
