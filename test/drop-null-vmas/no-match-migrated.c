// Code already on the 6.5 API (no vmas parameter in the prototypes) never
// matches: a second run, or a run on a migrated tree, changes nothing.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/migrated.c
// RUN: %mkdb %t migrated.c -- -I%kinclude -DGUP_MODEL_API=605
// RUN: %gup-rewrite -p %t > %t/out.diff 2> %t/err.txt
// RUN: count 0 < %t/out.diff
// RUN: count 0 < %t/err.txt
// RUN: %gup-rewrite -p %t --report | count 0

#include <linux/mm.h>

long migrated(struct mm_struct *mm, unsigned long start, struct page **pages)
{
	int locked = 1;
	long got = get_user_pages(start, 1, 0, pages);

	got += pin_user_pages(start, 1, FOLL_LONGTERM, pages);
	got += get_user_pages_remote(mm, start, 1, 0, NULL, &locked);
	got += pin_user_pages_remote(mm, start, 1, 0, pages, NULL);
	return got;
}
