/* SPDX-License-Identifier: MIT */
#ifndef _DEMO_LINUX_MM_H
#define _DEMO_LINUX_MM_H

#include <linux/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define FOLL_WRITE 0x01
#define FOLL_FORCE 0x10
#define FOLL_LONGTERM 0x100
#define min_t(type, a, b) ((type)(a) < (type)(b) ? (type)(a) : (type)(b))

#define EINVAL 22
#define WARN_ON_ONCE(cond) (cond)

struct mm_struct;
struct page;
struct vm_area_struct {
	unsigned long vm_start, vm_end, vm_flags;
};
#define VM_WRITE 0x2

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || (unsigned long)ptr >= (unsigned long)-4095;
}

void mmap_read_lock(struct mm_struct *mm);
void mmap_read_unlock(struct mm_struct *mm);
void put_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);

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
		    struct vm_area_struct **vmas);
int get_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
static inline struct vm_area_struct *vma_lookup(struct mm_struct *mm,
						unsigned long addr)
{
	return find_vma(mm, addr);
}

#endif
