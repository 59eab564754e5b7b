/*
 * The four GUP entry points whose prototypes lost `vmas` in v6.5. This file
 * is compiled once per API side: -DGUP_MODEL_API=604 goes into libgupmodel.a,
 * 605 into libgupmodel605.a (which also serves 607: the two differ only in
 * the header's get_user_page_vma_remote()). Everything else is API-neutral.
 */
#include <linux/mm.h>
#include <linux/sched.h>

#include "internal.h"

const int gm_lib_api = GUP_MODEL_API >= 605 ? 605 : 604;

#if GUP_MODEL_API < 605
#define GM_VMAS_PARAM	, struct vm_area_struct **vmas
#define GM_VMAS		vmas
#else
#define GM_VMAS_PARAM
#define GM_VMAS		NULL
#endif

long get_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages
			   GM_VMAS_PARAM, int *locked)
{
	return gm_gup_entry("get_user_pages_remote", mm, start, nr_pages,
			    gup_flags, pages, GM_VMAS, locked,
			    FOLL_TOUCH | FOLL_REMOTE, -EINVAL);
}

long pin_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages
			   GM_VMAS_PARAM, int *locked)
{
	/* the quirk: invalid arguments give 0, not -EINVAL */
	return gm_gup_entry("pin_user_pages_remote", mm, start, nr_pages,
			    gup_flags, pages, GM_VMAS, locked,
			    FOLL_PIN | FOLL_TOUCH | FOLL_REMOTE, 0);
}

long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages GM_VMAS_PARAM)
{
	gm_require_begun("get_user_pages");
	return gm_gup_entry("get_user_pages", current->mm, start, nr_pages,
			    gup_flags, pages, GM_VMAS, NULL, FOLL_TOUCH, -EINVAL);
}

long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages GM_VMAS_PARAM)
{
	gm_require_begun("pin_user_pages");
	return gm_gup_entry("pin_user_pages", current->mm, start, nr_pages,
			    gup_flags, pages, GM_VMAS, NULL, FOLL_PIN, 0);
}
