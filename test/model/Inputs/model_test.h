/* Helpers for the model self-tests: API-neutral GUP wrappers (the vmas
 * argument is dropped on 605/607) and trace shorthands. */
#ifndef MODEL_TEST_H
#define MODEL_TEST_H

#include <gup_model.h>

#if GUP_MODEL_API < 605
#define T_GUP(s, n, f, p, v)		get_user_pages(s, n, f, p, v)
#define T_PUP(s, n, f, p, v)		pin_user_pages(s, n, f, p, v)
#define T_GUP_REMOTE(mm, s, n, f, p, v, l) get_user_pages_remote(mm, s, n, f, p, v, l)
#define T_PUP_REMOTE(mm, s, n, f, p, v, l) pin_user_pages_remote(mm, s, n, f, p, v, l)
#else
#define T_GUP(s, n, f, p, v)		((void)(v), get_user_pages(s, n, f, p))
#define T_PUP(s, n, f, p, v)		((void)(v), pin_user_pages(s, n, f, p))
#define T_GUP_REMOTE(mm, s, n, f, p, v, l) ((void)(v), get_user_pages_remote(mm, s, n, f, p, l))
#define T_PUP_REMOTE(mm, s, n, f, p, v, l) ((void)(v), pin_user_pages_remote(mm, s, n, f, p, l))
#endif

#define RW (VM_READ | VM_WRITE)

static inline void t_pages(const char *what, struct page **pages, long n)
{
	long i;

	for (i = 0; i < n; i++)
		gup_model_printf("%s[%ld] = %s ref=%d pins=%d", what, i,
				 gup_model_page_name(pages[i]),
				 gup_model_page_refs(pages[i]),
				 gup_model_page_pins(pages[i]));
}

#endif
