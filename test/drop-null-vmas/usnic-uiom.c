// usnic: mirrors usnic_uiom_get_pages() (drivers/infiniband/hw/usnic/
// usnic_uiom.c). pin_user_pages() in a `while (npages)` loop with a
// `min_t(unsigned long, ...)` argument that is itself split over two lines,
// `gup_flags | FOLL_LONGTERM`, and `page_list, NULL);` on the last line.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct uiom_region {
	unsigned long nr_pinned;
	struct mm_struct *owning_mm;
};

int uiom_get_pages(unsigned long addr, size_t size, int writable,
		   struct uiom_region *reg)
{
	struct page **page_list;
	unsigned long npages, cur_base;
	unsigned int gup_flags;
	struct mm_struct *mm;
	int ret;

	page_list = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;

	npages = PAGE_ALIGN(size + (addr & ~PAGE_MASK)) >> PAGE_SHIFT;

	reg->owning_mm = mm = current->mm;
	mmap_read_lock(mm);

	gup_flags = FOLL_WRITE;
	gup_flags |= (writable) ? 0 : FOLL_FORCE;
	cur_base = addr & PAGE_MASK;
	ret = 0;

	while (npages) {
		ret = pin_user_pages(cur_base,
				     min_t(unsigned long, npages,
				     PAGE_SIZE / sizeof(struct page *)),
				     gup_flags | FOLL_LONGTERM,
				     page_list, NULL);
		// CHECK-FIXES: {{^}}		ret = pin_user_pages(cur_base,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     min_t(unsigned long, npages,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     PAGE_SIZE / sizeof(struct page *)),{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     gup_flags | FOLL_LONGTERM,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				     page_list);{{$}}

		if (ret < 0)
			goto out;

		npages -= ret;
		cur_base += ret * PAGE_SIZE;
		reg->nr_pinned += ret;
		unpin_user_pages(page_list, ret);
		ret = 0;
	}

out:
	mmap_read_unlock(mm);
	kfree(page_list);
	return ret;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void uiom(const char *what, unsigned long addr, size_t size, int writable)
{
	struct uiom_region reg = { 0 };
	int ret = uiom_get_pages(addr, size, writable, &reg);

	gup_model_printf("%s = %d, %lu pinned", what, ret, reg.nr_pinned);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, big, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	big = gup_model_add_vma("big", 520, rw, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	uiom("3 pages from +0x800", buf + 0x800, 2 * PAGE_SIZE, 1);
	uiom("two batches (512 + 8)", big, 520 * PAGE_SIZE, 1);
	uiom("read-only vma, not writable (forced)", ro, 16, 0);
	uiom("read-only vma, writable", ro, 16, 1);
	uiom("past the end: 2 pinned, then a hole", buf + 2 * PAGE_SIZE,
	     4 * PAGE_SIZE, 1);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 2);
	uiom("ENOMEM at page 1", buf, 4 * PAGE_SIZE, 1);
	uiom("empty", buf, 0, 1);
	uiom("hole", buf - PAGE_SIZE, 8, 1);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: usnic-uiom.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 3 pages from +0x800 = 0, 3 pinned
// MODEL-NEXT: two batches (512 + 8) = 0, 520 pinned
// MODEL-NEXT: read-only vma, not writable (forced) = 0, 1 pinned
// MODEL-NEXT: read-only vma, writable = -14, 0 pinned
// MODEL-NEXT: past the end: 2 pinned, then a hole = -14, 2 pinned
// MODEL-NEXT: ENOMEM at page 1 = -12, 1 pinned
// MODEL-NEXT: empty = 0, 0 pinned
// MODEL-NEXT: hole = -14, 0 pinned
// MODEL-NEXT: == gup-model summary ==
