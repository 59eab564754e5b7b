#include "local_proto.h"
long e_fault(unsigned long addr)
{
	return FORCED_FAULT(addr);
}
