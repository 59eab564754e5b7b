// As macro-argument-warns.c, with the parameter in parentheses or under a
// cast in the #define body: "(vmas)" is written in the body, but its value
// is at each use, and deleting it there would drop the argument of every
// use, whatever each passes. A NULL in parentheses written in the body
// itself is still dropped there.
// RUN: %check-rewrite %s %t --expect-exit=1 --no-compile-after

#include <linux/mm.h>
#include <linux/sched.h>

#define FETCH_PAREN(addr, page, vmas) get_user_pages(addr, 1, 0, page, (vmas))
#define FETCH_CAST(addr, page, vmas) \
	pin_user_pages(addr, 1, 0, page, (struct vm_area_struct **)(vmas))
#define FETCH_BODY(addr, page) \
	get_user_pages_remote(current->mm, addr, 1, 0, page, (NULL), NULL)

long fetch(unsigned long addr, struct page **page)
{
	long got = FETCH_PAREN(addr, page, NULL);

	got += FETCH_CAST(addr, page, NULL);
	return got + FETCH_BODY(addr, page);
}
// CHECK-MESSAGES: macro-argument-in-parentheses.c:19:13: warning: cannot drop the NULL vmas argument of get_user_pages() automatically: it is passed in through a macro parameter, so the text to delete is at every use of the macro; edit it by hand [gup-rewrite]
// CHECK-MESSAGES: macro-argument-in-parentheses.c:21:9: warning: cannot drop the NULL vmas argument of pin_user_pages() automatically: it is passed in through a macro parameter, so the text to delete is at every use of the macro; edit it by hand [gup-rewrite]
// CHECK-MESSAGES: warning: get_user_pages() was not migrated: 1 site needs a human
// CHECK-MESSAGES: warning: pin_user_pages() was not migrated: 1 site needs a human
// CHECK-FIXES:      {{^}}#define FETCH_BODY(addr, page) \{{$}}
// CHECK-FIXES-NEXT: {{^}}	get_user_pages_remote(current->mm, addr, 1, 0, page, NULL){{$}}
