#include <linux/mm.h>

/* pin_user_pages() in a comment does not count; the calls do. */
long ppc_pin(unsigned long addr, unsigned long n, struct page **pages)
{
	long done = pin_user_pages(addr, n, FOLL_WRITE | FOLL_LONGTERM, pages,
				   NULL);

	if (done < 0)
		return done;
	return pin_user_pages(addr + done, n - done, FOLL_WRITE, pages + done, NULL);
}
