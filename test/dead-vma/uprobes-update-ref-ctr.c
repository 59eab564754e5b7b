// uprobes __update_ref_ctr(): &vma is passed but the VMA is never read. The
// argument goes, and so does the local, so no -Wunused warning is left
// (the harness compiles the result with -Wall -Werror).
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>

static int update_counter(struct mm_struct *mm, unsigned long vaddr, short d)
{
	void *kaddr;
	struct page *page;
	struct vm_area_struct *vma;
	int ret;
	short *ptr;

	if (!vaddr || !d)
		return -EINVAL;

	ret = get_user_pages_remote(mm, vaddr, 1,
			FOLL_WRITE, &page, &vma, NULL);
	if (unlikely(ret <= 0))
		return ret == 0 ? -EBUSY : ret;

	kaddr = page_address(page);
	ptr = kaddr + (vaddr & ~PAGE_MASK);
	if (unlikely(*ptr + d < 0)) {
		pr_warn("counter would go negative at %lx\n", vaddr);
		ret = -EINVAL;
		goto out;
	}
	*ptr += d;
	ret = 0;
out:
	put_page(page);
	return ret;
}
// CHECK-FIXES:      {{^}}	struct page *page;{{$}}
// CHECK-FIXES-NEXT: {{^}}	int ret;{{$}}
// CHECK-FIXES:      {{^}}	ret = get_user_pages_remote(mm, vaddr, 1,{{$}}
// CHECK-FIXES-NEXT: {{^}}			FOLL_WRITE, &page, NULL);{{$}}

int counter_inc(struct mm_struct *mm, unsigned long vaddr)
{
	return update_counter(mm, vaddr, 1);
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void update(const char *what, struct mm_struct *mm, unsigned long vaddr,
		   short d)
{
	short val = -1;
	int ret;

	mmap_write_lock(mm);
	ret = d == 1 ? counter_inc(mm, vaddr) : update_counter(mm, vaddr, d);
	mmap_write_unlock(mm);
	gup_model_read_user(vaddr, &val, sizeof(val));
	gup_model_printf("%s = %d, counter %d", what, ret, val);
}

int main(void)
{
	unsigned long data, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("probed");
	gup_model_use_mm(mm);
	data = gup_model_add_vma("data", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_FILE, 0);

	update("inc", mm, data + PAGE_SIZE + 6, 1);
	update("inc again", mm, data + PAGE_SIZE + 6, 1);
	update("down by 3: would go negative", mm, data + PAGE_SIZE + 6, -3);
	update("down by 2", mm, data + PAGE_SIZE + 6, -2);
	gup_model_inject_error(data, ENOMEM, 1);
	update("ENOMEM", mm, data, 1);
	update("read-only mapping", mm, ro, 1);
	update("no delta", mm, data, 0);
	update("hole", mm, data + 2 * PAGE_SIZE, 1);
	gup_model_set_fatal_signal(true);
	update("fatal signal", mm, data, 1);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: uprobes-update-ref-ctr.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: inc = 0, counter 1
// MODEL-NEXT: inc again = 0, counter 2
// MODEL-NEXT: printk: counter would go negative at 10001006
// MODEL-NEXT: down by 3: would go negative = -22, counter 2
// MODEL-NEXT: down by 2 = 0, counter 0
// MODEL-NEXT: ENOMEM = -12, counter 0
// MODEL-NEXT: read-only mapping = -14, counter 0
// MODEL-NEXT: no delta = -22, counter 0
// MODEL-NEXT: hole = -14, counter -1
// MODEL-NEXT: fatal signal = -4, counter 0
// MODEL-NEXT: == gup-model summary ==
