/* A translation unit built without -nostdinc: <stdarg.h> and <stddef.h>
 * come from clang's resource directory, which the tool must find wherever
 * it is installed and run from. NULL is the one <stddef.h> defines, the
 * kernel's ((void *)0). */
#include <stdarg.h>
#include <stddef.h>

struct page;
struct vm_area_struct;

long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas);

struct pin_log {
	int count;
	long last;
};

static int log_pin(struct pin_log *log, int n, ...)
{
	va_list ap;

	va_start(ap, n);
	log->last = va_arg(ap, long);
	va_end(ap);
	return ++log->count + (int)offsetof(struct pin_log, last);
}

int pin_one(struct pin_log *log, unsigned long addr, struct page **page)
{
	long got = get_user_pages(addr, 1, 0, page, NULL);

	log_pin(log, 1, got);
	return got == 1 ? 0 : -14;
}
