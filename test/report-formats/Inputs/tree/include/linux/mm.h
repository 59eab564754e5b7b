/* A small tree's own copy of the pre-6.5 GUP prototypes. */
#ifndef TREE_LINUX_MM_H
#define TREE_LINUX_MM_H

#define NULL ((void *)0)
#define FOLL_WRITE 0x01
#define FOLL_LONGTERM 0x100

#define EINVAL 22
#define WARN_ON_ONCE(cond) (cond)

struct mm_struct;
struct page;
struct vm_area_struct;

static inline void *ERR_PTR(long error) { return (void *)error; }
void put_page(struct page *page);

long get_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked);
long pin_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked);
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas);
long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **);
int get_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
static inline struct vm_area_struct *vma_lookup(struct mm_struct *mm,
						unsigned long addr)
{
	return find_vma(mm, addr);
}

#endif
