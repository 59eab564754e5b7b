// The unused VMA shares its declaration with other variables: only its
// declarator goes. A VMA that is read again after the call is not dead.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>

long touch_two(unsigned long a, unsigned long b)
{
	struct vm_area_struct *vma, *keep = NULL;
	struct page *page;
	long got;

	got = get_user_pages(a, 1, FOLL_WRITE, &page, &vma);
	if (got == 1)
		put_page(page);
	if (get_user_pages(b, 1, 0, &page, &keep) == 1) {
		got += keep->vm_flags & VM_WRITE;
		put_page(page);
	}
	return got;
}
// CHECK-FIXES:      {{^}}	struct vm_area_struct *keep = NULL;{{$}}
// CHECK-FIXES:      {{^}}	got = get_user_pages(a, 1, FOLL_WRITE, &page);{{$}}
// CHECK-FIXES:      {{^}}	if (get_user_pages(b, 1, 0, &page) == 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		keep = vma_lookup(current->mm, b);{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void touch(const char *what, unsigned long a, unsigned long b)
{
	long got;

	mmap_read_lock(current->mm);
	got = touch_two(a, b);
	mmap_read_unlock(current->mm);
	gup_model_printf("%s = %ld", what, got);
}

int main(void)
{
	unsigned long rw, ro;

	gup_model_begin();
	rw = gup_model_add_vma("rw", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	touch("both pages, b writable", rw, rw + PAGE_SIZE);
	touch("b read-only", rw, ro);
	touch("a read-only: its write fails", ro, rw);
	gup_model_inject_error(rw + PAGE_SIZE, ENOMEM, 1);
	touch("b out of memory", rw, rw + PAGE_SIZE);
	touch("b in a hole", rw, rw + 2 * PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	touch("fatal signal", rw, rw);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: declarator-group.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: both pages, b writable = 3
// MODEL-NEXT: b read-only = 1
// MODEL-NEXT: a read-only: its write fails = -12
// MODEL-NEXT: b out of memory = 1
// MODEL-NEXT: b in a hole = 1
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: == gup-model summary ==
