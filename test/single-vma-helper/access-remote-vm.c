// mm/memory.c __access_remote_vm(): when GUP fails, the VM_IO | VM_PFNMAP
// fallback looks the VMA up itself and may read the count again. The
// rewrite keeps that path exact: the failed call's errno lands in the count
// before the fallback runs (in every configuration of the #ifdef), and the
// fallback's own vma_lookup() is kept, so no VMA the helper did not write is
// ever read.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>

#define CONFIG_HAVE_IOREMAP_PROT 1

int access_remote(struct mm_struct *mm, unsigned long addr, void *buf,
		  int len, unsigned int gup_flags)
{
	struct vm_area_struct *vma;
	void *old_buf = buf;
	int write = gup_flags & FOLL_WRITE;

	if (mmap_read_lock_killable(mm))
		return 0;

	vma = vma_lookup(mm, addr);
	if (!vma)
		return 0;

	while (len) {
		int bytes, ret, offset;
		void *maddr;
		struct page *page = NULL;

		ret = get_user_pages_remote(mm, addr, 1,
				gup_flags, &page, &vma, NULL);
		if (ret <= 0) {
#ifndef CONFIG_HAVE_IOREMAP_PROT
			break;
#else
			vma = vma_lookup(mm, addr);
			if (!vma)
				break;
			if (vma->vm_ops && vma->vm_ops->access)
				ret = vma->vm_ops->access(vma, addr, buf,
							  len, write);
			if (ret <= 0)
				break;
			bytes = ret;
#endif
		} else {
			bytes = len;
			offset = addr & (PAGE_SIZE - 1);
			if (bytes > PAGE_SIZE - offset)
				bytes = PAGE_SIZE - offset;

			maddr = kmap(page);
			if (write)
				copy_to_user_page(vma, page, addr,
						  maddr + offset, buf, bytes);
			else
				copy_from_user_page(vma, page, addr,
						    buf, maddr + offset, bytes);
			kunmap(page);
			put_page(page);
		}
		len -= bytes;
		buf += bytes;
		addr += bytes;
	}
	mmap_read_unlock(mm);

	return buf - old_buf;
}
// CHECK-FIXES:      {{^}}		page = get_user_page_vma_remote(mm, addr, gup_flags, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}			ret = page ? PTR_ERR(page) : 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifndef CONFIG_HAVE_IOREMAP_PROT{{$}}
// CHECK-FIXES-NEXT: {{^}}			break;{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}			vma = vma_lookup(mm, addr);{{$}}
// CHECK-FIXES:      {{^}}		} else {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}			bytes = len;{{$}}
