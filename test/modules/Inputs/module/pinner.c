// A module's file: one pin with a NULL vmas argument.
#include <linux/mm.h>

long pinner_pin(unsigned long start, unsigned long n, struct page **pages)
{
	return pin_user_pages(start, n, FOLL_WRITE, pages, NULL);
}
