/* A module: frob.h comes from outside its --root. */
#include <frob.h>

static long mod_frob(struct frob_ctx *ctx, struct frob_stats **stats)
{
	return frob_pages(ctx, 0, stats);
}

long mod_run(struct frob_ctx *ctx)
{
	return mod_frob(ctx, NULL) + frob_pages(ctx, 4096, NULL);
}
