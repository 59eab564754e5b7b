// fs/exec.c: mirrors get_arg_page(). get_user_pages_remote() split over three
// lines with a one-extra-tab continuation, `write ? FOLL_WRITE : 0` on a line
// of its own and `&page, NULL, NULL);` on the last: the locked NULL stays.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

struct exec_image {
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	unsigned long stack_pages;
};

struct page *exec_get_arg_page(struct exec_image *img, unsigned long pos,
		int write)
{
	struct page *page;
	struct mm_struct *mm = img->mm;
	int ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, pos, 1,
			write ? FOLL_WRITE : 0,
			&page, NULL, NULL);
	// CHECK-FIXES: {{^}}	ret = get_user_pages_remote(mm, pos, 1,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			write ? FOLL_WRITE : 0,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			&page, NULL);{{$}}
	mmap_read_unlock(mm);
	if (ret <= 0)
		return NULL;

	if (write)
		img->stack_pages = (img->vma->vm_end - img->vma->vm_start) >>
				   PAGE_SHIFT;

	return page;
}
