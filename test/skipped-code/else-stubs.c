// Code in #if branches this configuration skips has no AST. The stubs the
// migration must still change there (a !CONFIG_MMU definition with a body
// that fills the array, a static inline stub under #else, a NULL call) are
// fixed on their tokens and each is listed on stderr as a note.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

#ifdef CONFIG_HUGE_STUBS
static inline long follow_hugetlb_page(struct mm_struct *mm,
			struct vm_area_struct *vma, struct page **pages,
			struct vm_area_struct **vmas, unsigned long *position,
			unsigned long *nr_pages, long i, unsigned int flags,
			int *nonblocking)
{
	BUG();
	return 0;
}
#endif

#ifdef CONFIG_NO_MMU_HERE
static long __get_user_pages_locked(struct mm_struct *mm, unsigned long start,
		unsigned long nr_pages, struct page **pages,
		struct vm_area_struct **vmas, int *locked,
		unsigned int foll_flags)
{
	long i;

	for (i = 0; i < nr_pages; i++) {
		struct vm_area_struct *vma = find_vma(mm, start);

		if (!vma)
			break;
		if (vmas)
			vmas[i] = vma;
		start += PAGE_SIZE;
	}
	return i;
}

long nommu_populate(struct mm_struct *mm, unsigned long start)
{
	return __get_user_pages_locked(mm, start, 1, NULL, NULL, NULL, 0);
}
#else
long touch_one(unsigned long addr, struct page **page)
{
	return get_user_pages(addr, 1, 0, page, NULL);
}
#endif

#if 0
static long old_path(unsigned long addr, struct page **page)
{
	return get_user_pages(addr, 1, FOLL_WRITE, page, NULL);
}
#endif
// CHECK-MESSAGES: else-stubs.c:10:20: note: in code this build skips (an inactive #if branch): remove the vmas parameter of follow_hugetlb_page() (fixed) [gup-rewrite]
// CHECK-MESSAGES: else-stubs.c:22:13: note: in code this build skips (an inactive #if branch): remove the vmas parameter of __get_user_pages_locked() (fixed) [gup-rewrite]
// CHECK-MESSAGES: else-stubs.c:43:9: note: in code this build skips (an inactive #if branch): drop the vmas argument 'NULL' of __get_user_pages_locked() (fixed) [gup-rewrite]
// CHECK-MESSAGES: else-stubs.c:55:9: note: in code this build skips (an inactive #if branch): drop the vmas argument 'NULL' of get_user_pages() (fixed) [gup-rewrite]

// CHECK-FIXES:      {{^}}			struct vm_area_struct *vma, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			unsigned long *position,{{$}}
// CHECK-FIXES:      {{^}}		unsigned long nr_pages, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		int *locked,{{$}}
// CHECK-FIXES:      {{^}}			break;{{$}}
// CHECK-FIXES-NEXT: {{^}}		start += PAGE_SIZE;{{$}}
// CHECK-FIXES:      {{^}}	return __get_user_pages_locked(mm, start, 1, NULL, NULL, 0);{{$}}
// CHECK-FIXES:      {{^}}	return get_user_pages(addr, 1, 0, page);{{$}}
// CHECK-FIXES:      {{^}}	return get_user_pages(addr, 1, FOLL_WRITE, page);{{$}}
