// The `locked` protocol. Without `locked` GUP never drops mmap_lock (a fault
// that wants to retry just waits). With `locked` pointing at 1, a fault
// returning VM_FAULT_RETRY makes GUP drop the lock, re-take it, retry that
// page with FOLL_TRIED and continue; the lock is then released before
// returning and *locked is 0. Without a retry the lock stays held and
// *locked stays 1. FOLL_NOWAIT stops at the page instead (lock kept, the
// page not counted). A pending fatal signal gives -EINTR.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static struct page *pages[8];

static void release(long ret)
{
	long i;

	for (i = 0; i < ret; i++)
		unpin_user_page(pages[i]);
}

static void remote(const char *what, unsigned long start, unsigned long n,
		   unsigned int flags, bool with_locked)
{
	struct mm_struct *mm = current->mm;
	int locked = 1;
	int drops = gup_model_lock_drops();
	long ret;

	mmap_read_lock(mm);
	ret = T_PUP_REMOTE(mm, start, n, flags, pages, NULL,
			   with_locked ? &locked : NULL);
	gup_model_printf("%s = %ld locked=%d lock_held=%d drops=%d", what, ret,
			 locked, gup_model_lock_held(),
			 gup_model_lock_drops() - drops);
	t_pages("  got", pages, ret);
	if (locked)
		mmap_read_unlock(mm);
	release(ret);
}

int main(void)
{
	unsigned long buf;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	remote("no retry", buf, 4, 0, true);

	gup_model_inject_retry(buf + 2 * PAGE_SIZE, 1);
	remote("retry at page 2", buf, 4, 0, true);

	gup_model_inject_retry(buf, 1);
	remote("retry at page 0", buf, 2, 0, true);

	gup_model_inject_retry(buf + PAGE_SIZE, 2);
	remote("page 1 retries twice", buf, 3, 0, true);

	gup_model_inject_retry(buf + PAGE_SIZE, 1);
	remote("retry without locked", buf, 3, 0, false);

	gup_model_inject_retry(buf + PAGE_SIZE, 1);
	remote("NOWAIT retry at page 1", buf, 3, FOLL_NOWAIT, true);

	gup_model_inject_retry(buf, 1);
	remote("NOWAIT retry at page 0", buf, 3, FOLL_NOWAIT, true);

	/* retries on every first attempt, succeeds with FOLL_TRIED */
	gup_model_inject_retry(buf + 3 * PAGE_SIZE, -1);
	remote("always retry page 3", buf + 2 * PAGE_SIZE, 2, 0, true);
	gup_model_inject_retry(buf + 3 * PAGE_SIZE, 0);

	/* the unlocked variant takes and releases the lock itself */
	gup_model_inject_retry(buf + PAGE_SIZE, 1);
	{
		long ret = pin_user_pages_unlocked(buf, 2, pages, 0);

		gup_model_printf("unlocked with retry = %ld lock_held=%d", ret,
				 gup_model_lock_held());
		release(ret);
	}

	/* an error after the lock was dropped is swallowed after page 0 */
	gup_model_inject_retry(buf + PAGE_SIZE, 1);
	gup_model_inject_error(buf + 2 * PAGE_SIZE, ENOMEM, 1);
	remote("retry then error", buf, 4, 0, true);

	gup_model_inject_retry(buf, 1);
	gup_model_set_fatal_signal(true);
	{
		struct mm_struct *mm = current->mm;
		int locked = 1;
		long ret;

		mmap_read_lock(mm);
		ret = T_PUP_REMOTE(mm, buf, 2, 0, pages, NULL, &locked);
		gup_model_printf("fatal signal pending = %ld locked=%d lock_held=%d",
				 ret, locked, gup_model_lock_held());
		if (locked)
			mmap_read_unlock(mm);
	}
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}

// CHECK:      no retry = 4 locked=1 lock_held=1 drops=0
// CHECK:      retry at page 2 = 4 locked=0 lock_held=0 drops=1
// CHECK-NEXT:   got[0] = buf+0 ref=1025
// CHECK-NEXT:   got[1] = buf+1 ref=1025
// CHECK-NEXT:   got[2] = buf+2 ref=1025
// CHECK-NEXT:   got[3] = buf+3 ref=1025
// CHECK-NEXT: retry at page 0 = 2 locked=0 lock_held=0 drops=1
// CHECK-NEXT:   got[0] = buf+0
// CHECK-NEXT:   got[1] = buf+1
// CHECK-NEXT: page 1 retries twice = 3 locked=0 lock_held=0 drops=2
// CHECK:      retry without locked = 3 locked=1 lock_held=1 drops=0
// CHECK:      NOWAIT retry at page 1 = 1 locked=1 lock_held=1 drops=0
// CHECK-NEXT:   got[0] = buf+0
// CHECK-NEXT: NOWAIT retry at page 0 = 0 locked=1 lock_held=1 drops=0
// CHECK-NEXT: always retry page 3 = 2 locked=0 lock_held=0 drops=1
// CHECK-NEXT:   got[0] = buf+2
// CHECK-NEXT:   got[1] = buf+3
// CHECK-NEXT: unlocked with retry = 2 lock_held=0
// CHECK-NEXT: retry then error = 2 locked=0 lock_held=0 drops=1
// CHECK-NEXT:   got[0] = buf+0
// CHECK-NEXT:   got[1] = buf+1
// CHECK-NEXT: fatal signal pending = -4 locked=1 lock_held=1
// CHECK:      foll-pin: acquired=[[N:[0-9]+]] released=[[N]]
// CHECK:      result: OK
