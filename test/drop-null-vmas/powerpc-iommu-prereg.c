// powerpc: mirrors mm_iommu_do_alloc() (arch/powerpc/mm/book3s64/iommu_api.c).
// pin_user_pages() in a chunked for loop, start `ua + (entry << PAGE_SHIFT)`,
// pages `mem->hpages + entry`; the call is split over three lines with a
// two-tab continuation and ends `mem->hpages + entry, NULL);`.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define PREREG_MAX_ORDER	11

struct prereg_mem {
	struct page **hpages;
	unsigned long ua;
	unsigned long entries;
};

long prereg_pin(struct mm_struct *mm, struct prereg_mem *mem,
		unsigned long ua, unsigned long entries)
{
	long ret = 0, pinned = 0;
	unsigned long entry, chunk;

	mem->hpages = kvcalloc(entries, sizeof(mem->hpages[0]), GFP_KERNEL);
	if (!mem->hpages)
		return -ENOMEM;

	mmap_read_lock(mm);
	chunk = (1UL << (PAGE_SHIFT + PREREG_MAX_ORDER - 1)) /
			sizeof(struct vm_area_struct *);
	chunk = min(chunk, entries);
	for (entry = 0; entry < entries; entry += chunk) {
		unsigned long n = min(entries - entry, chunk);

		ret = pin_user_pages(ua + (entry << PAGE_SHIFT), n,
				FOLL_WRITE | FOLL_LONGTERM,
				mem->hpages + entry, NULL);
		// CHECK-FIXES: {{^}}		ret = pin_user_pages(ua + (entry << PAGE_SHIFT), n,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				FOLL_WRITE | FOLL_LONGTERM,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				mem->hpages + entry);{{$}}
		if (ret == n) {
			pinned += n;
			continue;
		}
		if (ret > 0)
			pinned += ret;
		break;
	}
	mmap_read_unlock(mm);
	if (pinned != entries) {
		if (!ret)
			ret = -EFAULT;
		unpin_user_pages(mem->hpages, pinned);
		kvfree(mem->hpages);
		return ret;
	}

	mem->ua = ua;
	mem->entries = entries;
	return 0;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void prereg(const char *what, unsigned long ua, unsigned long entries)
{
	struct prereg_mem mem = { 0 };
	long ret = prereg_pin(current->mm, &mem, ua, entries);

	gup_model_printf("%s = %ld", what, ret);
	if (ret == 0) {
		gup_model_printf("  entries=%lu first=%s last=%s", mem.entries,
				 gup_model_page_name(mem.hpages[0]),
				 gup_model_page_name(mem.hpages[entries - 1]));
		unpin_user_pages(mem.hpages, mem.entries);
		kvfree(mem.hpages);
	}
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, movable, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	movable = gup_model_add_vma("movable", 2, rw, GUP_MODEL_ANON,
				    GUP_MODEL_POPULATE | GUP_MODEL_MOVABLE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	prereg("4 entries", buf, 4);
	prereg("movable, migrated", movable, 2);
	prereg("past the end: partial pin undone", buf + 2 * PAGE_SIZE, 4);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 1);
	prereg("ENOMEM on page 1", buf, 4);
	gup_model_inject_error(buf, EHWPOISON, 1);
	prereg("poisoned first page", buf, 2);
	prereg("read-only", ro, 1);
	prereg("hole", buf + 4 * PAGE_SIZE, 1);
	gup_model_set_fatal_signal(true);
	prereg("fatal signal", buf, 1);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: powerpc-iommu-prereg.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 4 entries = 0
// MODEL-NEXT:   entries=4 first=buf+0 last=buf+3
// MODEL-NEXT: movable, migrated = 0
// MODEL-NEXT:   entries=2 first=movable+0 last=movable+1
// MODEL-NEXT: past the end: partial pin undone = 2
// MODEL-NEXT: ENOMEM on page 1 = 1
// MODEL-NEXT: poisoned first page = -14
// MODEL-NEXT: read-only = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: == gup-model summary ==
