#ifndef GUP_H
#define GUP_H
#include "null.h"
struct page;
struct vm_area_struct;
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas);
static inline int fault_in(unsigned long addr)
{
	return get_user_pages(addr, 1, 0, NULL, NULL) == 1;
}
#endif
