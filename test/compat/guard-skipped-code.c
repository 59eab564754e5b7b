// A call in an #if branch this build skips has no AST, hence no statements
// to put a version test around: --compat reports it and leaves it as it is
// (exit 1), while the compiled call next to it is guarded.
// RUN: %check-rewrite --expect-exit=1 %s %t -- --compat=guard

#include <linux/mm.h>
// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}

long drv_maybe(unsigned long a, struct page **pages)
{
#ifdef CONFIG_DRV_NEVER_SET
	return get_user_pages(a, 1, 0, pages, NULL);
#else
	return pin_user_pages(a, 1, 0, pages, NULL);
#endif
}
// CHECK-MESSAGES: guard-skipped-code.c:[[@LINE-5]]:9: warning: {{.*}}get_user_pages(){{.*}}not changed: --compat cannot place a version test in code this build skips
// CHECK-FIXES:      {{^}}#ifdef CONFIG_DRV_NEVER_SET{{$}}
// CHECK-FIXES-NEXT: {{^}}	return get_user_pages(a, 1, 0, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(a, 1, 0, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	return pin_user_pages(a, 1, 0, pages, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
