// The GUP core itself, reduced: public definitions, internal functions in a
// two-level pass-through chain (get_user_pages -> __gup_longterm_locked ->
// __get_user_pages_locked -> __get_user_pages), a static helper that only
// forwards the array (removed transitively), hugetlb's walker with its
// unnamed-parameter prototype and its record helper (record_subpages_vmas()
// becomes record_subpages(): its name ended in the parameter's), kernel-doc,
// and every body pattern of the dead-parameter elimination: if (P) stmt,
// if (P) {...}, P[i] stores, BUG_ON(P), WARN_ON_ONCE(P && y),
// !pages && !P && x, pages || P, and P ? P + i : NULL passed on.
// RUN: %check-rewrite %s %t

#include <linux/hugetlb.h>
#include <linux/mm.h>

long follow_hugetlb_page(struct mm_struct *, struct vm_area_struct *,
			 struct page **, struct vm_area_struct **,
			 unsigned long *, unsigned long *, long, unsigned int,
			 int *);

static void record_subpages_vmas(struct page *page, struct vm_area_struct *vma,
				 int refs, struct page **pages,
				 struct vm_area_struct **vmas)
{
	int nr;

	for (nr = 0; nr < refs; nr++) {
		if (likely(pages))
			pages[nr] = page;
		if (vmas)
			vmas[nr] = vma;
	}
}

long follow_hugetlb_page(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct page **pages, struct vm_area_struct **vmas,
			 unsigned long *position, unsigned long *nr_pages,
			 long i, unsigned int flags, int *locked)
{
	struct page *page = pfn_to_page(*position >> PAGE_SHIFT);
	unsigned long pfn_offset = *position & 1;
	int refs = 1;

	if (!pages && !vmas && !pfn_offset && *nr_pages > 1) {
		*nr_pages = 0;
		return i;
	}
	if (pages || vmas)
		record_subpages_vmas(page, vma, refs,
				     likely(pages) ? pages + i : NULL,
				     vmas ? vmas + i : NULL);
	*position += PAGE_SIZE;
	*nr_pages -= refs;
	return i + refs + (locked != NULL) + flags;
}

/**
 * __get_user_pages() - take references on user pages
 * @mm:		mm_struct of the target mm
 * @start:	first user address
 * @nr_pages:	number of pages from @start
 * @gup_flags:	flags modifying the walk
 * @pages:	array receiving the pages, or NULL
 * @vmas:	array of pointers to vmas corresponding to each page.
 *		Or NULL if the caller does not require them.
 * @locked:	whether mmap_lock is still held
 *
 * Returns the number of pages taken, or an error.
 *
 * @vmas are valid only as long as mmap_lock is held.
 *
 * Must be called with mmap_lock held.
 */
static long __get_user_pages(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, unsigned int gup_flags,
			     struct page **pages, struct vm_area_struct **vmas,
			     int *locked)
{
	long i = 0;
	unsigned long page_mask = 0;

	while (nr_pages) {
		struct vm_area_struct *vma = find_vma(mm, start);

		if (!vma)
			return i ? i : -EFAULT;
		if (is_vm_hugetlb_page(vma)) {
			i = follow_hugetlb_page(mm, vma, pages, vmas, &start,
						&nr_pages, i, gup_flags, locked);
			continue;
		}
		if (pages) {
			pages[i] = pfn_to_page(start >> PAGE_SHIFT);
			page_mask = 0;
		}
		if (vmas) {
			vmas[i] = vma;
			page_mask = 0;
		}
		i += 1 + page_mask;
		start += PAGE_SIZE;
		nr_pages--;
	}
	return i;
}

static __always_inline long __get_user_pages_locked(struct mm_struct *mm,
						    unsigned long start,
						    unsigned long nr_pages,
						    struct page **pages,
						    struct vm_area_struct **vmas,
						    int *locked,
						    unsigned int flags)
{
	if (locked) {
		/* if a fault could drop the lock, vmas would dangle */
		BUG_ON(vmas);
		BUG_ON(*locked != 1);
	}
	return __get_user_pages(mm, start, nr_pages, flags, pages, vmas, locked);
}

static long __gup_longterm_locked(struct mm_struct *mm, unsigned long start,
				  unsigned long nr_pages, struct page **pages,
				  struct vm_area_struct **vmas, int *locked,
				  unsigned int gup_flags)
{
	if (WARN_ON_ONCE(vmas && (gup_flags & FOLL_UNLOCKABLE)))
		return -EINVAL;
	return __get_user_pages_locked(mm, start, nr_pages, pages, vmas,
				       locked, gup_flags);
}

static long remote_common(struct mm_struct *mm, unsigned long start,
			  unsigned long nr_pages, unsigned int gup_flags,
			  struct page **pages, struct vm_area_struct **vmas,
			  int *locked)
{
	if (gup_flags & FOLL_LONGTERM)
		return __gup_longterm_locked(mm, start, nr_pages, pages,
					     vmas, locked,
					     gup_flags | FOLL_REMOTE);
	return __get_user_pages_locked(mm, start, nr_pages, pages, vmas,
				       locked, gup_flags | FOLL_REMOTE);
}

/**
 * get_user_pages_remote() - take pages of another process
 * @mm:		the mm
 * @start:	first address
 * @nr_pages:	number of pages
 * @gup_flags:	flags
 * @pages:	array for the pages
 * @vmas:	array of pointers to vmas corresponding to each page.
 *		Or NULL if the caller does not require them.
 * @locked:	pointer to the lock flag, or NULL
 */
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
				     NULL, gup_flags | FOLL_TOUCH);
}

