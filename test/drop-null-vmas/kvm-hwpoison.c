// KVM: mirrors check_user_page_hwpoison() (virt/kvm/kvm_main.c), a static
// inline probe that faults one page in with get_user_pages() passing NULL for
// pages as well as for vmas: only the second NULL (vmas, by position) may go,
// the pages NULL must survive.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

static inline int hva_page_is_hwpoison(unsigned long addr)
{
	int rc, flags = FOLL_HWPOISON | FOLL_WRITE;

	rc = get_user_pages(addr, 1, flags, NULL, NULL);
	// CHECK-FIXES: {{^}}	rc = get_user_pages(addr, 1, flags, NULL);{{$}}
	return rc == -EHWPOISON;
}

long guest_hva_to_pfn_fallback(unsigned long addr, unsigned long *pfn)
{
	struct vm_area_struct *vma;
	long ret = -EFAULT;

	mmap_read_lock(current->mm);
	if (hva_page_is_hwpoison(addr)) {
		ret = -EHWPOISON;
		goto out;
	}
	vma = vma_lookup(current->mm, addr);
	if (vma && (vma->vm_flags & VM_PFNMAP)) {
		*pfn = (addr - vma->vm_start) >> PAGE_SHIFT;
		ret = 0;
	}
out:
	mmap_read_unlock(current->mm);
	return ret;
}
