/* Hand-written rewrite of harness-locked.c: WRONG, the `if (locked)` guard is lost. */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

long copy_chunk(struct mm_struct *mm, unsigned long addr, unsigned long nr,
		struct page **pages, int write)
{
	unsigned int flags = write ? FOLL_WRITE : 0;
	int locked = 1;
	long pinned;

	mmap_read_lock(mm);
	pinned = pin_user_pages_remote(mm, addr, nr, flags, pages,
				       &locked);
	mmap_read_unlock(mm);
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	unpin_user_pages_dirty_lock(pages, pinned, write);
	return pinned;
}

#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

int main(void)
{
	struct page *pages[4];
	struct mm_struct *mm;
	unsigned long buf;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	gup_model_printf("plain = %ld", copy_chunk(mm, buf, 4, pages, 1));
	gup_model_inject_retry(buf + 2 * PAGE_SIZE, 1);
	gup_model_printf("retry = %ld", copy_chunk(mm, buf, 4, pages, 0));
	gup_model_printf("lock drops = %d", gup_model_lock_drops());
	gup_model_printf("hole = %ld", copy_chunk(mm, buf - PAGE_SIZE, 2, pages, 0));
	return gup_model_finish();
}
#endif
