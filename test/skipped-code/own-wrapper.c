// A module's own static wrapper that loses its vmas parameter (the whole
// migration's dead-parameter elimination) is followed into the #if branches
// this build skips: a call there passing NULL (or a cast of it) loses that
// argument, and a prototype there loses the parameter, each listed as a
// note; so the other configuration still builds.
// RUN: %check-rewrite %s %t
// RUN: %kclang -DGUP_MODEL_API=605 -DCONFIG_TOUCH_TWICE %t/tree/own-wrapper.c

#include <linux/mm.h>

#ifdef CONFIG_TOUCH_TWICE
static long touch_page(unsigned long addr, struct page **page,
		       struct vm_area_struct **vmas);
#endif

static long touch_page(unsigned long addr, struct page **page,
		       struct vm_area_struct **vmas)
{
	return get_user_pages(addr, 1, FOLL_WRITE, page, vmas);
}

long touch(unsigned long addr, struct page **page)
{
#ifdef CONFIG_TOUCH_TWICE
	touch_page(addr, page, NULL);
	if (touch_page(addr, page, (struct vm_area_struct **)NULL) < 0)
		return -1;
#endif
	return touch_page(addr, page, NULL);
}
// CHECK-MESSAGES: own-wrapper.c:12:13: note: in code this build skips (an inactive #if branch): remove the vmas parameter of touch_page() (fixed) [gup-rewrite]
// CHECK-MESSAGES: own-wrapper.c:25:2: note: in code this build skips (an inactive #if branch): drop the vmas argument 'NULL' of touch_page() (fixed) [gup-rewrite]
// CHECK-MESSAGES: own-wrapper.c:26:6: note: in code this build skips (an inactive #if branch): drop the vmas argument '(struct vm_area_struct **)NULL' of touch_page() (fixed) [gup-rewrite]
// CHECK-FIXES:      {{^}}#ifdef CONFIG_TOUCH_TWICE{{$}}
// CHECK-FIXES-NEXT: {{^}}static long touch_page(unsigned long addr, struct page **page);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}static long touch_page(unsigned long addr, struct page **page){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages(addr, 1, FOLL_WRITE, page);{{$}}
// CHECK-FIXES:      {{^}}#ifdef CONFIG_TOUCH_TWICE{{$}}
// CHECK-FIXES-NEXT: {{^}}	touch_page(addr, page);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (touch_page(addr, page) < 0){{$}}
// CHECK-FIXES:      {{^}}	return touch_page(addr, page);{{$}}
