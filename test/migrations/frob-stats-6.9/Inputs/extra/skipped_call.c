#include "../include/frob.h"

#ifdef CONFIG_FROB_SELFTEST
long frob_selftest(struct frob_ctx *ctx)
{
	return frob_pages(ctx, 0, NULL);
}
#endif
