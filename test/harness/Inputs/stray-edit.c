// The snippet of stray-edit.test (an input, not a test of its own): one call
// whose NULL vmas argument goes, the only change its CHECK-FIXES line asserts.

#include <linux/mm.h>

long fetch(unsigned long a, struct page **pages)
{
	long unrelated = 0;
	long ret;

	unrelated++;
	ret = 0;
	if (a)
		ret = get_user_pages(a, 1, 0, pages, NULL);
	unrelated += ret;
	return unrelated;
}
// CHECK-FIXES: {{^}}		ret = get_user_pages(a, 1, 0, pages);{{$}}
