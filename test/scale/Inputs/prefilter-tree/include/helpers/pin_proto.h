#ifndef PIN_PROTO_H
#define PIN_PROTO_H
#include <null.h>
struct page;
struct vm_area_struct;
long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas);
#endif
