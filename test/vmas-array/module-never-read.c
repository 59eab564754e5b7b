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
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	struct vm_area_struct **vmas;{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES:      {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	vmas = vmalloc(n * sizeof(struct vm_area_struct *));{{$}}
// GUARD-FIXES:      {{^}}		goto out;{{$}}
// GUARD-FIXES-NEXT: {{^}}	}{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}
// GUARD-FIXES:      {{^}}	mmap_read_unlock(current->mm);{{$}}
// GUARD-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// GUARD-FIXES-NEXT: {{^}}	return ret;{{$}}
// GUARD-FIXES-NEXT: {{^}}#else{{$}}
// GUARD-FIXES-NEXT: {{^}}	vfree(vmas);{{$}}
// GUARD-FIXES-NEXT: {{^}}out:{{$}}
// GUARD-FIXES-NEXT: {{^}}	return ret;{{$}}
// GUARD-FIXES-NEXT: {{^}}#endif{{$}}

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
// CHECK-FIXES:      {{^}}	long ret = -ENOMEM;{{$}}
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
// CHECK-FIXES:      {{^}}	int locked = 1;{{$}}
// CHECK-FIXES-NEXT: {{^}}	long ret;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, start, n, 0, pages, &locked);{{$}}
// CHECK-FIXES-NOT: vmas
// GUARD-FIXES: {{^}}	vfree(vmas);{{$}}
