// A call spelled inside a #define together with its NULL vmas argument is
// fixed once, in the macro body, however many times the macro is expanded.
// The NULL that is a macro itself (kernel style) and a cast NULL also count.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

#define NO_VMAS NULL
#define FETCH_PAGE(addr, page) \
	get_user_pages((addr) & PAGE_MASK, 1, FOLL_WRITE, (page), NULL)
// CHECK-FIXES: {{^}}	get_user_pages((addr) & PAGE_MASK, 1, FOLL_WRITE, (page)){{$}}
#define PIN_PAGE(mm, addr, page, locked) pin_user_pages_remote(mm, addr, 1, 0, page, \
		NO_VMAS, locked)
// CHECK-FIXES: #define PIN_PAGE(mm, addr, page, locked) pin_user_pages_remote(mm, addr, 1, 0, page, \
// CHECK-FIXES-NEXT: {{^}}		locked){{$}}

long fetch_both(struct mm_struct *mm, unsigned long a, unsigned long b,
		struct page **pages)
{
	int locked = 1;
	long got = FETCH_PAGE(a, &pages[0]) + FETCH_PAGE(b, &pages[1]);

	got += PIN_PAGE(mm, a, &pages[2], &locked);
	got += pin_user_pages_remote(mm, b, 1, 0, &pages[3],
				     (struct vm_area_struct **)NO_VMAS, NULL);
	// CHECK-FIXES: got += pin_user_pages_remote(mm, b, 1, 0, &pages[3],
	// CHECK-FIXES-NEXT: {{^}}				     NULL);
	return got;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void both(const char *what, unsigned long a, unsigned long b)
{
	struct page *pages[4] = { NULL, NULL, NULL, NULL };
	long got;
	int i;

	mmap_read_lock(current->mm);
	got = fetch_both(current->mm, a, b, pages);
	mmap_read_unlock(current->mm);
	gup_model_printf("%s = %ld: %s %s %s %s", what, got,
			 gup_model_page_name(pages[0]), gup_model_page_name(pages[1]),
			 gup_model_page_name(pages[2]), gup_model_page_name(pages[3]));
	for (i = 0; i < 2; i++)
		if (pages[i])
			put_page(pages[i]);
	for (; i < 4; i++)
		if (pages[i])
			unpin_user_page(pages[i]);
}

int main(void)
{
	unsigned long buf, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON,
				GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	both("two pages", buf, buf + PAGE_SIZE + 5);
	both("b in a hole", buf, buf + 2 * PAGE_SIZE);
	both("a read-only (write fetch fails, pins succeed)", ro, buf);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 2);
	both("b out of memory twice", buf, buf + PAGE_SIZE);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: macro-body.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: two pages = 4: buf+0 buf+1 buf+0 buf+1
// MODEL-NEXT: b in a hole = -26: buf+0 NULL buf+0 NULL
// MODEL-NEXT: a read-only (write fetch fails, pins succeed) = -11: NULL buf+0 ro+0 buf+0
// MODEL-NEXT: b out of memory twice = -22: buf+0 NULL buf+0 NULL
// MODEL-NEXT: == gup-model summary ==
