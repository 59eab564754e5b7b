/*
 * The model's only contact with libc. libc and the kernel-like headers cannot
 * share a translation unit (both define NULL, offsetof, loff_t, ...), so
 * glue.c includes libc alone and everything else includes this file, which
 * uses builtin types only.
 */
#ifndef GUP_MODEL_GLUE_H
#define GUP_MODEL_GLUE_H

void *gm_alloc(unsigned long size);		/* zeroed; aborts on failure */
void gm_free(const void *p);
/* vsnprintf into buf; returns the untruncated length. */
int gm_vfmt(char *buf, unsigned long size, const char *fmt, __builtin_va_list ap);
/* Write a string to stdout (fd 1) or stderr (fd 2) and flush. */
void gm_write(int fd, const char *s);
const char *gm_getenv(const char *name);
void gm_exit(int status) __attribute__((noreturn));
void gm_abort(void) __attribute__((noreturn));
void gm_atexit(void (*fn)(void));
/* ASan manual poisoning (no-ops without ASan). */
void gm_poison(const void *p, unsigned long size);
void gm_unpoison(const void *p, unsigned long size);

#endif
