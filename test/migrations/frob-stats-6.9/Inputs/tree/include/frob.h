/* The tree's own API: frob_pages() is declared and defined inside --root. */
#ifndef FROB_H
#define FROB_H

#include <linux/stddef.h>

struct frob_ctx {
	long count;
};

struct frob_stats {
	unsigned long walked;
};

long frob_pages(struct frob_ctx *ctx, unsigned long addr,
		struct frob_stats **stats);

/* Exports only name the function: their type follows its definition. */
#define EXPORT_SYMBOL(sym) \
	extern typeof(sym) sym; \
	void *const exported_##sym = (void *)&sym

#endif
