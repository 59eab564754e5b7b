#ifndef DRV_PIN_H
#define DRV_PIN_H

#include <linux/mm.h>

/* The driver's own copy of a prototype of the family. */
long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas);

/* A call written in a macro body of the header, its NULL vmas included. */
#define DRV_FETCH(addr, page) get_user_pages(addr, 1, FOLL_WRITE, page, NULL)

long drv_pin(unsigned long start, struct page **pages);
long drv_fetch(unsigned long addr, struct page **page);

#endif
