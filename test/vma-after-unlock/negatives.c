// Not reported: reads while the lock is held, a different mm unlocked
// (directly, or through a local alias of it, or through a local first set
// to the call's mm and then to another), the VMA filled again after
// re-locking, and NULL vmas. Only the positive in current_mm() is.
// RUN: rm -rf %t.tree && mkdir -p %t.tree && cp %s %t.tree/negatives.c
// RUN: %mkdb %t.tree negatives.c -- -I%kinclude
// RUN: %expect-exit 1 %gup-rewrite -p %t.tree --report > %t.report
// RUN: FileCheck %s --input-file=%t.report --implicit-check-not=vma-after-unlock
// CHECK: negatives.c:76:9: vma-after-unlock: 'vma' was filled by get_user_pages() at line 73 and is read here after mmap_read_unlock() at line 74

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

long under_lock(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	if (ret == 1) {
		ret = vma->vm_flags;
		put_page(page);
	}
	mmap_read_unlock(mm);
	return ret;
}

long other_mm(struct mm_struct *mm, struct mm_struct *other, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	mmap_read_unlock(other);
	if (ret == 1) {
		ret = vma->vm_flags;
		put_page(page);
	}
	mmap_read_unlock(mm);
	return ret;
}

long refilled(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	mmap_read_unlock(mm);
	if (ret == 1)
		put_page(page);
	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	ret = vma ? (long)vma->vm_flags : -EFAULT;
	mmap_read_unlock(mm);
	return ret + get_user_pages_remote(mm, addr, 1, 0, NULL, NULL, NULL);
}

long current_mm(unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(current->mm);
	ret = get_user_pages(addr, 1, 0, &page, &vma);
	mmap_read_unlock(current->mm);
	if (ret == 1)
		ret = vma->vm_flags;
	return ret;
}

long other_mm_through_locals(struct mm_struct *mm, struct mm_struct *other,
			     unsigned long addr)
{
	struct mm_struct *other_alias = other, *reassigned = mm;
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	reassigned = other;
	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	mmap_read_unlock(other_alias);
	mmap_read_unlock(reassigned);
	ret = ret == 1 ? (long)vma->vm_flags : ret;
	mmap_read_unlock(mm);
	return ret;
}
