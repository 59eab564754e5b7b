/* Trace output, model errors, WARN/BUG and printk. */
#include <linux/kernel.h>

#include "internal.h"

struct gm_state gm;

static void gm_vline(int fd, const char *prefix, const char *fmt,
		     __builtin_va_list ap)
{
	char buf[1024];
	unsigned long len;

	__builtin_strcpy(buf, prefix);
	len = __builtin_strlen(buf);
	gm_vfmt(buf + len, sizeof(buf) - len - 1, fmt, ap);
	len = __builtin_strlen(buf);
	if (len == 0 || buf[len - 1] != '\n') {
		buf[len] = '\n';
		buf[len + 1] = '\0';
	}
	gm_write(fd, buf);
}

void gm_trace(const char *fmt, ...)
{
	__builtin_va_list ap;

	__builtin_va_start(ap, fmt);
	gm_vline(1, "", fmt, ap);
	__builtin_va_end(ap);
}

void gm_debug(const char *fmt, ...)
{
	__builtin_va_list ap;

	if (!gm.debug)
		return;
	__builtin_va_start(ap, fmt);
	gm_vline(2, "gup-model: ", fmt, ap);
	__builtin_va_end(ap);
}

void gm_error(const char *fmt, ...)
{
	__builtin_va_list ap;

	gm.errors++;
	__builtin_va_start(ap, fmt);
	gm_vline(1, "MODEL-ERROR: ", fmt, ap);
	__builtin_va_end(ap);
}

void gm_warn(const char *fmt, ...)
{
	__builtin_va_list ap;

	gm.warns++;
	__builtin_va_start(ap, fmt);
	gm_vline(1, "WARN: ", fmt, ap);
	__builtin_va_end(ap);
}

void gm_fatal(const char *fmt, ...)
{
	__builtin_va_list ap;

	gm.finished = true;	/* the exit below is the end; no atexit complaint */
	__builtin_va_start(ap, fmt);
	gm_vline(1, "MODEL-FATAL: ", fmt, ap);
	__builtin_va_end(ap);
	__builtin_va_start(ap, fmt);
	gm_vline(2, "gup-model: fatal: ", fmt, ap);
	__builtin_va_end(ap);
	gm_exit(2);
}

void gm_require_begun(const char *fn)
{
	if (!gm.begun)
		gm_fatal("%s() called before gup_model_begin()", fn);
}

void gup_model_printf(const char *fmt, ...)
{
	__builtin_va_list ap;

	__builtin_va_start(ap, fmt);
	gm_vline(1, "", fmt, ap);
	__builtin_va_end(ap);
}

static const char *gm_basename(const char *file)
{
	const char *s = __builtin_strrchr(file, '/');

	return s ? s + 1 : file;
}

/* The condition text goes to the trace, the location (which moves when a
 * tool rewrites the file) only to stderr. */
void __gup_model_warn(const char *file, int line, const char *cond)
{
	char buf[256];

	gm_warn("WARN_ON(%s)", cond);
	__builtin_snprintf(buf, sizeof(buf), "gup-model: WARN_ON(%s) at %s:%d\n",
			   cond, gm_basename(file), line);
	gm_write(2, buf);
}

void __gup_model_bug(const char *file, int line)
{
	gm.errors++;
	gm_trace("BUG: kernel BUG() reached");
	gm_fatal("BUG() at %s:%d", gm_basename(file), line);
}

int printk(const char *fmt, ...)
{
	char buf[512];
	__builtin_va_list ap;
	const char *s = fmt;

	/* KERN_<LEVEL> prefixes are "\001" plus a digit/letter. */
	while (s[0] == '\001' && s[1])
		s += 2;
	__builtin_va_start(ap, fmt);
	gm_vfmt(buf, sizeof(buf), s, ap);
	__builtin_va_end(ap);
	gm_trace("printk: %s", buf);
	return (int)__builtin_strlen(buf);
}

void gup_model_set_verbose(bool on)
{
	gm.verbose = on;
}

int gup_model_error_count(void)
{
	return gm.errors;
}

static const struct {
	unsigned int bit;
	const char *name;
} gm_foll_names[] = {
	{ FOLL_WRITE, "WRITE" }, { FOLL_GET, "GET" }, { FOLL_DUMP, "DUMP" },
	{ FOLL_FORCE, "FORCE" }, { FOLL_NOWAIT, "NOWAIT" },
	{ FOLL_NOFAULT, "NOFAULT" }, { FOLL_HWPOISON, "HWPOISON" },
	{ FOLL_ANON, "ANON" }, { FOLL_LONGTERM, "LONGTERM" },
	{ FOLL_SPLIT_PMD, "SPLIT_PMD" }, { FOLL_PCI_P2PDMA, "PCI_P2PDMA" },
	{ FOLL_INTERRUPTIBLE, "INTERRUPTIBLE" }, { FOLL_TOUCH, "TOUCH" },
	{ FOLL_TRIED, "TRIED" }, { FOLL_REMOTE, "REMOTE" }, { FOLL_PIN, "PIN" },
	{ FOLL_FAST_ONLY, "FAST_ONLY" }, { FOLL_UNLOCKABLE, "UNLOCKABLE" },
};

const char *gm_flags_str(unsigned int flags, char *buf, unsigned long size)
{
	unsigned long len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(gm_foll_names); i++) {
		if (!(flags & gm_foll_names[i].bit))
			continue;
		flags &= ~gm_foll_names[i].bit;
		len += __builtin_snprintf(buf + len, size - len, "%s%s",
					  len ? "|" : "", gm_foll_names[i].name);
		if (len >= size)
			return buf;
	}
	if (flags)
		__builtin_snprintf(buf + len, size - len, "%s0x%x", len ? "|" : "", flags);
	else if (!len)
		__builtin_snprintf(buf, size, "0");
	return buf;
}
