// Modules that handled 6.5 themselves, with the version test inside the
// argument list, or around it, spelled in many ways: a call whose vmas
// argument is only compiled before 6.5 is already migrated, and is left
// alone in plain runs and in both --compat modes (no edit may take a
// directive line with it; every output preprocesses and compiles on both
// sides). Only the call outside any test is migrated.
// RUN: %check-rewrite %s %t
// RUN: %check-rewrite --prefix=GUARD %s %t.guard -- --compat=guard
// RUN: %check-rewrite --prefix=HEADER %s %t.header -- --compat=header
// No other line changes (the diff of a fresh copy, line by line):
// RUN: rm -rf %t.d && mkdir -p %t.d && cp %s %t.d/drv.c && %mkdb %t.d drv.c -- -I%kinclude
// RUN: %gup-rewrite -p %t.d | FileCheck %s --check-prefix=DIFF --implicit-check-not='{{^[+-][^+-]}}'
// RUN: %gup-rewrite -p %t.d --compat=guard | FileCheck %s --check-prefix=GUARD-DIFF --implicit-check-not='{{^[+-][^+-]}}'

#include <linux/mm.h>
#include <linux/version.h>
// HEADER-FIXES:      {{^}}#include <linux/version.h>{{$}}
// HEADER-FIXES-NEXT: {{^}}#include "gup_compat.h"{{$}}

#define DRV_HAVE_GUP 1
/* The module's own names for its version tests. */
#define DRV_OLD_GUP (LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0))
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
#define DRV_GUP_HAS_VMAS
#define DRV_VMAS_ARG , NULL
#else
#define DRV_VMAS_ARG
#endif

/* The vmas argument alone under the test, the rest of the list shared. */
long drv_remote_if(struct mm_struct *mm, unsigned long start, unsigned long n,
		   struct page **pages)
{
	return get_user_pages_remote(mm, start, n, FOLL_WRITE, pages,
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
				     NULL,
#endif
				     NULL);
}

/* Each branch spells the end of the list. */
long drv_remote_else(struct mm_struct *mm, unsigned long start, unsigned long n,
		     struct page **pages)
{
	return get_user_pages_remote(mm, start, n, FOLL_WRITE, pages,
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
				     NULL, NULL);
#else
				     NULL);
#endif
}

/* The new kernels first, the old form in the #else. */
long drv_pin_new_first(unsigned long start, struct page **pages)
{
	return pin_user_pages(start, 1, FOLL_LONGTERM, pages
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
			      );
#else
			      , NULL);
#endif
}

/* An #elif chain inside the list. */
long drv_remote_chain(struct mm_struct *mm, unsigned long start, struct page **pages)
{
	return pin_user_pages_remote(mm, start, 1, 0, pages,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
				     NULL);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 1, 0)
				     NULL, NULL);
#else
				     (struct vm_area_struct **)NULL, NULL);
#endif
}

/* The other spellings of "before 6.5", and a #ifdef nested inside. */
long drv_spellings(unsigned long start, struct page **pages)
{
	long ret;

	ret = get_user_pages(start, 1, 0, pages
#if KERNEL_VERSION(6, 5, 0) > LINUX_VERSION_CODE
			     , NULL
#endif
			     );
	ret += get_user_pages(start, 1, 0, pages
#if LINUX_VERSION_CODE <= KERNEL_VERSION(6, 4, 255)
			      , NULL
#endif
			      );
	ret += get_user_pages(start, 1, 0, pages
#if LINUX_VERSION_CODE < 0x060500
			      , NULL
#endif
			      );
	ret += get_user_pages(start, 1, 0, pages
#if !(LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0))
			      , NULL
#endif
			      );
	ret += pin_user_pages(start, 1, 0, pages
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0) && defined(DRV_HAVE_GUP)
			      , NULL
#endif
			      );
	ret += pin_user_pages(start, 1, 0, pages
#if (LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0))
#ifdef DRV_HAVE_GUP
			      , NULL
#else
			      , (struct vm_area_struct **)0
#endif
#endif
			      );
	return ret;
}

/* Tests spelled through the module's own macros. */
long drv_macros(unsigned long start, struct page **pages)
{
	long ret;

#if DRV_OLD_GUP
	ret = pin_user_pages(start, 1, 0, pages, NULL);
#else
	ret = pin_user_pages(start, 1, 0, pages);
#endif
#ifdef DRV_GUP_HAS_VMAS
	ret += get_user_pages(start, 1, 0, pages, NULL);
#else
	ret += get_user_pages(start, 1, 0, pages);
#endif
#if defined(DRV_GUP_HAS_VMAS)
	ret += get_user_pages(start, 1, FOLL_WRITE, pages, NULL);
#endif
	ret += get_user_pages(start, 1, 0, pages DRV_VMAS_ARG);
	return ret;
}

/* The module's own wrapper, its vmas parameter and the argument it passes
 * both compiled only before 6.5: parameter, call and callers stay as they
 * are (the parameter is not dead plumbing to remove). */
static long drv_own_gup(unsigned long start, struct page **pages
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
			, struct vm_area_struct **vmas
#endif
			)
{
	return get_user_pages(start, 1, 0, pages
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
			      , vmas
#endif
			      );
}

long drv_own_gup_caller(unsigned long start, struct page **pages)
{
	return drv_own_gup(start, pages
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
			   , NULL
#endif
			   );
}

long drv_unguarded(unsigned long start, struct page **pages)
{
	return pin_user_pages(start, 2, 0, pages, NULL);
}
// CHECK-FIXES:      {{^}}	return pin_user_pages(start, 2, 0, pages);{{$}}
// GUARD-FIXES:      {{^}}long drv_unguarded(unsigned long start, struct page **pages){{$}}
// GUARD-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	return pin_user_pages(start, 2, 0, pages);{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	return pin_user_pages(start, 2, 0, pages, NULL);{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// HEADER-FIXES:     {{^}}	return gup_compat_pin_user_pages(start, 2, 0, pages);{{$}}
// DIFF:      {{^}}-	return pin_user_pages(start, 2, 0, pages, NULL);{{$}}
// DIFF-NEXT: {{^}}+	return pin_user_pages(start, 2, 0, pages);{{$}}
// GUARD-DIFF: {{^}}+#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-DIFF: {{^}}+	return pin_user_pages(start, 2, 0, pages);{{$}}
// GUARD-DIFF: {{^}}+#else{{$}}
// GUARD-DIFF: {{^}}+#endif{{$}}
