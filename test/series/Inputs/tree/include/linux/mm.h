/* A small tree with the GUP core and its users, before Linux 6.5. */
#ifndef TREE_LINUX_MM_H
#define TREE_LINUX_MM_H

#define NULL ((void *)0)
#define FOLL_WRITE 0x01
#define FOLL_TOUCH 0x02
#define FOLL_FORCE 0x10
#define FOLL_REMOTE 0x2000
#define FOLL_PIN 0x40000
#define FOLL_LONGTERM 0x100
#define FOLL_UNLOCKABLE 0x100000

#define EINVAL 22
#define EFAULT 14
#define ENOMEM 12
#define EOPNOTSUPP 95
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define VM_WRITE 0x2
#define WARN_ON_ONCE(cond) (cond)
#define BUG_ON(cond) do { if (cond) __builtin_trap(); } while (0)
#define __always_inline inline __attribute__((__always_inline__))

typedef unsigned long size_t;

struct file;
struct mm_struct;
struct page;
struct vm_area_struct {
	unsigned long vm_start, vm_end, vm_flags;
	struct file *vm_file;
};
struct task_struct {
	struct mm_struct *mm;
};
extern struct task_struct *current;

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline int IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-4095;
}
static inline int IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }
void put_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
struct page *pfn_to_page(unsigned long pfn);
void mmap_read_lock(struct mm_struct *mm);
void mmap_read_unlock(struct mm_struct *mm);
void *kvmalloc_array(size_t n, size_t size);
void kvfree(const void *p);
int vma_is_shmem(struct vm_area_struct *vma);

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

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
static inline struct vm_area_struct *vma_lookup(struct mm_struct *mm,
						unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

#endif
