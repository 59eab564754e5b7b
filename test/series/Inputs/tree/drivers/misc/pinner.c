/* A driver pinning and faulting in user pages. */
#include <linux/mm.h>

static long pin_one(unsigned long addr, struct page **page,
		    struct vm_area_struct **vmas)
{
	return pin_user_pages(addr, 1, FOLL_WRITE, page, vmas);
}

long pinner_pin(unsigned long addr, unsigned long n, struct page **pages)
{
	if (n == 1)
		return pin_one(addr, pages, NULL);
	return pin_user_pages(addr, n, FOLL_WRITE | FOLL_LONGTERM, pages,
			      NULL);
}

long pinner_remote(struct mm_struct *mm, unsigned long addr,
		   struct page **pages)
{
	int locked = 1;

	return pin_user_pages_remote(mm, addr, 1, FOLL_WRITE, pages, NULL,
				     &locked);
}

int pinner_fault_in(unsigned long addr, struct page **page)
{
	if (get_user_pages(addr, 1, 0, page, NULL) != 1)
		return -EFAULT;
	return 0;
}
