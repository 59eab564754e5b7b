// A reduced mm/gup_test.c ioctl driven like run_vmtests.sh does: `gup_test -u`
// (GUP_FAST_BENCHMARK), `-a` (PIN_FAST_BENCHMARK), `-ct -F 0x1 0 19 0x1000`
// (DUMP_USER_PAGES_TEST on THP memory with FOLL_WRITE, dumping pages 0 and
// 19; 0x1000 is out of range), plus -U, -b, -L and `-c -p`. The range is
// walked in chunks of nr_pages_per_call under mmap_read_lock (fast commands
// without it), stopping at the first short result; pinned pages must pass
// folio_maybe_dma_pinned() (and folio_is_longterm_pinnable() for -L), else
// WARN + dump_page; then everything is released and counts return to zero.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK --implicit-check-not=WARN
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK --implicit-check-not=WARN
// RUN: %t.604 > %t.a && %t.605 > %t.b && diff %t.a %t.b
#include <linux/slab.h>
#include "Inputs/model_test.h"

enum cmd { GUP_FAST_BENCHMARK, PIN_FAST_BENCHMARK, PIN_LONGTERM_BENCHMARK,
	   GUP_BASIC_TEST, PIN_BASIC_TEST, DUMP_USER_PAGES_TEST };
static const char *const cmd_name[] = { "GUP_FAST_BENCHMARK", "PIN_FAST_BENCHMARK",
	"PIN_LONGTERM_BENCHMARK", "GUP_BASIC_TEST", "PIN_BASIC_TEST",
	"DUMP_USER_PAGES_TEST" };

#define DUMP_USE_PIN 0x1
#define NR_WHICH 3

struct gup_req {
	unsigned long addr, size;
	unsigned int nr_pages_per_call, gup_flags, test_flags;
	unsigned int which_pages[NR_WHICH];	/* 1-based, 0 = unused */
};

static bool uses_pin(enum cmd cmd, const struct gup_req *req)
{
	return cmd == PIN_FAST_BENCHMARK || cmd == PIN_LONGTERM_BENCHMARK ||
	       cmd == PIN_BASIC_TEST ||
	       (cmd == DUMP_USER_PAGES_TEST && (req->test_flags & DUMP_USE_PIN));
}

static long one_call(enum cmd cmd, const struct gup_req *req, unsigned long addr,
		     long nr, struct page **pages)
{
	unsigned int flags = req->gup_flags;

	switch (cmd) {
	case GUP_FAST_BENCHMARK:
		return get_user_pages_fast(addr, nr, flags, pages);
	case PIN_FAST_BENCHMARK:
		return pin_user_pages_fast(addr, nr, flags, pages);
	case PIN_LONGTERM_BENCHMARK:
		return T_PUP(addr, nr, flags | FOLL_LONGTERM, pages, NULL);
	case GUP_BASIC_TEST:
		return T_GUP(addr, nr, flags, pages, NULL);
	case PIN_BASIC_TEST:
		return T_PUP(addr, nr, flags, pages, NULL);
	case DUMP_USER_PAGES_TEST:
		if (req->test_flags & DUMP_USE_PIN)
			return T_PUP(addr, nr, flags, pages, NULL);
		return T_GUP(addr, nr, flags, pages, NULL);
	}
	return -EINVAL;
}

static int gup_test_ioctl(enum cmd cmd, struct gup_req *req)
{
	unsigned long nr_pages = req->size / PAGE_SIZE, addr, next;
	unsigned long start = req->addr, end = req->addr + req->size;
	bool fast = cmd == GUP_FAST_BENCHMARK || cmd == PIN_FAST_BENCHMARK;
	struct page **pages;
	long i = 0, nr = req->nr_pages_per_call, j;

	pages = kvcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	if (!fast)
		mmap_read_lock(current->mm);
	for (addr = start; addr < end; addr = next) {
		if (nr != req->nr_pages_per_call)
			break;
		next = addr + nr * PAGE_SIZE;
		if (next > end) {
			next = end;
			nr = (next - addr) / PAGE_SIZE;
		}
		nr = one_call(cmd, req, addr, nr, pages + i);
		if (nr <= 0)
			break;
		i += nr;
	}
	if (!fast)
		mmap_read_unlock(current->mm);
	req->size = addr - start;

	for (j = 0; j < i; j++) {
		struct folio *folio = page_folio(pages[j]);

		if (uses_pin(cmd, req) && WARN_ON(!folio_maybe_dma_pinned(folio)))
			dump_page(pages[j], "gup_test failure");
		if (cmd == PIN_LONGTERM_BENCHMARK &&
		    WARN_ON(!folio_is_longterm_pinnable(folio)))
			dump_page(pages[j], "gup_test failure");
	}
	if (cmd == DUMP_USER_PAGES_TEST)
		for (j = 0; j < NR_WHICH; j++) {
			unsigned int idx = req->which_pages[j];

			if (idx && idx <= i)
				dump_page(pages[idx - 1], "gup_test: dump_pages() test");
		}
	if (uses_pin(cmd, req))
		unpin_user_pages(pages, i);
	else
		for (j = 0; j < i; j++)
			put_page(pages[j]);
	kvfree(pages);
	gup_model_printf("%s: %ld pages, size covered %lu", cmd_name[cmd], i, req->size);
	return 0;
}

