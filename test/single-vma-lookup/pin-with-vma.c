// A long-term pin that checks the VMA of the page it pinned. The helper
// takes a FOLL_GET reference, so it cannot replace a pin: the argument is
// dropped and the VMA is looked up right after a successful pin, still
// under the caller's mmap_lock (no `locked`, so GUP never dropped it).
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

int pin_anon_page(struct mm_struct *mm, unsigned long uaddr, struct page **out)
{
	struct vm_area_struct *vma;
	struct page *page;
	long pinned;

	mmap_read_lock(mm);
	pinned = pin_user_pages_remote(mm, uaddr, 1, FOLL_WRITE | FOLL_LONGTERM,
				       &page, &vma, NULL);
	if (pinned != 1) {
		mmap_read_unlock(mm);
		return pinned < 0 ? pinned : -EFAULT;
	}
	if (vma->vm_flags & VM_SHARED) {
		unpin_user_page(page);
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	mmap_read_unlock(mm);
	*out = page;
	return 0;
}
// CHECK-FIXES:      {{^}}	pinned = pin_user_pages_remote(mm, uaddr, 1, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}				       &page, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (pinned != 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return pinned < 0 ? pinned : -EFAULT;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}	vma = vma_lookup(mm, uaddr);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (vma->vm_flags & VM_SHARED) {{[{]}}{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void pin_anon(const char *what, struct mm_struct *mm, unsigned long uaddr)
{
	struct page *page = NULL;
	int ret = pin_anon_page(mm, uaddr, &page);

	gup_model_printf("%s = %d %s", what, ret, gup_model_page_name(page));
	if (ret == 0)
		unpin_user_page(page);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, anon, movable, shmem, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	anon = gup_model_add_vma("anon", 2, rw, GUP_MODEL_ANON, 0);
	movable = gup_model_add_vma("movable", 1, rw, GUP_MODEL_ANON,
				    GUP_MODEL_POPULATE | GUP_MODEL_MOVABLE);
	shmem = gup_model_add_vma("shmem", 1, rw | VM_SHARED, GUP_MODEL_SHMEM, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	pin_anon("private anon", mm, anon + PAGE_SIZE);
	pin_anon("movable, migrated", mm, movable);
	pin_anon("shared: pinned, then refused and unpinned", mm, shmem);
	pin_anon("read-only", mm, ro);
	gup_model_inject_error(anon, ENOMEM, 1);
	pin_anon("ENOMEM", mm, anon);
	pin_anon("hole", mm, anon + 2 * PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	pin_anon("fatal signal", mm, anon);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: pin-with-vma.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: private anon = 0 anon+1
// MODEL-NEXT: movable, migrated = 0 movable+0
// MODEL-NEXT: shared: pinned, then refused and unpinned = -22 NULL
// MODEL-NEXT: read-only = -14 NULL
// MODEL-NEXT: ENOMEM = -12 NULL
// MODEL-NEXT: hole = -14 NULL
// MODEL-NEXT: fatal signal = -4 NULL
// MODEL-NEXT: == gup-model summary ==
