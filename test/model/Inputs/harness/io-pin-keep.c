/* Hand-written rewrite of harness-io-pin.c: the VMA check kept, with vma_lookup() under the lock after the pin. */
#include <linux/errno.h>
#include <linux/hugetlb.h>
#include <linux/mm.h>
#include <linux/slab.h>

long pin_user_buffer(unsigned long ubuf, int nr, struct page **pages)
{
	long pinned;
	int i, ret = 0;

	mmap_read_lock(current->mm);
	pinned = pin_user_pages(ubuf, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned == nr) {
		for (i = 0; i < nr; i++) {
			struct vm_area_struct *vma =
				vma_lookup(current->mm, ubuf + i * PAGE_SIZE);

			if (!vma) {
				ret = -EFAULT;
				break;
			}
			if (vma_is_shmem(vma))
				continue;
			if (vma->vm_file && !is_file_hugepages(vma->vm_file)) {
				ret = -EOPNOTSUPP;
				break;
			}
		}
	} else {
		ret = pinned < 0 ? pinned : -EFAULT;
	}
	mmap_read_unlock(current->mm);
	if (ret && pinned > 0)
		unpin_user_pages(pages, pinned);
	return ret ? ret : pinned;
}

#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void try_pin(const char *what, unsigned long start, int nr)
{
	struct page *pages[8];
	long ret = pin_user_buffer(start, nr, pages);

	gup_model_printf("pin %s = %ld", what, ret);
	if (ret > 0)
		unpin_user_pages(pages, ret);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE;

	gup_model_begin();
	try_pin("anon", gup_model_add_vma("anon", 2, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE), 2);
	try_pin("shmem", gup_model_add_vma("shmem", 2, rw | VM_SHARED, GUP_MODEL_SHMEM, 0), 2);
	try_pin("hugetlbfs", gup_model_add_vma("huge", 4, rw | VM_SHARED, GUP_MODEL_HUGETLBFS, 0), 4);
	try_pin("shared file", gup_model_add_vma("sfile", 2, rw | VM_SHARED, GUP_MODEL_FILE, 0), 2);
	try_pin("private file", gup_model_add_vma("pfile", 2, rw, GUP_MODEL_FILE, 0), 2);
	try_pin("past the end", gup_model_add_vma("short", 2, rw, GUP_MODEL_ANON, 0), 3);
	return gup_model_finish();
}
#endif
