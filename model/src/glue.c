/* libc side of the model; see glue.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GM_HAVE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GM_HAVE_ASAN 1
#endif
#ifdef GM_HAVE_ASAN
#include <sanitizer/asan_interface.h>
#endif

void *gm_alloc(unsigned long size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p) {
		fputs("gup-model: out of memory\n", stderr);
		abort();
	}
	return p;
}

void gm_free(const void *p)
{
	free((void *)p);
}

int gm_vfmt(char *buf, unsigned long size, const char *fmt, va_list ap)
{
	return vsnprintf(buf, size, fmt, ap);
}

void gm_write(int fd, const char *s)
{
	FILE *f = fd == 2 ? stderr : stdout;

	fputs(s, f);
	fflush(f);
}

const char *gm_getenv(const char *name)
{
	return getenv(name);
}

void gm_exit(int status)
{
	fflush(stdout);
	fflush(stderr);
	exit(status);
}

void gm_abort(void)
{
	fflush(stdout);
	fflush(stderr);
	abort();
}

void gm_atexit(void (*fn)(void))
{
	atexit(fn);
}

void gm_poison(const void *p, unsigned long size)
{
#ifdef GM_HAVE_ASAN
	__asan_poison_memory_region(p, size);
#else
	(void)p;
	(void)size;
#endif
}

void gm_unpoison(const void *p, unsigned long size)
{
#ifdef GM_HAVE_ASAN
	__asan_unpoison_memory_region(p, size);
#else
	(void)p;
	(void)size;
#endif
}
