// The unlock releases the mm of the call through a local that only its
// initialiser sets: `mm = current->mm` for a call working on current->mm,
// `lock_mm = mm` for a remote call. The same mm by value, so the reads after
// it are reported like those after an unlock spelled as the call's mm.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

long own_mm_local(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages(addr, 1, 0, &page, &vma);
	mmap_read_unlock(mm);
	if (ret == 1 && (vma->vm_flags & VM_IO))
		ret = -EFAULT;
	return ret;
}

long remote_alias(struct mm_struct *mm, unsigned long addr)
{
	struct mm_struct *lock_mm = mm;
	struct mm_struct *held = lock_mm;
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(held);
	ret = pin_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	mmap_write_unlock(held);
	if (ret == 1 && (vma->vm_flags & VM_IO))
		ret = -EFAULT;
	return ret;
}

long remote_local_mm(struct task_struct *task, unsigned long addr)
{
	struct mm_struct *mm = task->mm;
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(task->mm);
	ret = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
	mmap_read_unlock(task->mm);
	if (ret == 1 && (vma->vm_flags & VM_IO))
		ret = -EFAULT;
	return ret;
}
// CHECK-MESSAGES: local-alias.c:19:42: warning: get_user_pages() is passed a vmas argument ('&vma'), a parameter Linux 6.5 removed, and it is not migrated automatically: the page count is not tested by the statement right after the call;
// CHECK-MESSAGES: local-alias.c:21:19: warning: 'vma' was filled by get_user_pages() at line 19 and is read here after mmap_read_unlock() at line 20: the VMA may already be freed
// CHECK-MESSAGES: local-alias.c:35:53: warning: pin_user_pages_remote() is passed a vmas argument ('&vma')
// CHECK-MESSAGES: local-alias.c:37:19: warning: 'vma' was filled by pin_user_pages_remote() at line 35 and is read here after mmap_write_unlock() at line 36: the VMA may already be freed
// CHECK-MESSAGES: local-alias.c:50:53: warning: get_user_pages_remote() is passed a vmas argument ('&vma')
// CHECK-MESSAGES: local-alias.c:52:19: warning: 'vma' was filled by get_user_pages_remote() at line 50 and is read here after mmap_read_unlock() at line 51: the VMA may already be freed
// CHECK-MESSAGES: warning: get_user_pages() was not migrated
// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
// CHECK-MESSAGES: warning: pin_user_pages_remote() was not migrated
