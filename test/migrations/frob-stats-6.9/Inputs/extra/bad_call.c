#include "../include/frob.h"

/* Reads the statistics: the argument cannot just go. */
unsigned long frob_and_count(struct frob_ctx *ctx)
{
	struct frob_stats *stats;

	frob_pages(ctx, 0, &stats);
	return stats->walked;
}
