// A long-term pin that checks the VMA of the page it pinned. The helper
// takes a FOLL_GET reference, so it cannot replace a pin: the argument is
// dropped and the VMA is looked up right after a successful pin, still
// under the caller's mmap_lock (no `locked`, so GUP never dropped it).
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

int pin_anon_page(struct mm_struct *mm, unsigned long uaddr, struct page **out)
{
	struct vm_area_struct *vma;
	struct page *page;
	long pinned;

	mmap_read_lock(mm);
	pinned = pin_user_pages_remote(mm, uaddr, 1, FOLL_WRITE | FOLL_LONGTERM,
				       &page, &vma, NULL);
	if (pinned != 1) {
		mmap_read_unlock(mm);
		return pinned < 0 ? pinned : -EFAULT;
	}
	if (vma->vm_flags & VM_SHARED) {
		unpin_user_page(page);
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	mmap_read_unlock(mm);
	*out = page;
	return 0;
}
// CHECK-FIXES:      {{^}}	pinned = pin_user_pages_remote(mm, uaddr, 1, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}				       &page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (pinned != 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return pinned < 0 ? pinned : -EFAULT;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}	vma = vma_lookup(mm, uaddr);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (vma->vm_flags & VM_SHARED) {{[{]}}{{$}}
