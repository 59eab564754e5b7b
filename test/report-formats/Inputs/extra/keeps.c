/* An exported wrapper that hands its own vmas array to GUP: a human must
 * decide for its callers elsewhere, so get_user_pages() is held back. */
#include <linux/mm.h>

long keeps_vmas(unsigned long addr, struct page **pages,
		struct vm_area_struct **vmas)
{
	return get_user_pages(addr, 1, 0, pages, vmas);
}