/* The userspace side: 0-based page indices become 1-based. */
static void run(const char *argv, enum cmd cmd, unsigned long addr,
		unsigned long npages, unsigned int per_call, unsigned int flags,
		unsigned int test_flags, const long *dump, int ndump)
{
	struct gup_req req = { addr, npages * PAGE_SIZE, per_call, flags, test_flags, { 0 } };
	int k, ret;

	for (k = 0; k < ndump && k < NR_WHICH; k++)
		req.which_pages[k] = dump[k] + 1;
	gup_model_printf("$ gup_test %s", argv);
	ret = gup_test_ioctl(cmd, &req);
	gup_model_printf("ioctl = %d", ret);
}

int main(void)
{
	static const long dump[] = { 0, 19, 0x1000 };
	unsigned long anon, thp, mov, shared, shorter;

	gup_model_begin();
	anon = gup_model_add_vma("anon", 32, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	thp = gup_model_add_vma("thp", 32, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE | GUP_MODEL_THP);
	mov = gup_model_add_vma("mov", 8, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE | GUP_MODEL_MOVABLE);
	shared = gup_model_add_vma("shm", 8, RW | VM_SHARED, GUP_MODEL_SHMEM, 0);
	shorter = gup_model_add_vma("short", 6, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	run("-u", GUP_FAST_BENCHMARK, anon, 32, 8, 0, 0, NULL, 0);
	run("-a", PIN_FAST_BENCHMARK, anon, 32, 8, 0, 0, NULL, 0);
	run("-ct -F 0x1 0 19 0x1000", DUMP_USER_PAGES_TEST, thp, 32, 8, FOLL_WRITE, 0, dump, 3);
	run("-U -S -w", GUP_BASIC_TEST, shared, 8, 3, FOLL_WRITE, 0, NULL, 0);
	run("-b", PIN_BASIC_TEST, anon, 32, 32, 0, 0, NULL, 0);
	run("-L", PIN_LONGTERM_BENCHMARK, mov, 8, 4, FOLL_WRITE, 0, NULL, 0);
	run("-c -p 1 5", DUMP_USER_PAGES_TEST, anon, 8, 8, 0, DUMP_USE_PIN, (const long[]){ 1, 5 }, 2);
	/* 8 pages asked, 6 mapped: the second chunk is short and ends the walk */
	run("-U -n 4 (short range)", GUP_BASIC_TEST, shorter, 12, 4, 0, 0, NULL, 0);
	return gup_model_finish();
}

// CHECK:      $ gup_test -u
// CHECK-NEXT: GUP_FAST_BENCHMARK: 32 pages, size covered 131072
// CHECK-NEXT: ioctl = 0
// CHECK-NEXT: $ gup_test -a
// CHECK-NEXT: PIN_FAST_BENCHMARK: 32 pages, size covered 131072
// CHECK-NEXT: ioctl = 0
// CHECK-NEXT: $ gup_test -ct -F 0x1 0 19 0x1000
// CHECK-NEXT: dump_page: thp+0 ref=5 pins=0 large: gup_test: dump_pages() test
// CHECK-NEXT: dump_page: thp+19 ref=5 pins=0 large: gup_test: dump_pages() test
// CHECK-NEXT: DUMP_USER_PAGES_TEST: 32 pages, size covered 131072
// CHECK-NEXT: ioctl = 0
// CHECK-NEXT: $ gup_test -U -S -w
// CHECK-NEXT: GUP_BASIC_TEST: 8 pages, size covered 32768
// CHECK-NEXT: ioctl = 0
// CHECK-NEXT: $ gup_test -b
// CHECK-NEXT: PIN_BASIC_TEST: 32 pages, size covered 131072
// CHECK-NEXT: ioctl = 0
// CHECK-NEXT: $ gup_test -L
// CHECK-NEXT: PIN_LONGTERM_BENCHMARK: 8 pages, size covered 32768
// CHECK-NEXT: ioctl = 0
// CHECK-NEXT: $ gup_test -c -p 1 5
// CHECK-NEXT: dump_page: anon+1 ref=1025 pins=1: gup_test: dump_pages() test
// CHECK-NEXT: dump_page: anon+5 ref=1025 pins=1: gup_test: dump_pages() test
// CHECK-NEXT: DUMP_USER_PAGES_TEST: 8 pages, size covered 32768
// CHECK-NEXT: ioctl = 0
// CHECK-NEXT: $ gup_test -U -n 4 (short range)
// CHECK-NEXT: GUP_BASIC_TEST: 6 pages, size covered 32768
// CHECK-NEXT: ioctl = 0
// CHECK:      == gup-model summary ==
// CHECK:      page mov+7 ref=1 pins=0 migrated
// CHECK:      foll-pin: acquired=80 released=80
// CHECK-NEXT: warnings: 0
// CHECK-NEXT: model-errors: 0
// CHECK-NEXT: result: OK
