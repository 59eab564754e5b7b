// radeon TTM: mirrors radeon_ttm_tt_pin_userptr() (drivers/gpu/drm/radeon/
// radeon_ttm.c). get_user_pages() in a do/while loop that resumes at
// `ttm->pages + pinned` (a local pointer), flags `write ? FOLL_WRITE : 0`, and
// the NULL vmas shares the continuation line with pages: only `, NULL` goes.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>

#define GFX_USERPTR_READONLY	(1 << 0)

struct gfx_userptr_tt {
	struct page **pages;
	unsigned long num_pages;
	u64 userptr;
	struct mm_struct *usermm;
	u32 userflags;
};

int gfx_tt_pin_userptr(struct gfx_userptr_tt *tt)
{
	unsigned pinned = 0;
	int r;

	int write = !(tt->userflags & GFX_USERPTR_READONLY);

	if (current->mm != tt->usermm)
		return -EPERM;

	do {
		unsigned num_pages = tt->num_pages - pinned;
		u64 userptr = tt->userptr + pinned * PAGE_SIZE;
		struct page **pages = tt->pages + pinned;

		r = get_user_pages(userptr, num_pages, write ? FOLL_WRITE : 0,
				   pages, NULL);
		// CHECK-FIXES: {{^}}		r = get_user_pages(userptr, num_pages, write ? FOLL_WRITE : 0,{{$}}
		// CHECK-FIXES-NEXT: {{^}}				   pages);{{$}}
		if (r < 0)
			goto release_pages;

		pinned += r;

	} while (pinned < tt->num_pages);

	return 0;

release_pages:
	while (pinned)
		put_page(tt->pages[--pinned]);
	return r;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void userptr(const char *what, unsigned long addr, unsigned long n,
		    u32 flags, struct mm_struct *usermm)
{
	struct page *pages[8] = { NULL };
	struct gfx_userptr_tt tt = {
		.pages = pages, .num_pages = n, .userptr = addr,
		.usermm = usermm, .userflags = flags,
	};
	unsigned long i;
	int r;

	mmap_read_lock(current->mm);
	r = gfx_tt_pin_userptr(&tt);
	mmap_read_unlock(current->mm);
	gup_model_printf("%s = %d", what, r);
	for (i = 0; r == 0 && i < n; i++) {
		gup_model_printf("  %s refs=%d", gup_model_page_name(pages[i]),
				 gup_model_page_refs(pages[i]));
		put_page(pages[i]);
	}
}

int main(void)
{
	unsigned long buf, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = current->mm;
	buf = gup_model_add_vma("buf", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON,
				GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	userptr("write 3 pages", buf + PAGE_SIZE, 3, 0, mm);
	userptr("read-only userptr of a read-only vma", ro, 1, GFX_USERPTR_READONLY, mm);
	userptr("writable userptr of a read-only vma", ro, 1, 0, mm);
	userptr("past the end: 2 got, then a hole", buf + 2 * PAGE_SIZE, 4, 0, mm);
	gup_model_inject_error(buf + 2 * PAGE_SIZE, ENOMEM, 2);
	userptr("ENOMEM at page 2: 2 got, then the error", buf, 4, 0, mm);
	userptr("no pages", buf, 0, 0, mm);
	userptr("another process's mm", buf, 1, 0, gup_model_new_mm("other"));
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: radeon-userptr-pin.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: write 3 pages = 0
// MODEL-NEXT:   buf+1 refs=2
// MODEL-NEXT:   buf+2 refs=2
// MODEL-NEXT:   buf+3 refs=2
// MODEL-NEXT: read-only userptr of a read-only vma = 0
// MODEL-NEXT:   ro+0 refs=2
// MODEL-NEXT: writable userptr of a read-only vma = -14
// MODEL-NEXT: past the end: 2 got, then a hole = -14
// MODEL-NEXT: ENOMEM at page 2: 2 got, then the error = -12
// MODEL-NEXT: no pages = 0
// MODEL-NEXT: another process's mm = -1
// MODEL-NEXT: == gup-model summary ==
