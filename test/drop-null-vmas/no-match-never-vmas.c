// Functions of the GUP family that never had a vmas parameter are left alone,
// even with NULL arguments in the positions where vmas sits elsewhere.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

long fault_in_only(unsigned long start, struct page **pages)
{
	long got;

	got = get_user_pages_fast(start, 1, FOLL_WRITE, pages);
	got += pin_user_pages_fast(start, 1, FOLL_LONGTERM, pages);
	got += get_user_pages_unlocked(start, 1, NULL, FOLL_WRITE);
	got += pin_user_pages_unlocked(start, 1, pages, 0);
	got += get_user_pages_fast_only(start, 1, 0, NULL);
	return got;
}
