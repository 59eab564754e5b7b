// Out-of-tree module shapes: an array of VMAs allocated with any allocator,
// checked for NULL (a goto to an error label, or a return that frees other
// things), passed to GUP, freed, and never read. The allocation, the check,
// the argument, the free and the declaration go; a label only the check
// jumped to goes too (no -Wunused-label), a label other jumps still use
// stays; a local only the allocation used goes with it. With
// --compat=guard the old branch keeps all of them.
// RUN: %check-rewrite %s %t
// RUN: %check-rewrite %s %t.guard --prefix=GUARD -- --compat=guard

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

long pin_vmalloc(unsigned long start, unsigned long n, struct page **pages)
{
	struct vm_area_struct **vmas;
	long ret;

	vmas = vmalloc(n * sizeof(struct vm_area_struct *));
	if (!vmas) {
		ret = -ENOMEM;
		goto out;
	}
	mmap_read_lock(current->mm);
	ret = pin_user_pages(start, n, FOLL_WRITE | FOLL_LONGTERM, pages, vmas);
	mmap_read_unlock(current->mm);
	vfree(vmas);
out:
	return ret;
}
// CHECK-FIXES:      {{^}}long pin_vmalloc(unsigned long start, unsigned long n, struct page **pages){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	long ret;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_WRITE | FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}	mmap_read_unlock(current->mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

long pin_kmalloc_array(unsigned long start, unsigned long n)
{
	struct vm_area_struct **vmas;
	struct page **pages;
	long ret;

	pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	vmas = kmalloc_array(n, sizeof(struct vm_area_struct *), GFP_KERNEL);
	if (!vmas) {
		kfree(pages);
		return -ENOMEM;
	}
	mmap_read_lock(current->mm);
	ret = get_user_pages(start, n, FOLL_WRITE, pages, vmas);
	mmap_read_unlock(current->mm);
	while (ret > 0)
		put_page(pages[--ret]);
	kfree(vmas);
	kfree(pages);
	return ret;
}
// CHECK-FIXES:      {{^}}long pin_kmalloc_array(unsigned long start, unsigned long n){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	struct page **pages;{{$}}
// CHECK-FIXES:      {{^}}	if (!pages){{$}}
// CHECK-FIXES-NEXT: {{^}}		return -ENOMEM;{{$}}
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages(start, n, FOLL_WRITE, pages);{{$}}
// CHECK-FIXES:      {{^}}		put_page(pages[--ret]);{{$}}
// CHECK-FIXES-NEXT: {{^}}	kfree(pages);{{$}}

// The check jumps to a label that the error path after the pin uses too:
// that label stays, the free under it goes.
long pin_kcalloc(unsigned long start, unsigned long n, struct page **pages,
		 long *charged)
{
	struct vm_area_struct **vmas;
	long ret = -ENOMEM;

	vmas = kcalloc(n, sizeof(*vmas), GFP_KERNEL);
	if (!vmas)
		goto out_unaccount;
	mmap_read_lock(current->mm);
	ret = pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);
	mmap_read_unlock(current->mm);
	if (ret < 0)
		goto out_free;
	ret = 0;
out_free:
	kfree(vmas);
out_unaccount:
	if (ret)
		*charged -= n;
	return ret;
}
// CHECK-FIXES:      {{^}}		 long *charged){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	long ret = -ENOMEM;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_LONGTERM, pages);{{$}}
// CHECK-FIXES:      {{^}}		goto out_free;{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}out_free:{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret){{$}}

// Declared with its allocation; the size is a local only the allocation
// used, and goes with it.
long pin_kvmalloc_array(struct mm_struct *mm, unsigned long start,
			unsigned long n, struct page **pages)
{
	size_t size = n * sizeof(struct vm_area_struct *);
	struct vm_area_struct **vmas = kvmalloc(size, GFP_KERNEL);
	long ret;

	if (vmas == NULL)
		return -ENOMEM;
	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, start, n, FOLL_WRITE, pages, vmas,
				    NULL);
	mmap_read_unlock(mm);
	kvfree(vmas);
	return ret;
}
// CHECK-FIXES:      {{^}}			unsigned long n, struct page **pages){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	long ret;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = pin_user_pages_remote(mm, start, n, FOLL_WRITE, pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}				    NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}

// With 'locked' the lock may drop while GUP fills the array: that only
// matters to code that reads it.
long pin_vzalloc_locked(struct mm_struct *mm, unsigned long start,
			unsigned long n, struct page **pages)
{
	struct vm_area_struct **vmas;
	int locked = 1;
	long ret;

	vmas = vzalloc(n * sizeof(*vmas));
	if (!vmas)
		return -ENOMEM;
	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, start, n, 0, pages, vmas, &locked);
	if (locked)
		mmap_read_unlock(mm);
	vfree(vmas);
	return ret;
}
// CHECK-FIXES:      {{^}}long pin_vzalloc_locked(struct mm_struct *mm, unsigned long start,{{$}}
// CHECK-FIXES-NEXT: {{^}}			unsigned long n, struct page **pages){{$}}
// CHECK-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}	int locked = 1;{{$}}
// CHECK-FIXES-NEXT: {{^}}	long ret;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, start, n, 0, pages, &locked);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (locked){{$}}
// CHECK-FIXES-NEXT: {{^}}		mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
// CHECK-FIXES-NOT: vmas

