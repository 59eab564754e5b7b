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
