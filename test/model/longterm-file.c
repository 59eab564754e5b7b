// FOLL_LONGTERM + file-backed mappings. v6.5 refuses a long-term writable pin
// of a shared writable file mapping that needs dirty tracking with -EFAULT
// (slow path and GUP-fast alike); v6.4 GUP did not refuse it, which the model
// keeps on the 604 side. Private file mappings, shmem, hugetlbfs and
// filesystems without writeback are fine on both sides; read-only or
// short-term pins are fine; fsdax refuses FOLL_LONGTERM with -EOPNOTSUPP.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --check-prefixes=CHECK,V604 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --check-prefixes=CHECK,V605 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=607 %s -o %t.607
// RUN: %t.607 | FileCheck %s --check-prefixes=CHECK,V605 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static void pin(const char *what, unsigned long start, unsigned int flags)
{
	struct page *pages[2];
	long ret, fast;

	mmap_read_lock(current->mm);
	ret = T_PUP(start, 2, flags, pages, NULL);
	mmap_read_unlock(current->mm);
	if (ret > 0)
		unpin_user_pages(pages, ret);
	fast = pin_user_pages_fast(start, 2, flags, pages);
	if (fast > 0)
		unpin_user_pages(pages, fast);
	gup_model_printf("%s: pin = %ld, fast = %ld", what, ret, fast);
}

int main(void)
{
	unsigned long shared, shared_pop, priv, shmem, huge, nowb, dax, anon;
	unsigned int lt = FOLL_WRITE | FOLL_LONGTERM;

	gup_model_begin();
	shared = gup_model_add_vma("shared", 2, RW | VM_SHARED, GUP_MODEL_FILE, 0);
	shared_pop = gup_model_add_vma("shpop", 2, RW | VM_SHARED, GUP_MODEL_FILE, GUP_MODEL_POPULATE);
	priv = gup_model_add_vma("priv", 2, RW, GUP_MODEL_FILE, 0);
	shmem = gup_model_add_vma("shmem", 2, RW | VM_SHARED, GUP_MODEL_SHMEM, 0);
	huge = gup_model_add_vma("huge", 4, RW | VM_SHARED, GUP_MODEL_HUGETLBFS, 0);
	nowb = gup_model_add_vma("nowb", 2, RW | VM_SHARED, GUP_MODEL_FILE_NOWB, 0);
	dax = gup_model_add_vma("dax", 2, RW | VM_SHARED, GUP_MODEL_FSDAX, 0);
	anon = gup_model_add_vma("anon", 2, RW, GUP_MODEL_ANON, 0);

	pin("shared file, long-term write", shared, lt);
	pin("shared file (present), long-term write", shared_pop, lt);
	pin("shared file, long-term read", shared, FOLL_LONGTERM);
	pin("shared file, short-term write", shared, FOLL_WRITE);
	pin("private file, long-term write", priv, lt);
	pin("shmem, long-term write", shmem, lt);
	pin("hugetlbfs, long-term write", huge, lt);
	pin("no-writeback file, long-term write", nowb, lt);
	pin("fsdax, long-term read", dax, FOLL_LONGTERM);
	pin("anon, long-term write", anon, lt);
	return gup_model_finish();
}

// V604:      shared file, long-term write: pin = 2, fast = 2
// V605:      shared file, long-term write: pin = -14, fast = -14
// V604-NEXT: shared file (present), long-term write: pin = 2, fast = 2
// V605-NEXT: shared file (present), long-term write: pin = -14, fast = -14
// CHECK-NEXT: shared file, long-term read: pin = 2, fast = 2
// CHECK-NEXT: shared file, short-term write: pin = 2, fast = 2
// CHECK-NEXT: private file, long-term write: pin = 2, fast = 2
// CHECK-NEXT: shmem, long-term write: pin = 2, fast = 2
// CHECK-NEXT: hugetlbfs, long-term write: pin = 2, fast = 2
// CHECK-NEXT: no-writeback file, long-term write: pin = 2, fast = 2
// CHECK-NEXT: fsdax, long-term read: pin = -95, fast = -95
// CHECK-NEXT: anon, long-term write: pin = 2, fast = 2
// CHECK:      result: OK
