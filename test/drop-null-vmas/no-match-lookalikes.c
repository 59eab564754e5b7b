// Look-alikes never match: a struct member function pointer named like the
// API, a static function with the same parameters under another name, and a
// call through a function pointer parameter. Only a real call of the API does.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

struct pin_backend {
	long (*get_user_pages)(unsigned long start, unsigned long nr_pages,
			       unsigned int gup_flags, struct page **pages,
			       struct vm_area_struct **vmas);
};

static long backend_pin(unsigned long start, unsigned long nr_pages,
			unsigned int gup_flags, struct page **pages,
			struct vm_area_struct **vmas)
{
	return nr_pages + (pages != NULL) + (vmas != NULL) + gup_flags + start;
}

long use_lookalikes(struct pin_backend *be, unsigned long start,
		    struct page **pages,
		    long (*fn)(unsigned long, unsigned long, unsigned int,
			       struct page **, struct vm_area_struct **))
{
	long got;

	got = be->get_user_pages(start, 1, 0, pages, NULL);
	got += backend_pin(start, 1, 0, pages, NULL);
	got += fn(start, 1, 0, pages, NULL);
	got += get_user_pages(start, 1, 0, pages, NULL);
	// CHECK-FIXES: got = be->get_user_pages(start, 1, 0, pages, NULL);
	// CHECK-FIXES: got += backend_pin(start, 1, 0, pages, NULL);
	// CHECK-FIXES: got += fn(start, 1, 0, pages, NULL);
	// CHECK-FIXES: got += get_user_pages(start, 1, 0, pages);
	return got;
}
