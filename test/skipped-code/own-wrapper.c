// A module's own static wrapper that loses its vmas parameter (the whole
// migration's dead-parameter elimination) is followed into the #if branches
// this build skips: a call there passing NULL (or a cast of it) loses that
// argument, and a prototype there loses the parameter, each listed as a
// note; so the other configuration still builds.
// RUN: %check-rewrite %s %t
// RUN: %kclang -DGUP_MODEL_API=605 -DCONFIG_PIN_EARLY %t/tree/own-wrapper.c

#include <linux/mm.h>

#if defined(CONFIG_PIN_EARLY)
static long pin_span(unsigned long start, unsigned long n, struct page **pages,
		     struct vm_area_struct **vmas, unsigned int flags);
#endif

static long pin_span(unsigned long start, unsigned long n, struct page **pages,
		     struct vm_area_struct **vmas, unsigned int flags)
{
	return pin_user_pages(start, n, flags | FOLL_LONGTERM, pages, vmas);
}

long pin_buffer(unsigned long start, unsigned long n, struct page **pages)
{
	long done = 0;

#ifdef CONFIG_PIN_EARLY
	pin_span(start, 1, pages, NULL, 0);
	done = pin_span(start, 1, pages, 0, FOLL_WRITE);
	if (done < 0 || pin_span(start, 1, pages, (struct vm_area_struct **)NULL, 0) < 0)
		return -1;
#endif
	return done + pin_span(start, n, pages, NULL, FOLL_WRITE);
}
// CHECK-MESSAGES: own-wrapper.c:12:13: note: in code this build skips (an inactive #if branch): remove the vmas parameter of pin_span() (fixed) [gup-rewrite]
// CHECK-MESSAGES: own-wrapper.c:27:2: note: in code this build skips (an inactive #if branch): drop the vmas argument 'NULL' of pin_span() (fixed) [gup-rewrite]
// CHECK-MESSAGES: own-wrapper.c:28:9: note: in code this build skips (an inactive #if branch): drop the vmas argument '0' of pin_span() (fixed) [gup-rewrite]
// CHECK-MESSAGES: own-wrapper.c:29:18: note: in code this build skips (an inactive #if branch): drop the vmas argument '(struct vm_area_struct **)NULL' of pin_span() (fixed) [gup-rewrite]
// CHECK-FIXES:      {{^}}#if defined(CONFIG_PIN_EARLY){{$}}
// CHECK-FIXES-NEXT: {{^}}static long pin_span(unsigned long start, unsigned long n, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		     unsigned int flags);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}static long pin_span(unsigned long start, unsigned long n, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		     unsigned int flags){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(start, n, flags | FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES:      {{^}}#ifdef CONFIG_PIN_EARLY{{$}}
// CHECK-FIXES-NEXT: {{^}}	pin_span(start, 1, pages, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}	done = pin_span(start, 1, pages, FOLL_WRITE);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (done < 0 || pin_span(start, 1, pages, 0) < 0){{$}}
// CHECK-FIXES:      {{^}}	return done + pin_span(start, n, pages, FOLL_WRITE);{{$}}
