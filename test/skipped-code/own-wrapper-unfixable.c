// Where code the build skips uses a module's own wrapper in a way no token
// edit follows (a VMA array passed for the parameter the whole migration
// would remove, the function taken as a pointer, a declaration of another
// shape), each use is named in a warning and the wrapper keeps its
// parameter, so every configuration still builds; so does what it passes
// the array to.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after
// RUN: %kclang -DGUP_MODEL_API=604 -DCONFIG_OTHER %t/tree/own-wrapper-unfixable.c

#include <linux/mm.h>

static long fault_page(unsigned long addr, struct page **page,
		       struct vm_area_struct **vmas)
{
	return get_user_pages(addr, 1, 0, page, vmas);
}

typedef long (*fault_fn)(unsigned long, struct page **,
			 struct vm_area_struct **);

long fault(unsigned long addr, struct page **page)
{
#ifdef CONFIG_OTHER
	struct vm_area_struct *vma;
	fault_fn fn = fault_page;

	if (fault_page(addr, page, &vma) == 1)
		return vma->vm_flags;
	else fault_page(addr, page, NULL);
	return fn(addr, page, NULL);
#else
	return fault_page(addr, page, NULL);
#endif
}

#ifdef CONFIG_OTHER
static long fault_page(unsigned long addr, struct page **page,
		       struct vm_area_struct *vmas[]);
#endif
// CHECK-MESSAGES: own-wrapper-unfixable.c:29:7: note: in code this build skips (an inactive #if branch): drop the vmas argument 'NULL' of fault_page() (NOT FIXED: fault_page() is held back) [gup-rewrite]
// CHECK-MESSAGES: own-wrapper-unfixable.c:25:16: warning: in code this build skips (an inactive #if branch): fault_page() would lose its vmas parameter in this build, but this code names it other than in a call (as a function pointer, in a macro or a declaration), where its type would change; edit it by hand, or enable the configuration and run again [gup-rewrite]
// CHECK-MESSAGES: own-wrapper-unfixable.c:27:6: warning: in code this build skips (an inactive #if branch): fault_page() is passed the vmas argument '&vma', which only a human can migrate (enable the configuration and run again, or edit it by hand) [gup-rewrite]
// CHECK-MESSAGES: own-wrapper-unfixable.c:37:13: warning: in code this build skips (an inactive #if branch): this declaration of fault_page() does not have its 3 parameters with 'struct vm_area_struct **' as parameter 3, which this build would remove; check this code by hand [gup-rewrite]
// CHECK-MESSAGES: warning: fault_page() was not migrated: 3 sites need a human
// CHECK-MESSAGES: warning: get_user_pages() was not migrated: it receives the vmas array of fault_page(), which is held back
