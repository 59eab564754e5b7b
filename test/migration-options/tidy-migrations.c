// The clang-tidy checks' Migrations option: ids separated by ',' or ';', or
// "all" (default gup-vmas), as gup-rewrite --migration. gup-vmas (alone or
// among others) reports the GUP site; an unknown id is one configuration
// warning naming the option, and is ignored.
// REQUIRES: tidy-plugin
// RUN: %check-tidy %s %t.default
// RUN: %check-tidy %s %t.gup --option=Migrations=gup-vmas
// RUN: %check-tidy %s %t.all --option=Migrations=all
// RUN: %check-tidy %s %t.list '--option=Migrations= all ; gup-vmas'
// RUN: %check-tidy %s %t.bad --option=Migrations=gup-vmas,no-such-id --prefix=BAD
// RUN: %check-tidy %s %t.local --checks=-*,gup-drop-null-vmas --option=gup-drop-null-vmas.Migrations=nope --prefix=LOCAL

#include <linux/mm.h>

long pin_one(unsigned long addr, struct page **page)
{
	// TIDY-MESSAGES: tidy-migrations.c:[[@LINE+5]]:{{[0-9]+}}: warning: {{.*}} [gup-drop-null-vmas]
	// BAD-MESSAGES-COUNT-1: warning: invalid value 'gup-vmas,no-such-id' for option 'Migrations': no migration 'no-such-id' (the built-in ones are {{.*}}gup-vmas{{.*}}, or 'all'); ignored [clang-tidy-config]
	// BAD-MESSAGES: tidy-migrations.c:[[@LINE+3]]:{{[0-9]+}}: warning: {{.*}} [gup-drop-null-vmas]
	// LOCAL-MESSAGES: warning: invalid value 'nope' for option 'gup-drop-null-vmas.Migrations': no migration 'nope' {{.*}} [clang-tidy-config]
	// LOCAL-MESSAGES: tidy-migrations.c:[[@LINE+1]]:{{[0-9]+}}: warning: {{.*}} [gup-drop-null-vmas]
	return get_user_pages(addr, 1, 0, page, NULL);
}
// CHECK-FIXES: {{^}}	return get_user_pages(addr, 1, 0, page);{{$}}
