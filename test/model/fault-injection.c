// Scenario fault injection: page k fails with a chosen errno. On the first
// page the errno is returned, later it is swallowed and the count returned.
// EHWPOISON reads as -EFAULT unless FOLL_HWPOISON is passed; `times` limits
// how many faults fail; FOLL_NOFAULT refuses to fault; a fatal signal gives
// -EINTR.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static long get(const char *what, unsigned long start, unsigned long n,
		unsigned int flags)
{
	struct page *pages[8];
	long ret, i;

	ret = T_GUP_REMOTE(current->mm, start, n, flags, pages, NULL, NULL);
	gup_model_printf("%s = %ld", what, ret);
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	return ret;
}

int main(void)
{
	unsigned long buf, fresh;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	fresh = gup_model_add_vma("fresh", 2, RW, GUP_MODEL_ANON, 0);

	mmap_read_lock(current->mm);
	gup_model_inject_error(buf, ENOMEM, 1);
	get("ENOMEM on page 0", buf, 4, 0);
	get("injection used up", buf, 4, 0);
	gup_model_inject_error(buf + 2 * PAGE_SIZE, ENOMEM, -1);
	get("ENOMEM on page 2", buf, 4, 0);
	get("still failing", buf + 2 * PAGE_SIZE, 1, 0);
	gup_model_inject_error(buf + 2 * PAGE_SIZE, 0, 0);
	gup_model_inject_error(buf, EHWPOISON, -1);
	get("hwpoison", buf, 1, 0);
	get("hwpoison with FOLL_HWPOISON", buf, 1, FOLL_HWPOISON);
	gup_model_inject_error(buf, 0, 0);
	gup_model_inject_error(buf + PAGE_SIZE, EFAULT, 1);
	get("EFAULT on page 1", buf, 2, FOLL_WRITE);
	get("NOFAULT on a present page", buf, 1, FOLL_NOFAULT);
	get("NOFAULT on a missing page", fresh, 1, FOLL_NOFAULT);
	gup_model_set_fatal_signal(true);
	get("fatal signal", buf, 2, 0);
	gup_model_set_fatal_signal(false);
	mmap_read_unlock(current->mm);
	return gup_model_finish();
}

// CHECK:      ENOMEM on page 0 = -12
// CHECK-NEXT: injection used up = 4
// CHECK-NEXT: ENOMEM on page 2 = 2
// CHECK-NEXT: still failing = -12
// CHECK-NEXT: hwpoison = -14
// CHECK-NEXT: hwpoison with FOLL_HWPOISON = -133
// CHECK-NEXT: EFAULT on page 1 = 1
// CHECK-NEXT: NOFAULT on a present page = 1
// CHECK-NEXT: NOFAULT on a missing page = -14
// CHECK-NEXT: fatal signal = -4
// CHECK:      result: OK
