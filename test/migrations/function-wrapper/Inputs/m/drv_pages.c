/* A file of the same module that uses GUP alone: it includes the compat
 * header too, without <linux/widget.h> of its own. */
#include <linux/mm.h>

long drv_pages_pin(unsigned long start, struct page **pages)
{
	return get_user_pages(start, 1, 0, pages, NULL);
}
