#include "../include/frob.h"

/* Built with an option this configuration does not set. */
#ifdef CONFIG_FROB_DEBUG
long frob_debug(struct frob_ctx *ctx, struct frob_stats **st)
{
	return frob_twice(ctx, 0, st);
}
#endif
