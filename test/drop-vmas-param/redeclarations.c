// A file of the tree that declares the four functions again (as a header of
// the tree would): each prototype loses its vmas parameter, named or not,
// alone on its line or not, and a second prototype of the same function does
// too. The directives are after the code so that the prototypes are
// consecutive lines.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

long get_user_pages_remote(struct mm_struct *mm,
			   unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked);
long pin_user_pages_remote(struct mm_struct *, unsigned long, unsigned long,
			   unsigned int, struct page **,
			   struct vm_area_struct **, int *);
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages,
		    struct vm_area_struct **vmas);
long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages, struct vm_area_struct **vmas);
long pin_user_pages(unsigned long, unsigned long, unsigned int, struct page **,
		    struct vm_area_struct **);

// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}long get_user_pages_remote(struct mm_struct *mm,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   unsigned long start, unsigned long nr_pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   unsigned int gup_flags, struct page **pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   int *locked);{{$}}
// CHECK-FIXES-NEXT: {{^}}long pin_user_pages_remote(struct mm_struct *, unsigned long, unsigned long,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   unsigned int, struct page **,{{$}}
// CHECK-FIXES-NEXT: {{^}}			   int *);{{$}}
// CHECK-FIXES-NEXT: {{^}}long get_user_pages(unsigned long start, unsigned long nr_pages,{{$}}
// CHECK-FIXES-NEXT: {{^}}		    unsigned int gup_flags, struct page **pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}long pin_user_pages(unsigned long, unsigned long, unsigned int, struct page **);{{$}}
// CHECK-FIXES-EMPTY:
