#include "../include/frob.h"

static struct frob_stats frob_last;

/**
 * frob_pages() - frob the pages around an address
 * @ctx: what to frob with
 * @addr: where to start
 * @stats: when not NULL, set to the statistics of
 *	the last walk
 *
 * Return: how many pages were frobbed.
 */
long frob_pages(struct frob_ctx *ctx, unsigned long addr,
		struct frob_stats **stats)
{
	long done = ctx->count + (long)(addr >> 12);

	if (stats)
		*stats = &frob_last;
	frob_last.walked += done;
	return done;
}
EXPORT_SYMBOL(frob_pages);
