/* Calls that, joined, end at column 100 and at column 101. */
#include <linux/mm.h>

long reflow_edge_100(struct mm_struct *mm, unsigned long addr,
		     struct page **pages_at_the_edge_of_a_linexyz)
{
	return get_user_pages_remote(mm, addr, 1, FOLL_WRITE,
				     pages_at_the_edge_of_a_linexyz, NULL, NULL);
}

long reflow_edge_101(struct mm_struct *mm, unsigned long addr,
		     struct page **pages_at_the_edge_of_a_linexyzw)
{
	return get_user_pages_remote(mm, addr, 1, FOLL_WRITE,
				     pages_at_the_edge_of_a_linexyzw, NULL, NULL);
}
