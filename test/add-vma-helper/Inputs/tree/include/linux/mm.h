#ifndef _LINUX_MM_H
#define _LINUX_MM_H
/* A header shaped like the kernel's: the GUP prototypes come before the
 * definition of vma_lookup(), which the new helper calls. */
#define NULL ((void *)0)
#define EINVAL 22
#define EIO 5
#define WARN_ON_ONCE(c) (!!(c))
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

struct page;
struct mm_struct;
struct vm_area_struct {
	unsigned long vm_start, vm_end;
};

static inline void *ERR_PTR(long error) { return (void *)error; }
void put_page(struct page *page);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

long get_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked);
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas);

static inline struct vm_area_struct *vma_lookup(struct mm_struct *mm,
						unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma && addr < vma->vm_start)
		vma = NULL;
	return vma;
}
#endif
