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
			// CHECK-FIXES: {{^}}			nr = get_user_pages(addr, nr, gup->gup_flags, pages + i);{{$}}
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
			// CHECK-FIXES: {{^}}			nr = pin_user_pages(addr, nr, gup->gup_flags, pages + i);{{$}}
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
