// is_valid_gup_args(): callers may not pass internal flags; *locked must be 1;
// FOLL_GET and FOLL_PIN exclude each other; FOLL_LONGTERM needs FOLL_PIN;
// GET/PIN need a pages array; no FOLL_LONGTERM with FOLL_PCI_P2PDMA; and before
// v6.5 no vmas with a `locked` pointer. The get_* and *_fast entry points
// return -EINVAL, pin_user_pages{,_remote,_unlocked} return 0 (the quirk).
// pages == NULL is fine for get_* (fault-in only).
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --check-prefixes=CHECK,V604 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --check-prefixes=CHECK,V605 --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

#define SHOW(expr) gup_model_printf("%s = %ld", #expr, (long)(expr))

int main(void)
{
	struct page *pages[4];
	struct vm_area_struct *vmas[4];
	unsigned long buf;
	struct mm_struct *mm;
	int locked = 2;
	long ret;

	gup_model_begin();
	mm = current->mm;
	buf = gup_model_add_vma("buf", 4, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	mmap_read_lock(mm);
	gup_model_printf("-- internal flags");
	SHOW(T_GUP(buf, 1, FOLL_PIN, pages, NULL));
	SHOW(T_PUP(buf, 1, FOLL_TRIED, pages, NULL));
	SHOW(T_GUP_REMOTE(mm, buf, 1, FOLL_REMOTE, pages, NULL, NULL));
	SHOW(T_PUP_REMOTE(mm, buf, 1, FOLL_UNLOCKABLE, pages, NULL, NULL));
	gup_model_printf("-- *locked != 1");
	SHOW(T_GUP_REMOTE(mm, buf, 1, 0, pages, NULL, &locked));
	SHOW(T_PUP_REMOTE(mm, buf, 1, 0, pages, NULL, &locked));
	gup_model_printf("-- GET with PIN");
	SHOW(T_PUP(buf, 1, FOLL_GET, pages, NULL));
	gup_model_printf("-- LONGTERM without PIN");
	SHOW(T_GUP(buf, 1, FOLL_LONGTERM, pages, NULL));
	SHOW(T_GUP_REMOTE(mm, buf, 1, FOLL_LONGTERM, pages, NULL, NULL));
	gup_model_printf("-- PIN without pages");
	SHOW(T_PUP(buf, 1, 0, NULL, NULL));
	SHOW(T_PUP_REMOTE(mm, buf, 1, 0, NULL, NULL, NULL));
	gup_model_printf("-- GET without pages");
	SHOW(T_GUP(buf, 1, FOLL_GET, NULL, NULL));
	gup_model_printf("-- LONGTERM with P2PDMA");
	SHOW(T_PUP(buf, 1, FOLL_LONGTERM | FOLL_PCI_P2PDMA, pages, NULL));
	gup_model_printf("-- fault-in only (no pages) is valid");
	SHOW(T_GUP(buf, 2, FOLL_WRITE, NULL, NULL));
	locked = 1;
	SHOW(T_GUP_REMOTE(mm, buf, 2, 0, NULL, NULL, &locked));
	gup_model_printf("locked=%d", locked);
	gup_model_printf("-- vmas with locked");
	locked = 1;
	ret = T_GUP_REMOTE(mm, buf, 1, 0, pages, vmas, &locked);
	gup_model_printf("get_user_pages_remote = %ld", ret);
	if (ret > 0)
		put_page(pages[0]);
	locked = 1;
	ret = T_PUP_REMOTE(mm, buf, 1, 0, pages, vmas, &locked);
	gup_model_printf("pin_user_pages_remote = %ld", ret);
	if (ret > 0)
		unpin_user_page(pages[0]);
	gup_model_printf("locked=%d", locked);
	if (gup_model_lock_held())
		mmap_read_unlock(mm);
	/* a valid locked call above may have released the lock (605) */
	gup_model_unlock_if_held();
	gup_model_printf("-- unlocked and fast");
	SHOW(pin_user_pages_unlocked(buf, 1, pages, FOLL_LONGTERM | FOLL_PCI_P2PDMA));
	SHOW(get_user_pages_unlocked(buf, 1, pages, FOLL_PIN));
	SHOW(get_user_pages_fast(buf, 1, 0, NULL));
	SHOW(pin_user_pages_fast(buf, 1, 0, NULL));
	SHOW(pin_user_pages_fast(buf, 1, FOLL_GET, pages));
	SHOW(get_user_pages_fast_only(buf, 1, FOLL_FAST_ONLY, pages));
	return gup_model_finish();
}

// CHECK-LABEL: -- internal flags
// CHECK-NEXT: WARN: get_user_pages: invalid GUP arguments: caller passed an internal FOLL_ flag
// CHECK-NEXT: T_GUP(buf, 1, FOLL_PIN, pages, NULL) = -22
// CHECK-NEXT: WARN: pin_user_pages: invalid GUP arguments: caller passed an internal FOLL_ flag
// CHECK-NEXT: T_PUP(buf, 1, FOLL_TRIED, pages, NULL) = 0
// CHECK-NEXT: WARN: get_user_pages_remote: invalid GUP arguments: caller passed an internal FOLL_ flag
// CHECK-NEXT: = -22
// CHECK-NEXT: WARN: pin_user_pages_remote: invalid GUP arguments: caller passed an internal FOLL_ flag
// CHECK-NEXT: = 0
// CHECK-LABEL: -- *locked != 1
// CHECK-NEXT: WARN: get_user_pages_remote: invalid GUP arguments: *locked is not 1
// CHECK-NEXT: = -22
// CHECK-NEXT: WARN: pin_user_pages_remote: invalid GUP arguments: *locked is not 1
// CHECK-NEXT: = 0
// CHECK-LABEL: -- GET with PIN
// CHECK-NEXT: WARN: pin_user_pages: invalid GUP arguments: FOLL_GET together with FOLL_PIN
// CHECK-NEXT: = 0
// CHECK-LABEL: -- LONGTERM without PIN
// CHECK-NEXT: WARN: get_user_pages: invalid GUP arguments: FOLL_LONGTERM without FOLL_PIN
// CHECK-NEXT: = -22
// CHECK-NEXT: WARN: get_user_pages_remote: invalid GUP arguments: FOLL_LONGTERM without FOLL_PIN
// CHECK-NEXT: = -22
// CHECK-LABEL: -- PIN without pages
// CHECK-NEXT: WARN: pin_user_pages: invalid GUP arguments: FOLL_GET/FOLL_PIN without a pages array
// CHECK-NEXT: = 0
// CHECK-NEXT: WARN: pin_user_pages_remote: invalid GUP arguments: FOLL_GET/FOLL_PIN without a pages array
// CHECK-NEXT: = 0
// CHECK-LABEL: -- GET without pages
// CHECK-NEXT: WARN: get_user_pages: invalid GUP arguments: FOLL_GET/FOLL_PIN without a pages array
// CHECK-NEXT: = -22
// CHECK-LABEL: -- LONGTERM with P2PDMA
// CHECK-NEXT: WARN: pin_user_pages: invalid GUP arguments: FOLL_LONGTERM together with FOLL_PCI_P2PDMA
// CHECK-NEXT: = 0
// CHECK-LABEL: -- fault-in only (no pages) is valid
// CHECK-NEXT: T_GUP(buf, 2, FOLL_WRITE, NULL, NULL) = 2
// CHECK-NEXT: = 2
// CHECK-NEXT: locked=1
// CHECK-LABEL: -- vmas with locked
// V604-NEXT: WARN: get_user_pages_remote: invalid GUP arguments: vmas requested with a `locked` pointer (FOLL_UNLOCKABLE)
// V604-NEXT: get_user_pages_remote = -22
// V604-NEXT: WARN: pin_user_pages_remote: invalid GUP arguments: vmas requested with a `locked` pointer (FOLL_UNLOCKABLE)
// V604-NEXT: pin_user_pages_remote = 0
// V605-NEXT: get_user_pages_remote = 1
// V605-NEXT: pin_user_pages_remote = 1
// CHECK-NEXT: locked=1
// CHECK-LABEL: -- unlocked and fast
// CHECK-NEXT: WARN: pin_user_pages_unlocked: invalid GUP arguments: FOLL_LONGTERM together with FOLL_PCI_P2PDMA
// CHECK-NEXT: = 0
// CHECK-NEXT: WARN: get_user_pages_unlocked: invalid GUP arguments: caller passed an internal FOLL_ flag
// CHECK-NEXT: = -22
// CHECK-NEXT: WARN: get_user_pages_fast: invalid GUP arguments: FOLL_GET/FOLL_PIN without a pages array
// CHECK-NEXT: = -22
// CHECK-NEXT: WARN: pin_user_pages_fast: invalid GUP arguments: FOLL_GET/FOLL_PIN without a pages array
// CHECK-NEXT: = -22
// CHECK-NEXT: WARN: pin_user_pages_fast: invalid GUP arguments: FOLL_GET together with FOLL_PIN
// CHECK-NEXT: = -22
// CHECK-NEXT: WARN: get_user_pages_fast_only: invalid GUP arguments: caller passed an internal FOLL_ flag
// CHECK-NEXT: = -22
// V604: warnings: 21
// V605: warnings: 19
// CHECK: result: OK
