// An #ifdef around the argument after the NULL vmas argument, each branch
// spelling the end of the list: the NULL and its comma are outside every
// group, so deleting them is right in every configuration, whichever branch
// this build compiles (the list is read across the ')' of the branch it
// skips). The second RUN line compiles the rewrite with the option this
// build does not set.
// RUN: %check-rewrite %s %t
// RUN: %kclang -DGUP_MODEL_API=605 -DDRV_GRAB_LOCKED %t/tree/ifdef-after-null.c

#include <linux/errno.h>
#include <linux/mm.h>

/* This build compiles the #else branch, after the ')' of the first. */
long drv_grab(struct mm_struct *mm, unsigned long start, struct page **pages)
{
	int locked = 1;
	long ret = get_user_pages_remote(mm, start, 1, 0, pages, NULL,
#ifdef DRV_GRAB_LOCKED
					 &locked);
#else
					 NULL);
#endif

	return locked ? ret : -EINTR;
}
// CHECK-FIXES:      {{^}}	long ret = get_user_pages_remote(mm, start, 1, 0, pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifdef DRV_GRAB_LOCKED{{$}}

long drv_consume(long value);

/* The first branch compiled; the NULL on a line of its own; the rest of the
   statement after the group. */
long drv_pin(struct mm_struct *mm, unsigned long start, struct page **pages)
{
	int locked = 1;
	long ret = drv_consume(pin_user_pages_remote(mm, start, 1, FOLL_LONGTERM,
						     pages,
						     NULL,
#ifndef DRV_GRAB_LOCKED
						     &locked)
#else
						     NULL)
#endif
						     );

	return locked ? ret : -EINTR;
}
// CHECK-FIXES:      {{^}}						     pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifndef DRV_GRAB_LOCKED{{$}}
