/* Can include gup.h as text, never does: the prefilter's first choice for
 * gup.h reads nothing of it. */
#if 0
#include <gup.h>
#endif
int c_unused;
