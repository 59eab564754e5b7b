// Misuse the model reports: each case prints MODEL-ERROR or LEAK lines, ends
// with "result: FAIL" and exits non-zero.
// REQUIRES: model
// RUN: %model-cc -DCASE=1 %s -o %t1 && not %t1 | FileCheck %s --check-prefixes=C1,FAIL
// RUN: %model-cc -DCASE=2 %s -o %t2 && not %t2 | FileCheck %s --check-prefixes=C2,FAIL
// RUN: %model-cc -DCASE=3 %s -o %t3 && not %t3 | FileCheck %s --check-prefixes=C3,FAIL
// RUN: %model-cc -DCASE=4 %s -o %t4 && not %t4 | FileCheck %s --check-prefixes=C4,FAIL
// RUN: %model-cc -DCASE=5 %s -o %t5 && not %t5 | FileCheck %s --check-prefixes=C5,FAIL
// RUN: %model-cc -DCASE=6 %s -o %t6 && not %t6 | FileCheck %s --check-prefixes=C6,FAIL
// RUN: %model-cc -DCASE=7 %s -o %t7 && not %t7 | FileCheck %s --check-prefixes=C7,FAIL
// RUN: %model-cc -DCASE=8 %s -o %t8 && not %t8 | FileCheck %s --check-prefixes=C8,FAIL
// RUN: %model-cc -DCASE=9 %s -o %t9 && not %t9 | FileCheck %s --check-prefixes=C9
// RUN: %model-cc -DCASE=10 %s -o %t10 && not %t10 | FileCheck %s --check-prefixes=C10,FAIL
// RUN: %model-cc -DCASE=11 %s -o %t11 && not %t11 | FileCheck %s --check-prefixes=C11,FAIL
// RUN: %model-cc -DCASE=12 %s -o %t12 && not %t12 | FileCheck %s --check-prefixes=C12,FAIL
// RUN: %model-cc -DCASE=13 %s -o %t13 && %expect-exit 2 %t13 | FileCheck %s --check-prefixes=C13 --implicit-check-not=MODEL-ERROR
// RUN: %model-cc -DCASE=14 %s -o %t14 && not %t14 | FileCheck %s --check-prefixes=C14,FAIL
// RUN: %model-cc -DCASE=15 %s -o %t15 && not %t15 | FileCheck %s --check-prefixes=C15,FAIL
#include "Inputs/model_test.h"

int main(void)
{
	struct mm_struct *mm;
	struct page *pages[4];
	unsigned long buf;
	long ret = 0;
	int locked = 1;

	gup_model_begin();
	mm = current->mm;
	buf = gup_model_add_vma("buf", 4, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	(void)locked;

#if CASE == 1
	/* GUP without mmap_lock */
	ret = T_GUP(buf, 1, 0, pages, NULL);
	put_page(pages[0]);
// C1: MODEL-ERROR: get_user_pages(mm) called without mmap_lock held
#elif CASE == 2
	gup_model_printf("%s", gup_model_vma_name(vma_lookup(mm, buf)));
// C2: MODEL-ERROR: vma_lookup(mm) without mmap_lock held
#elif CASE == 3
	mmap_read_lock(mm);
	mmap_read_unlock(mm);
	mmap_read_unlock(mm);
// C3: MODEL-ERROR: mmap_read_unlock: mmap_read_unlock(mm) without holding the read lock (unlock imbalance)
#elif CASE == 4
	/* ignoring *locked == 0 after a retry: unlocking a lock GUP released */
	mmap_read_lock(mm);
	gup_model_inject_retry(buf, 1);
	ret = T_PUP_REMOTE(mm, buf, 2, 0, pages, NULL, &locked);
	mmap_read_unlock(mm);
	unpin_user_pages(pages, ret);
// C4: MODEL-ERROR: mmap_read_unlock: mmap_read_unlock(mm) without holding the read lock (unlock imbalance)
#elif CASE == 5
	/* pinned pages released with put_page() */
	ret = pin_user_pages_fast(buf, 1, 0, pages);
	put_page(pages[0]);
// C5: MODEL-ERROR: put_page(buf+0): page holds FOLL_PIN pins but no FOLL_GET reference (release pins with unpin_user_page())
// C5: LEAK: buf+0 ref=1025 (baseline 1): 0 FOLL_GET reference(s), 1 FOLL_PIN pin(s) not released
#elif CASE == 6
	/* FOLL_GET pages released with unpin_user_page() */
	ret = get_user_pages_fast(buf, 1, 0, pages);
	unpin_user_page(pages[0]);
// C6: MODEL-ERROR: unpin_user_page(buf+0): page holds FOLL_GET references but no FOLL_PIN pin (release with put_page())
// C6: LEAK: buf+0 ref=2 (baseline 1): 1 FOLL_GET reference(s), 0 FOLL_PIN pin(s) not released
#elif CASE == 7
	/* a dropped error branch that forgets to release */
	ret = get_user_pages_fast(buf, 3, 0, pages);
	put_page(pages[0]);
	put_page(pages[2]);
// C7: page buf+1 ref=2 pins=0
// C7: LEAK: buf+1 ref=2 (baseline 1): 1 FOLL_GET reference(s), 0 FOLL_PIN pin(s) not released
#elif CASE == 8
	mmap_read_lock(mm);
// C8: lock mm: read(1)
// C8: MODEL-ERROR: mmap_lock of mm still held at the end of the scenario
#elif CASE == 9
	/* no gup_model_finish() */
	gup_model_printf("returning");
	return 0;
// C9: returning
// C9-NEXT: MODEL-ERROR: the scenario ended without gup_model_finish()
#elif CASE == 10
	/* *_unlocked while holding the lock */
	mmap_read_lock(mm);
	ret = get_user_pages_unlocked(buf, 1, pages, 0);
	mmap_read_unlock(mm);
	put_page(pages[0]);
// C10: MODEL-ERROR: mmap_read_lock_killable: recursive mmap_read_lock(mm) (deadlocks against a waiting writer)
#elif CASE == 11
	/* GUP-fast falling back to the slow path under the caller's lock */
	mmap_read_lock(mm);
	ret = get_user_pages_fast(buf + 3 * PAGE_SIZE, 2, 0, pages);
	mmap_read_unlock(mm);
	while (ret > 0)
		put_page(pages[--ret]);
// C11: MODEL-ERROR: mmap_read_lock_killable: recursive mmap_read_lock(mm)
#elif CASE == 12
	mmput(mm);
// C12: MODEL-ERROR: mmput(mm) without a matching get_task_mm()/mmget (mm_users underflow)
#elif CASE == 13
	BUG_ON(buf != 0);
// C13: BUG: kernel BUG() reached
// C13-NEXT: MODEL-FATAL: BUG() at model-errors.c:[[@LINE-2]]
#elif CASE == 14
	mmap_write_lock(mm);
	mmap_read_lock(mm);
	mmap_read_unlock(mm);
	mmap_write_unlock(mm);
// C14: MODEL-ERROR: mmap_read_lock: mmap_read_lock(mm) while it is write-locked (deadlock)
#elif CASE == 15
	/* a task's mm taken and not put back */
	gup_model_printf("%d", get_task_mm(current) == mm);
// C15: MODEL-ERROR: mm mm: 1 mm_users reference(s) not dropped (missing mmput())
#endif
	return gup_model_finish();
}

// FAIL: result: FAIL
