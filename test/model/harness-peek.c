// Equivalence harness self-test on a one-page reader shaped like the callers
// the series converts to get_user_page_vma_remote(): read a word of another
// process, refuse shared mappings (a VMA check), map GUP returning 0 to -EIO.
// The scenario is a separate driver (Inputs/harness/peek-driver.c).
// A correct hand-written rewrite passes; three wrong ones fail with a
// readable message: the NULL error branch dropped (PTR_ERR(NULL) == 0), a
// leaked reference, and the VMA read after mmap_read_unlock().
// REQUIRES: model
// RUN: %model-run --driver=%S/Inputs/harness/peek-driver.c --rewritten=%S/Inputs/harness/peek-good.c %s %t.good --print-traces | FileCheck %s --check-prefix=GOOD
// RUN: not %model-run --driver=%S/Inputs/harness/peek-driver.c --rewritten=%S/Inputs/harness/peek-null-branch.c %s %t.null | FileCheck %s --check-prefix=NULLBR
// RUN: not %model-run --driver=%S/Inputs/harness/peek-driver.c --rewritten=%S/Inputs/harness/peek-leak.c %s %t.leak | FileCheck %s --check-prefix=LEAK
// RUN: not %model-run --driver=%S/Inputs/harness/peek-driver.c --rewritten=%S/Inputs/harness/peek-vma-after-unlock.c %s %t.uaf | FileCheck %s --check-prefix=UAF
// The 6.7 helper never returns NULL (it WARNs, declared below); the good
// rewrite still returns -EIO there:
// RUN: %model-run --driver=%S/Inputs/harness/peek-driver.c --rewritten=%S/Inputs/harness/peek-good.c --api-after=607 %s %t.607 | FileCheck %s --check-prefix=GOOD607
// And the real tool, for 6.5 and 6.7:
// RUN: %model-run --driver=%S/Inputs/harness/peek-driver.c %s %t.tool | FileCheck %s --check-prefix=TOOL
// RUN: %model-run --driver=%S/Inputs/harness/peek-driver.c %s %t.tool7 -- --target-kernel=6.7 | FileCheck %s --check-prefix=TOOL7
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>

int peek_word(struct mm_struct *mm, unsigned long addr, unsigned int gup_flags,
	      u32 *val)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;
	int err = 0;
	char *kaddr;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, gup_flags, &page, &vma, NULL);
	if (ret <= 0) {
		err = ret < 0 ? ret : -EIO;
		goto out;
	}
	if (vma->vm_flags & VM_SHARED) {
		put_page(page);
		err = -EPERM;
		goto out;
	}
	kaddr = kmap_local_page(page);
	memcpy(val, kaddr + offset_in_page(addr), sizeof(*val));
	kunmap_local(kaddr);
	put_page(page);
out:
	mmap_read_unlock(mm);
	return err;
}

// On 6.7 the former NULL case is ERR_PTR(-EIO) after a WARN in the helper:
// EXPECTED-DIFF(607): +WARN: WARN_ON(got == 0)
// EXPECTED-DIFF(607): -warnings: 0 +warnings: 1

// GOOD:      model_run: PASS: harness-peek.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by hand-written peek-good.c)
// GOOD-NEXT: --- before trace ---
// GOOD-NEXT: peek data+8 = 0 val=0x11223344
// GOOD-NEXT: peek hole = -14
// GOOD-NEXT: peek ENOMEM = -12
// GOOD-NEXT: peek NOWAIT retry = -5
// GOOD-NEXT: peek shared = -1
// GOOD-NEXT: == gup-model summary ==
// GOOD:      result: OK
// GOOD-NOT:  --- after trace ---

// NULLBR:      model_run: FAIL: harness-peek.c: traces differ beyond the EXPECTED-DIFF lines:
// NULLBR-NEXT:   unexpected: -peek NOWAIT retry = -5
// NULLBR-NEXT:   unexpected: +peek NOWAIT retry = 0
// NULLBR-NEXT:   diff of the traces:
// NULLBR:        | --- before (API 604)
// NULLBR-NEXT:   | +++ after (rewritten)

// LEAK:      model_run: FAIL: harness-peek.c: the rewritten snippet (API 605) fails under the model: LEAK: shared+0 ref=2 (baseline 1): 1 FOLL_GET reference(s), 0 FOLL_PIN pin(s) not released
// LEAK-NEXT:   LEAK: shared+0

// UAF:      model_run: FAIL: harness-peek.c: the rewritten snippet (API 605) fails under the model: AddressSanitizer: heap-use-after-free {{.*}}after/harness-peek.c:{{[0-9]+}}:{{[0-9]+}} in peek_word
// UAF-NEXT:   stderr:
// UAF-NEXT:   | =={{[0-9]+}}==ERROR: AddressSanitizer: heap-use-after-free
// UAF:        | freed by thread T0 here:
// UAF:        in mmap_read_unlock
// UAF:        in peek_word {{.*}}after/harness-peek.c
// UAF:        | SUMMARY: AddressSanitizer: heap-use-after-free

// GOOD607: model_run: PASS: harness-peek.c: API 604 and API 607 traces agree up to 3 expected difference line(s)

// TOOL: model_run: PASS: harness-peek.c: API 604 and API 605 traces agree (15 lines; rewrite by gup-rewrite)
// TOOL7: model_run: PASS: harness-peek.c: API 604 and API 607 traces agree up to 3 expected difference line(s) (15 lines; rewrite by gup-rewrite --target-kernel=6.7)
