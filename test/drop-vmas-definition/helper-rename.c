// A static helper named after the parameter it loses (`<name>_<param>`, as
// record_subpages_vmas() was) is renamed `<name>` with its declarations and
// calls, but only when no other declaration, macro or text of the file
// (code the build skips included) already uses that name.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

static long pin_range_vmas(unsigned long start, unsigned long n,
			   struct page **pages, struct vm_area_struct **vmas);

long pin_buffer(unsigned long start, unsigned long n, struct page **pages)
{
	return pin_range_vmas(start, n, pages, NULL);
}

static long pin_range_vmas(unsigned long start, unsigned long n,
			   struct page **pages, struct vm_area_struct **vmas)
{
	return pin_user_pages(start, n, FOLL_WRITE, pages, vmas);
}
// CHECK-FIXES:      {{^}}static long pin_range(unsigned long start, unsigned long n,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   struct page **pages);{{$}}
// CHECK-FIXES:      {{^}}	return pin_range(start, n, pages);{{$}}
// CHECK-FIXES:      {{^}}static long pin_range(unsigned long start, unsigned long n,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   struct page **pages){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, n, FOLL_WRITE, pages);{{$}}

// `fault_one` is taken by a local variable elsewhere in the file: the name
// stays.
static long fault_one_vmas(unsigned long addr, struct page **page,
			   struct vm_area_struct **vmas)
{
	return get_user_pages(addr, 1, 0, page, vmas);
}

long fault_twice(unsigned long addr, struct page **page)
{
	long fault_one = fault_one_vmas(addr, page, NULL);

	return fault_one > 0 ? fault_one_vmas(addr, page, NULL) : fault_one;
}
// CHECK-FIXES:      {{^}}// stays.{{$}}
// CHECK-FIXES-NEXT: {{^}}static long fault_one_vmas(unsigned long addr, struct page **page){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages(addr, 1, 0, page);{{$}}
// CHECK-FIXES:      {{^}}	long fault_one = fault_one_vmas(addr, page);{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	return fault_one > 0 ? fault_one_vmas(addr, page) : fault_one;{{$}}

// Called from code this build skips too: renaming only the calls it sees
// would break the other configuration, so the name stays.
static long touch_page_vmas(unsigned long addr, struct page **page,
			    struct vm_area_struct **vmas)
{
	return get_user_pages(addr, 1, FOLL_WRITE, page, vmas);
}

long touch(unsigned long addr, struct page **page)
{
#ifdef CONFIG_TOUCH_TWICE
	touch_page_vmas(addr, page, NULL);
#endif
	return touch_page_vmas(addr, page, NULL);
}
// CHECK-FIXES:      {{^}}// would break the other configuration, so the name stays.{{$}}
// CHECK-FIXES-NEXT: {{^}}static long touch_page_vmas(unsigned long addr, struct page **page){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages(addr, 1, FOLL_WRITE, page);{{$}}
// CHECK-FIXES:      {{^}}	touch_page_vmas(addr, page);{{$}}
// CHECK-FIXES:      {{^}}	return touch_page_vmas(addr, page);{{$}}
