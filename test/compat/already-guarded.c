// Code already written for both sides of 6.5 is left alone, in plain runs
// and in both --compat modes: calls in a branch only compiled before 6.5
// (`< KERNEL_VERSION(6, 5, 0)`, the #else of `>= KERNEL_VERSION(6, 5, 0)`,
// `&&` with other tests, a nested #ifdef inside) keep their vmas argument.
// The call outside any version test is migrated.
// RUN: %check-rewrite %s %t
// RUN: %check-rewrite --prefix=GUARD %s %t.guard -- --compat=guard
// RUN: %check-rewrite --prefix=HEADER %s %t.header -- --compat=header

#include <linux/mm.h>
#include <linux/version.h>
// HEADER-FIXES:      {{^}}#include <linux/version.h>{{$}}
// HEADER-FIXES-NEXT: {{^}}#include "gup_compat.h"{{$}}

#define DRV_HAVE_FEATURE 1

long drv_old_style(unsigned long a, struct page **pages)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
	return get_user_pages(a, 1, 0, pages, NULL);
#else
	return get_user_pages(a, 1, 0, pages);
#endif
}

long drv_new_first(unsigned long a, struct page **pages)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
	return pin_user_pages(a, 1, 0, pages);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 9, 0) && defined(DRV_HAVE_FEATURE)
#ifdef DRV_HAVE_FEATURE
	return pin_user_pages(a, 1, FOLL_LONGTERM, pages, NULL);
#endif
#else
	return pin_user_pages(a, 1, 0, pages, NULL);
#endif
}

long drv_unguarded(unsigned long a, struct page **pages)
{
	return pin_user_pages(a, 2, 0, pages, NULL);
}
// CHECK-FIXES:      {{^}}	return pin_user_pages(a, 2, 0, pages);{{$}}
// GUARD-FIXES:      {{^}}long drv_unguarded(unsigned long a, struct page **pages){{$}}
// GUARD-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	return pin_user_pages(a, 2, 0, pages);{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	return pin_user_pages(a, 2, 0, pages, NULL);{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// HEADER-FIXES:     {{^}}	return gup_compat_pin_user_pages(a, 2, 0, pages);{{$}}
