// mm/gup_test.c: mirrors the GUP calls of __gup_test_ioctl(). One call per
// command of a switch inside a chunking loop, always on `pages + i`: twice with
// the NULL vmas alone on the continuation line (the call joins into one line),
// once with `flags | FOLL_LONGTERM` on a line of its own and `pages + i, NULL`
// on the last line, twice one level deeper in an if/else with
// `pages + i, NULL` on the continuation line. The *_fast() calls never had
// vmas and must stay as they are.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

#define BENCH_GUP_FAST		1
#define BENCH_GUP_BASIC		2
#define BENCH_PIN_FAST		3
#define BENCH_PIN_BASIC		4
#define BENCH_PIN_LONGTERM	5
#define BENCH_DUMP_PAGES	6

#define BENCH_DUMP_USE_PIN	0x1

struct gup_bench {
	u64 addr;
	u64 size;
	u32 nr_pages_per_call;
	u32 gup_flags;
	u32 test_flags;
};

static void bench_put_pages(unsigned int cmd, struct page **pages,
			    unsigned long nr_pages, u32 test_flags)
{
	unsigned long i;

	if (cmd == BENCH_GUP_FAST || cmd == BENCH_GUP_BASIC ||
	    (cmd == BENCH_DUMP_PAGES && !(test_flags & BENCH_DUMP_USE_PIN))) {
		for (i = 0; i < nr_pages; i++)
			put_page(pages[i]);
	} else {
		unpin_user_pages(pages, nr_pages);
	}
}