// --compat=guard: the old branch keeps allocation, check, call, free and
// label; every changed line, in file order.
// GUARD-FIXES:      {{^}}#include <linux/slab.h>{{$}}
// GUARD-FIXES-NEXT: {{^}}#include <linux/vmalloc.h>{{$}}
// GUARD-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}
// GUARD-FIXES-EMPTY:
// GUARD-FIXES-NEXT: {{^}}long pin_vmalloc(unsigned long start, unsigned long n, struct page **pages){{$}}
// GUARD-FIXES:      {{^}}{{[{]}}{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	struct vm_area_struct **vmas;{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	long ret;{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	vmas = vmalloc(n * sizeof(struct vm_area_struct *));{{$}}
// GUARD-FIXES:      {{^}}		goto out;{{$}}
// GUARD-FIXES-NEXT: {{^}}	}{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_WRITE | FOLL_LONGTERM, pages);{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_WRITE | FOLL_LONGTERM, pages, vmas);{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_unlock(current->mm);{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	return ret;{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	vfree(vmas);{{$}}
// GUARD-FIXES:      {{^}}out:{{$}}
// GUARD-FIXES-NEXT: {{^}}	return ret;{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}}{{$}}
// GUARD-FIXES:      {{^}}long pin_kmalloc_array(unsigned long start, unsigned long n){{$}}
// GUARD-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	struct vm_area_struct **vmas;{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	struct page **pages;{{$}}
// GUARD-FIXES:      {{^}}	if (!pages){{$}}
// GUARD-FIXES-NEXT: {{^}}		return -ENOMEM;{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	vmas = kmalloc_array(n, sizeof(struct vm_area_struct *), GFP_KERNEL);{{$}}
// GUARD-FIXES:      {{^}}		return -ENOMEM;{{$}}
// GUARD-FIXES-NEXT: {{^}}	}{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = get_user_pages(start, n, FOLL_WRITE, pages);{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = get_user_pages(start, n, FOLL_WRITE, pages, vmas);{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_unlock(current->mm);{{$}}
// GUARD-FIXES:      {{^}}	while (ret > 0){{$}}
// GUARD-FIXES-NEXT: {{^}}		put_page(pages[--ret]);{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	kfree(vmas);{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	kfree(pages);{{$}}
// GUARD-FIXES:      {{^}}		 long *charged){{$}}
// GUARD-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	struct vm_area_struct **vmas;{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	long ret = -ENOMEM;{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	vmas = kcalloc(n, sizeof(*vmas), GFP_KERNEL);{{$}}
// GUARD-FIXES:      {{^}}	if (!vmas){{$}}
// GUARD-FIXES-NEXT: {{^}}		goto out_unaccount;{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_LONGTERM, pages);{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = pin_user_pages(start, n, FOLL_LONGTERM, pages, vmas);{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_unlock(current->mm);{{$}}
// GUARD-FIXES:      {{^}}		goto out_free;{{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = 0;{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}out_free:{{$}}
// GUARD-FIXES-NEXT: {{^}}	if (ret){{$}}
// GUARD-FIXES-NEXT: {{^}}		*charged -= n;{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}out_free:{{$}}
// GUARD-FIXES:      {{^}}	if (ret){{$}}
// GUARD-FIXES-NEXT: {{^}}		*charged -= n;{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	return ret;{{$}}
// GUARD-FIXES:      {{^}}			unsigned long n, struct page **pages){{$}}
// GUARD-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	size_t size = n * sizeof(struct vm_area_struct *);{{$}}
// GUARD-FIXES:      {{^}}	struct vm_area_struct **vmas = kvmalloc(size, GFP_KERNEL);{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	long ret;{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	if (vmas == NULL){{$}}
// GUARD-FIXES:      {{^}}		return -ENOMEM;{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_lock(mm);{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = pin_user_pages_remote(mm, start, n, FOLL_WRITE, pages,{{$}}
// GUARD-FIXES-NEXT: {{^}}				    NULL);{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = pin_user_pages_remote(mm, start, n, FOLL_WRITE, pages, vmas,{{$}}
// GUARD-FIXES:      {{^}}				    NULL);{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_unlock(mm);{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	kvfree(vmas);{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	return ret;{{$}}
// GUARD-FIXES:      {{^}}			unsigned long n, struct page **pages){{$}}
// GUARD-FIXES-NEXT: {{^}}{{[{]}}{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	struct vm_area_struct **vmas;{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	int locked = 1;{{$}}
// GUARD-FIXES:      {{^}}	long ret;{{$}}
// GUARD-FIXES-EMPTY:
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	vmas = vzalloc(n * sizeof(*vmas));{{$}}
// GUARD-FIXES:      {{^}}	if (!vmas){{$}}
// GUARD-FIXES-NEXT: {{^}}		return -ENOMEM;{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	mmap_read_lock(mm);{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, start, n, 0, pages, &locked);{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, start, n, 0, pages, vmas, &locked);{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	if (locked){{$}}
// GUARD-FIXES:      {{^}}		mmap_read_unlock(mm);{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	vfree(vmas);{{$}}
// GUARD-FIXES:      {{^}}#endif{{$}}
// GUARD-FIXES-NEXT: {{^}}	return ret;{{$}}
