// The argument before a last NULL vmas argument is written in each branch
// of an #ifdef, each branch with its own comma: there is no comma outside
// the group to take with the NULL. Every branch loses its trailing comma and
// the NULL goes, the directive lines stay: each configuration compiles the
// call without the vmas argument (the second RUN line compiles the rewrite
// with the option this build does not set).
// RUN: %check-rewrite %s %t
// RUN: %kclang -DGUP_MODEL_API=605 -DDRV_GRAB_PAGES %t/tree/ifdef-before-last-null.c

#include <linux/mm.h>

long drv_grab(unsigned long start, struct page **pages)
{
	return get_user_pages(start, 1, 0,
#ifdef DRV_GRAB_PAGES
			      pages,
#else
			      NULL,
#endif
			      NULL);
}
// CHECK-FIXES:      {{^}}	return get_user_pages(start, 1, 0,{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifdef DRV_GRAB_PAGES{{$}}
// CHECK-FIXES-NEXT: {{^}}			      pages{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}			      NULL{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}			      );{{$}}

long drv_consume(long value);

/* The branch this build compiles is the first one; the call is an argument
   itself. */
long drv_pin(unsigned long start, struct page **pages)
{
	return drv_consume(pin_user_pages(start, 1, FOLL_LONGTERM,
#ifndef DRV_GRAB_PAGES
					  pages,
#else
					  NULL,
#endif
					  NULL));
}
// CHECK-FIXES:      {{^}}	return drv_consume(pin_user_pages(start, 1, FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifndef DRV_GRAB_PAGES{{$}}
// CHECK-FIXES-NEXT: {{^}}					  pages{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}					  NULL{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}					  ));{{$}}
