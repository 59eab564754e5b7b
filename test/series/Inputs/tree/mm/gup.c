/* The GUP core, reduced: public definitions over internal functions. */
#include <linux/mm.h>

static long __get_user_pages(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, unsigned int gup_flags,
			     struct page **pages, struct vm_area_struct **vmas,
			     int *locked)
{
	long i = 0;

	while (nr_pages) {
		struct vm_area_struct *vma = find_vma(mm, start);

		if (!vma)
			return i ? i : -EFAULT;
		if (pages)
			pages[i] = pfn_to_page(start >> PAGE_SHIFT);
		if (vmas)
			vmas[i] = vma;
		i++;
		start += PAGE_SIZE;
		nr_pages--;
	}
	return i + (locked != NULL) + gup_flags;
}

static long __gup_longterm_locked(struct mm_struct *mm, unsigned long start,
				  unsigned long nr_pages, struct page **pages,
				  struct vm_area_struct **vmas, int *locked,
				  unsigned int gup_flags)
{
	if (WARN_ON_ONCE(vmas && (gup_flags & FOLL_UNLOCKABLE)))
		return -EINVAL;
	return __get_user_pages(mm, start, nr_pages, gup_flags, pages, vmas,
				locked);
}

long get_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked)
{
	return __gup_longterm_locked(mm, start, nr_pages, pages, vmas, locked,
				     gup_flags | FOLL_TOUCH | FOLL_REMOTE);
}

long pin_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked)
{
	return __gup_longterm_locked(mm, start, nr_pages, pages, vmas, locked,
				     gup_flags | FOLL_PIN | FOLL_REMOTE);
}

long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return __gup_longterm_locked(current->mm, start, nr_pages, pages, vmas,
				     NULL, gup_flags | FOLL_TOUCH);
}

long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas)
{
	return __gup_longterm_locked(current->mm, start, nr_pages, pages, vmas,
				     NULL, gup_flags | FOLL_PIN);
}

long populate_range(struct mm_struct *mm, unsigned long start,
		    unsigned long nr_pages, int *locked)
{
	return __get_user_pages(mm, start, nr_pages, FOLL_TOUCH, NULL, NULL,
				locked);
}
