#include "../include/frob.h"

static struct frob_stats frob_last;

/* The parameter's NULL case does something of its own: no fold. */
long frob_pages(struct frob_ctx *ctx, unsigned long addr,
		struct frob_stats **stats)
{
	if (stats)
		*stats = &frob_last;
	else
		frob_last.walked = 0;
	return ctx->count + (long)addr;
}
