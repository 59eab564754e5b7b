// get_user_page_vma_remote() (605/607 headers): one FOLL_GET page and its
// VMA under the caller's lock, which is never dropped; ERR_PTR on errors with
// *vmap untouched; NULL when GUP returned 0 on 605 (FOLL_NOWAIT + retry),
// ERR_PTR(-EIO) plus a WARN on 607.
// REQUIRES: model
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --check-prefixes=CHECK,V605 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=607 %s -o %t.607
// RUN: %t.607 | FileCheck %s --check-prefixes=CHECK,V607 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static struct vm_area_struct sentinel;

static void one(const char *what, unsigned long addr, int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = &sentinel;
	struct page *page;

	mmap_read_lock(mm);
	page = get_user_page_vma_remote(mm, addr, flags, &vma);
	gup_model_printf("%s: page=%s vma=%s ref=%d lock_held=%d", what,
			 gup_model_page_name(page),
			 vma == &sentinel ? "untouched" : gup_model_vma_name(vma),
			 IS_ERR_OR_NULL(page) ? 0 : gup_model_page_refs(page),
			 gup_model_lock_held());
	mmap_read_unlock(mm);
	if (!IS_ERR_OR_NULL(page))
		put_page(page);
}

int main(void)
{
	unsigned long buf, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 2, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	one("ok", buf + PAGE_SIZE, FOLL_WRITE);
	one("hole", buf - PAGE_SIZE, 0);
	one("write to read-only", ro, FOLL_WRITE);
	one("forced write", ro, FOLL_WRITE | FOLL_FORCE);
	gup_model_inject_error(buf, ENOMEM, 1);
	one("ENOMEM", buf, 0);
	gup_model_inject_retry(buf, 1);
	one("retry (waits, lock kept)", buf, 0);
	gup_model_inject_retry(buf, 1);
	one("NOWAIT retry", buf, FOLL_NOWAIT);
	one("invalid flags", buf, FOLL_PIN);
	gup_model_printf("drops=%d", gup_model_lock_drops());
	return gup_model_finish();
}

// CHECK:      ok: page=buf+1 vma=buf ref=2 lock_held=1
// CHECK-NEXT: hole: page=ERR(-14) vma=untouched ref=0 lock_held=1
// CHECK-NEXT: write to read-only: page=ERR(-14) vma=untouched ref=0 lock_held=1
// CHECK-NEXT: forced write: page=ro+0 vma=ro ref=2 lock_held=1
// CHECK-NEXT: ENOMEM: page=ERR(-12) vma=untouched ref=0 lock_held=1
// CHECK-NEXT: retry (waits, lock kept): page=buf+0 vma=buf ref=2 lock_held=1
// V605-NEXT:  NOWAIT retry: page=NULL vma=untouched ref=0 lock_held=1
// V607-NEXT:  WARN: WARN_ON(got == 0)
// V607-NEXT:  NOWAIT retry: page=ERR(-5) vma=untouched ref=0 lock_held=1
// CHECK-NEXT: WARN: get_user_pages_remote: invalid GUP arguments: caller passed an internal FOLL_ flag
// CHECK-NEXT: invalid flags: page=ERR(-22) vma=untouched ref=0 lock_held=1
// CHECK-NEXT: drops=0
// CHECK:      result: OK