long populate_range(struct mm_struct *mm, unsigned long start,
		    unsigned long nr_pages, int *locked)
{
	return __get_user_pages(mm, start, nr_pages, FOLL_TOUCH, NULL, NULL,
				locked);
}
// CHECK-FIXES:      {{^}}long follow_hugetlb_page(struct mm_struct *, struct vm_area_struct *,{{$}}
// CHECK-FIXES-NEXT: {{^}}			 struct page **,{{$}}
// CHECK-FIXES-NEXT: {{^}}			 unsigned long *, unsigned long *, long, unsigned int,{{$}}
// CHECK-FIXES-NEXT: {{^}}			 int *);{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}static void record_subpages(struct page *page, struct vm_area_struct *vma,{{$}}
// CHECK-FIXES-NEXT: {{^}}				 int refs, struct page **pages){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES:      {{^}}		if (likely(pages)){{$}}
// CHECK-FIXES-NEXT: {{^}}			pages[nr] = page;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES:      {{^}}long follow_hugetlb_page(struct mm_struct *mm, struct vm_area_struct *vma,{{$}}
// CHECK-FIXES-NEXT: {{^}}			 struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			 unsigned long *position, unsigned long *nr_pages,{{$}}
// CHECK-FIXES:      {{^}}	if (!pages && !pfn_offset && *nr_pages > 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		*nr_pages = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}		return i;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (pages){{$}}
// CHECK-FIXES-NEXT: {{^}}		record_subpages(page, vma, refs,{{$}}
// CHECK-FIXES-NEXT: {{^}}				     likely(pages) ? pages + i : NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	*position += PAGE_SIZE;{{$}}
// CHECK-FIXES:      {{^}} * @pages:	array receiving the pages, or NULL{{$}}
// CHECK-FIXES-NEXT: {{^}} * @locked:	whether mmap_lock is still held{{$}}
// CHECK-FIXES-NEXT: {{^}} *{{$}}
// CHECK-FIXES-NEXT: {{^}} * Returns the number of pages taken, or an error.{{$}}
// CHECK-FIXES-NEXT: {{^}} *{{$}}
// CHECK-FIXES-NEXT: {{^}} * Must be called with mmap_lock held.{{$}}
// CHECK-FIXES:      {{^}}			     struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			     int *locked){{$}}
// CHECK-FIXES:      {{^}}			i = follow_hugetlb_page(mm, vma, pages, &start,{{$}}
// CHECK-FIXES:      {{^}}		if (pages) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}			pages[i] = pfn_to_page(start >> PAGE_SHIFT);{{$}}
// CHECK-FIXES-NEXT: {{^}}			page_mask = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}		}{{$}}
// CHECK-FIXES-NEXT: {{^}}		i += 1 + page_mask;{{$}}
// CHECK-FIXES:      {{^}}						    struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}						    int *locked,{{$}}
// CHECK-FIXES:      {{^}}	if (locked) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		BUG_ON(*locked != 1);{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return __get_user_pages(mm, start, nr_pages, flags, pages, locked);{{$}}
// CHECK-FIXES:      {{^}}static long __gup_longterm_locked(struct mm_struct *mm, unsigned long start,{{$}}
// CHECK-FIXES-NEXT: {{^}}				  unsigned long nr_pages, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}				  int *locked,{{$}}
// CHECK-FIXES-NEXT: {{^}}				  unsigned int gup_flags){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return __get_user_pages_locked(mm, start, nr_pages, pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}				       locked, gup_flags);{{$}}
// CHECK-FIXES:      {{^}}static long remote_common(struct mm_struct *mm, unsigned long start,{{$}}
// CHECK-FIXES-NEXT: {{^}}			  unsigned long nr_pages, unsigned int gup_flags,{{$}}
// CHECK-FIXES-NEXT: {{^}}			  struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			  int *locked){{$}}
// CHECK-FIXES:      {{^}}		return __gup_longterm_locked(mm, start, nr_pages, pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}					     locked,{{$}}
// CHECK-FIXES-NEXT: {{^}}					     gup_flags | FOLL_REMOTE);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return __get_user_pages_locked(mm, start, nr_pages, pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}				       locked, gup_flags | FOLL_REMOTE);{{$}}
// CHECK-FIXES:      {{^}} * @pages:	array for the pages{{$}}
// CHECK-FIXES-NEXT: {{^}} * @locked:	pointer to the lock flag, or NULL{{$}}
// CHECK-FIXES:      {{^}}long get_user_pages_remote(struct mm_struct *mm,{{$}}
// CHECK-FIXES-NEXT: {{^}}		unsigned long start, unsigned long nr_pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		unsigned int gup_flags, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		int *locked){{$}}
// CHECK-FIXES:      {{^}}	return remote_common(mm, start, nr_pages, gup_flags, pages,{{$}}
// CHECK-FIXES:      {{^}}long get_user_pages(unsigned long start, unsigned long nr_pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		    unsigned int gup_flags, struct page **pages){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	return __gup_longterm_locked(current->mm, start, nr_pages, pages,{{$}}
// CHECK-FIXES:      {{^}}	return __get_user_pages(mm, start, nr_pages, FOLL_TOUCH, NULL,{{$}}
// CHECK-FIXES-NOT: vmas
