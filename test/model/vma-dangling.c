// VMA pointers are only valid while mmap_lock is held: the model frees every
// VMA it handed out (vma_lookup(), find_vma(), vmas[] on 604, the vma of
// get_user_page_vma_remote() on 605) when the lock is fully released, also
// when GUP itself dropped it for a fault retry. A later read is a
// heap-use-after-free that ASan reports with the unlock in the free stack.
// REQUIRES: model
// Case 0 is the control: reads under the lock, and a fresh lookup after
// re-locking, are fine.
// RUN: %model-cc -DCASE=0 %s -o %t0 && %t0 | FileCheck %s --check-prefix=OK
// RUN: %model-cc -DCASE=1 %s -o %t1 && not %t1 > %t1.out 2>&1
// RUN: FileCheck %s --check-prefixes=UAF,UNLOCK --input-file=%t1.out
// RUN: %model-cc -DCASE=2 %s -o %t2 && not %t2 > %t2.out 2>&1
// RUN: FileCheck %s --check-prefixes=UAF,UNLOCK --input-file=%t2.out
// RUN: %model-cc -DCASE=3 -DGUP_MODEL_API=605 %s -o %t3 && not %t3 > %t3.out 2>&1
// RUN: FileCheck %s --check-prefixes=UAF,UNLOCK --input-file=%t3.out
// RUN: %model-cc -DCASE=4 %s -o %t4 && not %t4 > %t4.out 2>&1
// RUN: FileCheck %s --check-prefixes=UAF,RETRY --input-file=%t4.out
// RUN: %model-cc -DCASE=5 %s -o %t5 && not %t5 > %t5.out 2>&1
// RUN: FileCheck %s --check-prefixes=UAF,WUNLOCK --input-file=%t5.out
#include "Inputs/model_test.h"

static unsigned long vm_flags_of(struct vm_area_struct *vma)
{
	return vma->vm_flags;
}

int main(void)
{
	struct mm_struct *mm;
	struct vm_area_struct *vma = NULL, *vmas[2] = { 0 };
	struct page *pages[2];
	unsigned long buf;
	long ret = 0;
	int locked = 1;

	gup_model_begin();
	mm = current->mm;
	buf = gup_model_add_vma("buf", 2, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	(void)vmas;
	(void)pages;
	(void)locked;

#if CASE == 0
	mmap_read_lock(mm);
	vma = vma_lookup(mm, buf);
	gup_model_printf("under lock: %s flags=%lx", gup_model_vma_name(vma),
			 vm_flags_of(vma) & (VM_READ | VM_WRITE));
	gup_model_printf("same handle: %d", vma == find_vma(mm, buf));
	mmap_read_unlock(mm);
	mmap_read_lock(mm);
	vma = vma_lookup(mm, buf);
	gup_model_printf("after re-lock: %s", gup_model_vma_name(vma));
	gup_model_printf("hole: %s", gup_model_vma_name(vma_lookup(mm, buf - PAGE_SIZE)));
	gup_model_printf("find_vma below: %s", gup_model_vma_name(find_vma(mm, buf - PAGE_SIZE)));
	mmap_read_unlock(mm);
	gup_model_printf("retired: %d", gup_model_vmas_retired());
// OK: under lock: buf flags=3
// OK-NEXT: same handle: 1
// OK-NEXT: after re-lock: buf
// OK-NEXT: hole: NULL
// OK-NEXT: find_vma below: buf
// OK-NEXT: retired: 2
// OK: result: OK
#elif CASE == 1
	/* vma_lookup() result used after mmap_read_unlock() */
	mmap_read_lock(mm);
	vma = vma_lookup(mm, buf);
	mmap_read_unlock(mm);
	gup_model_printf("flags=%lx", vm_flags_of(vma));
#elif CASE == 2 && GUP_MODEL_API < 605
	/* vmas[] of pre-6.5 get_user_pages() used after unlock */
	mmap_read_lock(mm);
	ret = get_user_pages(buf, 2, 0, pages, vmas);
	mmap_read_unlock(mm);
	gup_model_printf("ret=%ld flags=%lx", ret, vm_flags_of(vmas[1]));
#elif CASE == 3 && GUP_MODEL_API >= 605
	/* the vma from get_user_page_vma_remote() used after unlock */
	mmap_read_lock(mm);
	pages[0] = get_user_page_vma_remote(mm, buf, 0, &vma);
	mmap_read_unlock(mm);
	put_page(pages[0]);
	gup_model_printf("flags=%lx", vm_flags_of(vma));
#elif CASE == 4
	/* looked up before a `locked` GUP call that dropped the lock */
	mmap_read_lock(mm);
	vma = vma_lookup(mm, buf);
	gup_model_inject_retry(buf + PAGE_SIZE, 1);
	ret = T_GUP_REMOTE(mm, buf, 2, 0, pages, NULL, &locked);
	if (locked)
		mmap_read_unlock(mm);
	while (ret > 0)
		put_page(pages[--ret]);
	gup_model_printf("locked=%d flags=%lx", locked, vm_flags_of(vma));
#elif CASE == 5
	/* write lock too */
	mmap_write_lock(mm);
	vma = find_vma(mm, buf);
	mmap_write_unlock(mm);
	gup_model_printf("flags=%lx", vm_flags_of(vma));
#endif
	return gup_model_finish();
}

// UAF:     ERROR: AddressSanitizer: heap-use-after-free
// UAF:     READ of size 8
// UAF-NEXT: #0 {{.*}} in vm_flags_of {{.*}}vma-dangling.c
// UAF:     freed by thread T0 here:
// UAF:     in gm_retire_handles
// UNLOCK-NEXT: in gm_unlock_read
// UNLOCK-NEXT: in mmap_read_unlock
// RETRY-NEXT: in gm_unlock_read
// RETRY-NEXT: in gm_fault
// WUNLOCK-NEXT: in mmap_write_unlock
// UAF:     previously allocated by thread T0 here:
// UAF:     in gm_handle_for
// UAF:     SUMMARY: AddressSanitizer: heap-use-after-free
