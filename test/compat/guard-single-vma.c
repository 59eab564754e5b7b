// --compat=guard with a single-VMA use: the new branch uses
// get_user_page_vma_remote() (6.5 on; its NULL and ERR_PTR results are both
// handled, so 6.7 builds too), the old branch keeps the old call and its
// count test. The statements after the test are shared.
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/errno.h>
#include <linux/mm.h>

int drv_vma_is_writable(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	int ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, &vma, NULL);
	if (ret <= 0) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	ret = !!(vma->vm_flags & VM_WRITE);
	put_page(page);
	mmap_read_unlock(mm);
	return ret;
}
// CHECK-FIXES:      {{^}}	mmap_read_lock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	page = get_user_page_vma_remote(mm, addr, FOLL_FORCE, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return -EFAULT;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, &vma, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret <= 0) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return -EFAULT;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = !!(vma->vm_flags & VM_WRITE);{{$}}
