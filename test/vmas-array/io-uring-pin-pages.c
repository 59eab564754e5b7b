// io_uring io_pin_pages(): allocate an array of VMAs, long-term pin the
// buffer, walk the array under mmap_lock to refuse file-backed memory, free
// it. By default each vmas[i] read becomes a vma_lookup() of page i's
// address (one per loop iteration) and the array, its allocation, its check
// and its free go away: the checks still run on every kernel. With
// --drop-vma-checks the checking statements go as well, with the loop
// counter they alone used (GUP itself refuses these pins from 6.5).
// RUN: %check-rewrite %s %t
// RUN: %check-rewrite %s %t.drop --prefix=DROP -- --drop-vma-checks

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/hugetlb.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct page **pin_buffer(unsigned long ubuf, unsigned long len, int *npages)
{
	unsigned long start, end, nr_pages;
	struct vm_area_struct **vmas = NULL;
	struct page **pages = NULL;
	int i, pret, ret = -ENOMEM;

	end = (ubuf + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	start = ubuf >> PAGE_SHIFT;
	nr_pages = end - start;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		goto done;

	vmas = kvmalloc_array(nr_pages, sizeof(struct vm_area_struct *),
			      GFP_KERNEL);
	if (!vmas)
		goto done;

	ret = 0;
	mmap_read_lock(current->mm);
	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM,
			      pages, vmas);
	if (pret == nr_pages) {
		struct file *file = vmas[0]->vm_file;

		/* only anonymous memory, shmem or hugetlbfs */
		for (i = 0; i < nr_pages; i++) {
			if (vmas[i]->vm_file != file) {
				ret = -EINVAL;
				break;
			}
			if (!file)
				continue;
			if (!vma_is_shmem(vmas[i]) && !is_file_hugepages(file)) {
				ret = -EOPNOTSUPP;
				break;
			}
		}
		*npages = nr_pages;
	} else {
		ret = pret < 0 ? pret : -EFAULT;
	}
	mmap_read_unlock(current->mm);
	if (ret) {
		if (pret > 0)
			unpin_user_pages(pages, pret);
		goto done;
	}
	ret = 0;
done:
	kvfree(vmas);
	if (ret < 0) {
		kvfree(pages);
		pages = ERR_PTR(ret);
	}
	return pages;
}
// CHECK-FIXES:      {{^}}	unsigned long start, end, nr_pages;{{$}}
// CHECK-FIXES-NEXT: {{^}}	struct page **pages = NULL;{{$}}
// CHECK-FIXES-NEXT: {{^}}	int i, pret, ret = -ENOMEM;{{$}}
// CHECK-FIXES:      {{^}}	if (!pages){{$}}
// CHECK-FIXES-NEXT: {{^}}		goto done;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	ret = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}			      pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (pret == nr_pages) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		struct file *file = vma_lookup(current->mm, ubuf)->vm_file;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}		/* only anonymous memory, shmem or hugetlbfs */{{$}}
// CHECK-FIXES-NEXT: {{^}}		for (i = 0; i < nr_pages; i++) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}			struct vm_area_struct *vma = vma_lookup(current->mm, ubuf + i * PAGE_SIZE);{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}			if (vma->vm_file != file) {{[{]}}{{$}}
// CHECK-FIXES:      {{^}}			if (!vma_is_shmem(vma) && !is_file_hugepages(file)) {{[{]}}{{$}}
// CHECK-FIXES:      {{^}}done:{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret < 0) {{[{]}}{{$}}

// DROP-FIXES:      {{^}}	struct page **pages = NULL;{{$}}
// DROP-FIXES-NEXT: {{^}}	int pret, ret = -ENOMEM;{{$}}
// DROP-FIXES:      {{^}}	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// DROP-FIXES-NEXT: {{^}}			      pages);{{$}}
// DROP-FIXES-NEXT: {{^}}	if (pret == nr_pages) {{[{]}}{{$}}
// DROP-FIXES-NEXT: {{^}}		*npages = nr_pages;{{$}}
// DROP-FIXES-NEXT: {{^}}	} else {{[{]}}{{$}}
// DROP-FIXES:      {{^}}done:{{$}}
// DROP-FIXES-NEXT: {{^}}	if (ret < 0) {{[{]}}{{$}}
