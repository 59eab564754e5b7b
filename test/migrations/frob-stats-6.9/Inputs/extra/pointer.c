#include "../include/frob.h"

/* Calls through a pointer pass three arguments whatever the definition. */
long (*frob_hook)(struct frob_ctx *, unsigned long, struct frob_stats **) = frob_pages;
