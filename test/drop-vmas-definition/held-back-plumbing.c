// One public API held back (an exported wrapper passes its own vmas array
// to get_user_pages()) holds back the internal functions it feeds, through
// the whole chain; the other API is still migrated, and its static helper,
// which loses its own parameter, passes NULL to the internals that keep
// theirs.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>

static long __get_user_pages_locked(struct mm_struct *mm, unsigned long start,
				    unsigned long nr_pages, struct page **pages,
				    struct vm_area_struct **vmas, int *locked,
				    unsigned int flags)
{
	long i;

	for (i = 0; i < nr_pages; i++) {
		if (vmas)
			vmas[i] = find_vma(mm, start + i * PAGE_SIZE);
		if (pages)
			pages[i] = pfn_to_page((start >> PAGE_SHIFT) + i);
	}
	return i + (locked != NULL) + flags;
}

static long __gup_longterm_locked(struct mm_struct *mm, unsigned long start,
				  unsigned long nr_pages, struct page **pages,
				  struct vm_area_struct **vmas, int *locked,
				  unsigned int gup_flags)
{
	return __get_user_pages_locked(mm, start, nr_pages, pages, vmas,
				       locked, gup_flags);
}

static long remote_common(struct mm_struct *mm, unsigned long start,
			  unsigned long nr_pages, unsigned int gup_flags,
			  struct page **pages, struct vm_area_struct **vmas,
			  int *locked)
{
	if (gup_flags & FOLL_LONGTERM)
		return __gup_longterm_locked(mm, start, nr_pages, pages, vmas,
					     locked, gup_flags);
	return __get_user_pages_locked(mm, start, nr_pages, pages, vmas,
				       locked, gup_flags);
}

long get_user_pages_remote(struct mm_struct *mm,
		unsigned long start, unsigned long nr_pages,
		unsigned int gup_flags, struct page **pages,
		struct vm_area_struct **vmas, int *locked)
{
	return remote_common(mm, start, nr_pages, gup_flags, pages, vmas,
			     locked);
}

long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return __gup_longterm_locked(current->mm, start, nr_pages, pages, vmas,
				     NULL, gup_flags);
}

long fill_with_vmas(unsigned long start, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return get_user_pages(start, 1, 0, pages, vmas);
}
// CHECK-MESSAGES: held-back-plumbing.c:67:44: warning: get_user_pages() is passed 'vmas', the vmas parameter of fill_with_vmas(), which cannot lose it automatically: fill_with_vmas() is visible outside this file
// CHECK-MESSAGES: warning: __get_user_pages_locked() was not migrated: it receives the vmas array of __gup_longterm_locked(), which is held back [gup-rewrite]
// CHECK-MESSAGES: warning: __gup_longterm_locked() was not migrated: it receives the vmas array of get_user_pages(), which is held back [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages() was not migrated: 1 site needs a human (listed above); --force-api=get_user_pages migrates the others anyway [gup-rewrite]

// The internals and get_user_pages() are untouched:
// CHECK-FIXES:      {{^}}				    struct vm_area_struct **vmas, int *locked,{{$}}
// CHECK-FIXES:      {{^}}		if (vmas){{$}}
// CHECK-FIXES:      {{^}}				  struct vm_area_struct **vmas, int *locked,{{$}}
// CHECK-FIXES-NEXT: {{^}}				  unsigned int gup_flags){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return __get_user_pages_locked(mm, start, nr_pages, pages, vmas,{{$}}
// remote_common() loses its parameter and passes NULL to them instead:
// CHECK-FIXES:      {{^}}			  struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			  int *locked){{$}}
// CHECK-FIXES:      {{^}}		return __gup_longterm_locked(mm, start, nr_pages, pages, NULL,{{$}}
// CHECK-FIXES:      {{^}}	return __get_user_pages_locked(mm, start, nr_pages, pages, NULL,{{$}}
// get_user_pages_remote() is migrated:
// CHECK-FIXES:      {{^}}		unsigned int gup_flags, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		int *locked){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return remote_common(mm, start, nr_pages, gup_flags, pages,{{$}}
// CHECK-FIXES:      {{^}}		    struct vm_area_struct **vmas){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return __gup_longterm_locked(current->mm, start, nr_pages, pages, vmas,{{$}}