int gup_bench_run(unsigned int cmd, struct gup_bench *gup)
{
	unsigned long i, nr_pages, addr, next;
	long nr;
	struct page **pages;
	int ret = 0;
	bool needs_mmap_lock =
		cmd != BENCH_GUP_FAST && cmd != BENCH_PIN_FAST;

	nr_pages = gup->size / PAGE_SIZE;
	pages = kvcalloc(nr_pages, sizeof(void *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	if (needs_mmap_lock && mmap_read_lock_killable(current->mm)) {
		ret = -EINTR;
		goto free_pages;
	}

	i = 0;
	nr = gup->nr_pages_per_call;
	for (addr = gup->addr; addr < gup->addr + gup->size; addr = next) {
		if (nr != gup->nr_pages_per_call)
			break;

		next = addr + nr * PAGE_SIZE;
		if (next > gup->addr + gup->size) {
			next = gup->addr + gup->size;
			nr = (next - addr) / PAGE_SIZE;
		}

		switch (cmd) {
		case BENCH_GUP_FAST:
			nr = get_user_pages_fast(addr, nr, gup->gup_flags,
						 pages + i);
			// CHECK-FIXES: {{^}}			nr = get_user_pages_fast(addr, nr, gup->gup_flags,{{$}}
			// CHECK-FIXES-NEXT: {{^}}						 pages + i);{{$}}
			break;
		case BENCH_GUP_BASIC:
			nr = get_user_pages(addr, nr, gup->gup_flags, pages + i,
					    NULL);
			// CHECK-FIXES:      {{^}}		case BENCH_GUP_BASIC:{{$}}
			// CHECK-FIXES-NEXT: {{^}}			nr = get_user_pages(addr, nr, gup->gup_flags, pages + i);{{$}}
			// CHECK-FIXES-EMPTY:
			break;
		case BENCH_PIN_FAST:
			nr = pin_user_pages_fast(addr, nr, gup->gup_flags,
						 pages + i);
			// CHECK-FIXES: {{^}}			nr = pin_user_pages_fast(addr, nr, gup->gup_flags,{{$}}
			// CHECK-FIXES-NEXT: {{^}}						 pages + i);{{$}}
			break;
		case BENCH_PIN_BASIC:
			nr = pin_user_pages(addr, nr, gup->gup_flags, pages + i,
					    NULL);
			// CHECK-FIXES:      {{^}}		case BENCH_PIN_BASIC:{{$}}
			// CHECK-FIXES-NEXT: {{^}}			nr = pin_user_pages(addr, nr, gup->gup_flags, pages + i);{{$}}
			// CHECK-FIXES-EMPTY:
			break;
		case BENCH_PIN_LONGTERM:
			nr = pin_user_pages(addr, nr,
					    gup->gup_flags | FOLL_LONGTERM,
					    pages + i, NULL);
			// CHECK-FIXES: {{^}}			nr = pin_user_pages(addr, nr,{{$}}
			// CHECK-FIXES-NEXT: {{^}}					    gup->gup_flags | FOLL_LONGTERM,{{$}}
			// CHECK-FIXES-NEXT: {{^}}					    pages + i);{{$}}
			break;
		case BENCH_DUMP_PAGES:
			if (gup->test_flags & BENCH_DUMP_USE_PIN)
				nr = pin_user_pages(addr, nr, gup->gup_flags,
						    pages + i, NULL);
			// CHECK-FIXES: {{^}}				nr = pin_user_pages(addr, nr, gup->gup_flags,{{$}}
			// CHECK-FIXES-NEXT: {{^}}						    pages + i);{{$}}
			else
				nr = get_user_pages(addr, nr, gup->gup_flags,
						    pages + i, NULL);
			// CHECK-FIXES: {{^}}				nr = get_user_pages(addr, nr, gup->gup_flags,{{$}}
			// CHECK-FIXES-NEXT: {{^}}						    pages + i);{{$}}
			break;
		default:
			ret = -EINVAL;
			goto unlock;
		}

		if (nr <= 0)
			break;
		i += nr;
	}

	nr_pages = i;
	gup->size = addr - gup->addr;
	bench_put_pages(cmd, pages, nr_pages, gup->test_flags);

unlock:
	if (needs_mmap_lock)
		mmap_read_unlock(current->mm);
free_pages:
	kvfree(pages);
	return ret;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void bench(const char *what, unsigned int cmd, unsigned long addr,
		  unsigned long npages, u32 per_call, u32 gup_flags, u32 test_flags)
{
	struct gup_bench gup = {
		.addr = addr, .size = npages * PAGE_SIZE,
		.nr_pages_per_call = per_call, .gup_flags = gup_flags,
		.test_flags = test_flags,
	};
	int ret = gup_bench_run(cmd, &gup);

	gup_model_printf("%s = %d, size %llu pages", what, ret,
			 (unsigned long long)(gup.size / PAGE_SIZE));
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, movable;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 8, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	movable = gup_model_add_vma("movable", 4, rw, GUP_MODEL_ANON,
				    GUP_MODEL_POPULATE | GUP_MODEL_MOVABLE);

	bench("get basic, 3 per call", BENCH_GUP_BASIC, buf, 8, 3, FOLL_WRITE, 0);
	bench("pin basic past the end", BENCH_PIN_BASIC, buf + 4 * PAGE_SIZE, 6, 3, 0, 0);
	bench("pin longterm, movable", BENCH_PIN_LONGTERM, movable, 4, 4, FOLL_WRITE, 0);
	gup_model_inject_error(buf + 2 * PAGE_SIZE, EHWPOISON, 1);
	bench("dump get, poison in chunk 1", BENCH_DUMP_PAGES, buf, 8, 2, FOLL_HWPOISON, 0);
	gup_model_inject_error(buf + 2 * PAGE_SIZE, EHWPOISON, 1);
	bench("dump pin, poison on the first page", BENCH_DUMP_PAGES, buf + 2 * PAGE_SIZE, 4, 2,
	      FOLL_HWPOISON, BENCH_DUMP_USE_PIN);
	bench("get basic in a hole", BENCH_GUP_BASIC, buf - 2 * PAGE_SIZE, 2, 2, 0, 0);
	bench("get basic, invalid flags", BENCH_GUP_BASIC, buf, 2, 2, FOLL_LONGTERM, 0);
	bench("pin basic, invalid flags (0 pages)", BENCH_PIN_BASIC, buf, 2, 2, FOLL_GET, 0);
	bench("pin fast", BENCH_PIN_FAST, buf, 4, 4, 0, 0);
	bench("unknown command", 99, buf, 2, 2, 0, 0);
	gup_model_set_fatal_signal(true);
	bench("get basic, fatal signal", BENCH_GUP_BASIC, buf, 2, 2, 0, 0);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: gup-test-ioctl.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: get basic, 3 per call = 0, size 8 pages
// MODEL-NEXT: pin basic past the end = 0, size 6 pages
// MODEL-NEXT: pin longterm, movable = 0, size 4 pages
// MODEL-NEXT: dump get, poison in chunk 1 = 0, size 2 pages
// MODEL-NEXT: dump pin, poison on the first page = 0, size 0 pages
// MODEL-NEXT: get basic in a hole = 0, size 0 pages
// MODEL-NEXT: WARN: get_user_pages: invalid GUP arguments: FOLL_LONGTERM without FOLL_PIN
// MODEL-NEXT: get basic, invalid flags = 0, size 0 pages
// MODEL-NEXT: WARN: pin_user_pages: invalid GUP arguments: FOLL_GET together with FOLL_PIN
// MODEL-NEXT: pin basic, invalid flags (0 pages) = 0, size 0 pages
// MODEL-NEXT: pin fast = 0, size 4 pages
// MODEL-NEXT: unknown command = -22, size 2 pages
// MODEL-NEXT: get basic, fatal signal = -4, size 2 pages
// MODEL-NEXT: == gup-model summary ==
