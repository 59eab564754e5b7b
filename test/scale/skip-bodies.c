// The parser skips the function bodies that cannot hold a site. Every body
// below matters although most of them name no GUP function in their own
// text, and the default run must give --full-parse's bytes and diagnostics:
//   fill_vmas()   only fills its vmas array: its parameter keeps it parsed,
//                 and the loop's store goes with the parameter;
//   reset_one()   names only fill_vmas(), a function with a vmas parameter:
//                 its NULL goes with that parameter;
//   pin_range()   a static wrapper that passes its vmas on to pin_user_pages();
//   pin_one()     names only the wrapper: its NULL goes with the wrapper's
//                 parameter;
//   pin_early()   the same, for a wrapper declared before and defined after;
//   grab_into()   names only the other wrapper, with an array of its own, so
//                 that wrapper keeps its parameter (a warning);
//   use_macro()   reaches get_user_pages_remote() through a macro;
//   use_paste()   reaches get_user_pages() through a name a macro pastes
//                 together (a warning: the tool does not edit that call).
// plain() and the stub headers' inline functions are skipped.
//
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/skip.c && %mkdb %t skip.c -- -I%kinclude
// RUN: %expect-exit 1 %gup-rewrite -p %t --full-parse --summary > %t/full.diff 2> %t/full.err
// RUN: %expect-exit 1 %gup-rewrite -p %t --summary > %t/skipped.diff 2> %t/skipped.err
// RUN: diff %t/full.diff %t/skipped.diff
// RUN: sed '/^gup-rewrite: summary$/,$d' %t/full.err > %t/full.diag
// RUN: sed '/^gup-rewrite: summary$/,$d' %t/skipped.err > %t/skipped.diag
// RUN: diff %t/full.diag %t/skipped.diag
// RUN: FileCheck %s --check-prefix=DIFF --input-file=%t/skipped.diff
// RUN: FileCheck %s --check-prefix=DIAG --input-file=%t/skipped.err
// RUN: FileCheck %s --check-prefix=FULL --input-file=%t/full.err

// DIFF:      -	get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL)
// DIFF-NEXT: +	get_user_pages_remote(mm, addr, 1, 0, page, NULL)
// DIFF:      -static void fill_vmas(struct vm_area_struct *vma, struct vm_area_struct **vmas,
// DIFF-NEXT: +static void fill(struct vm_area_struct *vma,
// DIFF:      -		if (vmas)
// DIFF-NEXT: -			vmas[i] = vma;
// DIFF:      -	fill_vmas(NULL, NULL, 1);
// DIFF-NEXT: +	fill(NULL, 1);
// DIFF:      -		      struct page **pages, struct vm_area_struct **vmas)
// DIFF-NEXT: +		      struct page **pages)
// DIFF:      -	return pin_user_pages(start, n, FOLL_WRITE, pages, vmas);
// DIFF-NEXT: +	return pin_user_pages(start, n, FOLL_WRITE, pages);
// DIFF:      -	return pin_range(start, 1, pages, NULL);
// DIFF-NEXT: +	return pin_range(start, 1, pages);
// DIFF:      -	return pin_late(start, pages, NULL);
// DIFF-NEXT: +	return pin_late(start, pages);
// DIFF-NOT:  get_user_pages(

// DIAG:      skip.c:{{.*}}: warning: get_user_pages() is passed 'vmas', the vmas parameter of grab_range(), which cannot lose it automatically: a caller of grab_range() passes 'vmas' for it (line {{[0-9]+}}), not NULL
// DIAG-NEXT: skip.c:{{.*}}: warning: cannot drop the NULL vmas argument of get_user_pages() automatically
// DIAG:      function bodies {{[1-9][0-9]*}} parsed, {{[1-9][0-9]*}} skipped (cannot hold a site)
// DIAG:      time per phase
// DIAG-NEXT: DB load
// DIAG-NEXT: prefilter
// DIAG-NEXT: workers
// DIAG-NEXT: parse
// DIAG-NEXT: match
// DIAG-NEXT: plan
// DIAG-NEXT: output
// FULL:      function bodies all parsed (--full-parse)

#include <linux/mm.h>

#define GRAB_ONE(mm, addr, page) \
	get_user_pages_remote(mm, addr, 1, 0, page, NULL, NULL)
#define USE_GUP(kind) kind##_user_pages

static void fill_vmas(struct vm_area_struct *vma, struct vm_area_struct **vmas,
		      unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		if (vmas)
			vmas[i] = vma;
	}
}

void reset_one(void)
{
	fill_vmas(NULL, NULL, 1);
}

static long pin_range(unsigned long start, unsigned long n,
		      struct page **pages, struct vm_area_struct **vmas)
{
	return pin_user_pages(start, n, FOLL_WRITE, pages, vmas);
}

long pin_one(unsigned long start, struct page **pages)
{
	return pin_range(start, 1, pages, NULL);
}

static long grab_range(unsigned long start, struct page **pages,
		       struct vm_area_struct **vmas)
{
	return get_user_pages(start, 1, 0, pages, vmas);
}

long grab_into(unsigned long start, struct page **pages)
{
	struct vm_area_struct *vmas[1];
	long got = grab_range(start, pages, vmas);

	return got == 1 && vmas[0] ? 1 : 0;
}

static long pin_late(unsigned long start, struct page **pages,
		     struct vm_area_struct **vmas);

long pin_early(unsigned long start, struct page **pages)
{
	return pin_late(start, pages, NULL);
}

static long pin_late(unsigned long start, struct page **pages,
		     struct vm_area_struct **vmas)
{
	return pin_user_pages(start, 1, 0, pages, vmas);
}

long use_macro(struct mm_struct *mm, unsigned long addr, struct page **page)
{
	return GRAB_ONE(mm, addr, page);
}

long use_paste(unsigned long start, struct page **pages)
{
	return USE_GUP(get)(start, 1, 0, pages, NULL);
}

int plain(int x)
{
	return x + 1;
}
