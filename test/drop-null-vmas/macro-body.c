// A call spelled inside a #define together with its NULL vmas argument is
// fixed once, in the macro body, however many times the macro is expanded.
// The NULL that is a macro itself (kernel style) and a cast NULL also count.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

#define NO_VMAS NULL
#define FETCH_PAGE(addr, page) \
	get_user_pages((addr) & PAGE_MASK, 1, FOLL_WRITE, (page), NULL)
// CHECK-FIXES: {{^}}	get_user_pages((addr) & PAGE_MASK, 1, FOLL_WRITE, (page)){{$}}
#define PIN_PAGE(mm, addr, page, locked) pin_user_pages_remote(mm, addr, 1, 0, page, \
		NO_VMAS, locked)
// CHECK-FIXES: #define PIN_PAGE(mm, addr, page, locked) pin_user_pages_remote(mm, addr, 1, 0, page, \
// CHECK-FIXES-NEXT: {{^}}		locked){{$}}

long fetch_both(struct mm_struct *mm, unsigned long a, unsigned long b,
		struct page **pages)
{
	int locked = 1;
	long got = FETCH_PAGE(a, &pages[0]) + FETCH_PAGE(b, &pages[1]);

	got += PIN_PAGE(mm, a, &pages[2], &locked);
	got += pin_user_pages_remote(mm, b, 1, 0, &pages[3],
				     (struct vm_area_struct **)NO_VMAS, NULL);
	// CHECK-FIXES: got += pin_user_pages_remote(mm, b, 1, 0, &pages[3],
	// CHECK-FIXES-NEXT: {{^}}				     NULL);
	return got;
}
