// The call is written in a #define body: the VMA it fills is still read
// after mmap_read_unlock() in the function that uses the macro, and that
// read is reported.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

#define PIN_ONE() pin_user_pages(addr, 1, FOLL_LONGTERM, &page, &vma)

long pin_and_check(unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(current->mm);
	ret = PIN_ONE();
	mmap_read_unlock(current->mm);
	if (ret == 1 && vma->vm_file)
		ret = -EOPNOTSUPP;
	return ret;
}

#define GRAB_REMOTE(mm) get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL)

long grab_and_check(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	ret = GRAB_REMOTE(mm);
	mmap_read_unlock(mm);
	if (ret == 1 && (vma->vm_flags & VM_IO))
		ret = -EFAULT;
	return ret;
}
// CHECK-MESSAGES: macro-body.c:19:8: warning: pin_user_pages() is passed a vmas argument, a parameter Linux 6.5 removed, and it is not migrated automatically: the page count is not tested by the statement right after the call;
// CHECK-MESSAGES: macro-body.c:21:18: warning: 'vma' was filled by pin_user_pages() at line 19 and is read here after mmap_read_unlock() at line 20: the VMA may already be freed
// CHECK-MESSAGES: macro-body.c:35:8: warning: get_user_pages_remote() is passed a vmas argument, a parameter Linux 6.5 removed, and it is not migrated automatically: the page count is not tested by the statement right after the call;
// CHECK-MESSAGES: macro-body.c:37:19: warning: 'vma' was filled by get_user_pages_remote() at line 35 and is read here after mmap_read_unlock() at line 36: the VMA may already be freed
// CHECK-MESSAGES: warning: get_user_pages_remote() was not migrated
// CHECK-MESSAGES: warning: pin_user_pages() was not migrated
