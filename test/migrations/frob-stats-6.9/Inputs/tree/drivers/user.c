#include "../include/frob.h"

/* Only passes its own stats on: it loses the parameter with frob_pages(). */
static long frob_twice(struct frob_ctx *ctx, unsigned long addr,
		       struct frob_stats **stats)
{
	return frob_pages(ctx, addr, stats) + frob_pages(ctx, addr + 4096, NULL);
}

long user_frob(struct frob_ctx *ctx)
{
	return frob_twice(ctx, 0, NULL) + frob_pages(ctx, 8192, NULL);
}
