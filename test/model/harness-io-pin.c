// Equivalence harness on a long-term pin that re-checks the VMAs behind the
// pinned range, the way io_uring's buffer registration did before v6.5:
// file-backed memory other than shmem and hugetlbfs is refused with
// -EOPNOTSUPP. From 6.5 GUP itself refuses long-term writable pins of
// dirty-tracked shared file mappings with -EFAULT, which lets the check go
// (the tool's --drop-vma-checks); then MAP_PRIVATE file memory is accepted.
// The differences are declared per mode: DROP-DIFF for --drop-vma-checks,
// KEEP-DIFF when the check is kept (with vma_lookup() after the pin).
// The scenario is embedded (#ifdef GUP_MODEL_SCENARIO).
// REQUIRES: model
// RUN: %model-run --diff-prefix=DROP-DIFF --rewritten=%S/Inputs/harness/io-pin-drop.c %s %t.drop | FileCheck %s --check-prefix=DROP
// RUN: %model-run --diff-prefix=KEEP-DIFF --rewritten=%S/Inputs/harness/io-pin-keep.c %s %t.keep | FileCheck %s --check-prefix=KEEP
// Declared differences that do not happen fail too (KEEP-DIFF set, dropped check):
// RUN: not %model-run --diff-prefix=KEEP-DIFF --rewritten=%S/Inputs/harness/io-pin-drop.c %s %t.wrong | FileCheck %s --check-prefix=WRONG
// The real tool keeping the check:
// RUN: %model-run --diff-prefix=KEEP-DIFF %s %t.toolkeep | FileCheck %s --check-prefix=TOOLKEEP
// The real tool dropping the check (the loop, with its local `vma`, goes):
// RUN: %model-run --diff-prefix=DROP-DIFF %s %t.tooldrop -- --drop-vma-checks | FileCheck %s --check-prefix=TOOLDROP
#include <linux/errno.h>
#include <linux/hugetlb.h>
#include <linux/mm.h>
#include <linux/slab.h>

long pin_user_buffer(unsigned long ubuf, int nr, struct page **pages)
{
	struct vm_area_struct **vmas;
	long pinned;
	int i, ret = 0;

	vmas = kvmalloc_array(nr, sizeof(*vmas), GFP_KERNEL);
	if (!vmas)
		return -ENOMEM;
	mmap_read_lock(current->mm);
	pinned = pin_user_pages(ubuf, nr, FOLL_WRITE | FOLL_LONGTERM, pages, vmas);
	if (pinned == nr) {
		for (i = 0; i < nr; i++) {
			struct vm_area_struct *vma = vmas[i];

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
	kvfree(vmas);
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

// Both modes: GUP now refuses the shared file mapping itself, before
// touching its pages.
// DROP-DIFF: -pin shared file = -95 +pin shared file = -14
// KEEP-DIFF: -pin shared file = -95 +pin shared file = -14
// DROP-DIFF: -page sfile+0 ref=1 pins=0
// DROP-DIFF: -page sfile+1 ref=1 pins=0
// KEEP-DIFF: -page sfile+0 ref=1 pins=0
// KEEP-DIFF: -page sfile+1 ref=1 pins=0
// Without the check private file mappings are accepted:
// DROP-DIFF: -pin private file = -95 +pin private file = 2
// DROP-DIFF: -foll-pin: acquired=14 released=14 +foll-pin: acquired=12 released=12
// KEEP-DIFF: -foll-pin: acquired=14 released=14 +foll-pin: acquired=12 released=12

// DROP: model_run: PASS: harness-io-pin.c: API 604 and API 605 traces agree up to 8 expected difference line(s) ({{[0-9]+}} lines; rewrite by hand-written io-pin-drop.c)
// KEEP: model_run: PASS: harness-io-pin.c: API 604 and API 605 traces agree up to 6 expected difference line(s)
// WRONG:      model_run: FAIL: harness-io-pin.c: traces differ beyond the EXPECTED-DIFF lines:
// WRONG-NEXT:   unexpected: -pin private file = -95
// WRONG-NEXT:   unexpected: +pin private file = 2
// WRONG-NEXT:   diff of the traces:
// TOOLKEEP: model_run: PASS: harness-io-pin.c: API 604 and API 605 traces agree up to 6 expected difference line(s) ({{[0-9]+}} lines; rewrite by gup-rewrite)
// TOOLDROP: model_run: PASS: harness-io-pin.c: API 604 and API 605 traces agree up to 8 expected difference line(s) ({{[0-9]+}} lines; rewrite by gup-rewrite --drop-vma-checks)
