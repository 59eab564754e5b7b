// vhost-vdpa: mirrors vhost_vdpa_pa_map() (drivers/vhost/vdpa.c).
// In a `while (npages)` loop, `sz2pin = min_t(...)` then pin_user_pages()
// split over two lines ending `gup_flags, page_list, NULL);`, then the
// `sz2pin != pinned` check that unpins a short batch.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define MAP_ACCESS_WO		0x2

struct map_dev {
	struct mm_struct *mm;
	unsigned long mapped;
};

int map_dev_pa_map(struct map_dev *dev, u64 uaddr, u64 size, u32 perm)
{
	struct page **page_list;
	unsigned long list_size = PAGE_SIZE / sizeof(struct page *);
	unsigned int gup_flags = FOLL_LONGTERM;
	unsigned long npages, cur_base, sz2pin;
	long pinned;
	int ret = 0;

	page_list = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;

	if (perm & MAP_ACCESS_WO)
		gup_flags |= FOLL_WRITE;

	npages = (size + (uaddr & ~PAGE_MASK) + PAGE_SIZE - 1) >> PAGE_SHIFT;
	mmap_read_lock(dev->mm);
	cur_base = uaddr & PAGE_MASK;

	while (npages) {
		sz2pin = min_t(unsigned long, npages, list_size);
		pinned = pin_user_pages(cur_base, sz2pin,
					gup_flags, page_list, NULL);
		// CHECK-FIXES: {{^}}		pinned = pin_user_pages(cur_base, sz2pin,{{$}}
		// CHECK-FIXES-NEXT: {{^}}					gup_flags, page_list);{{$}}
		if (sz2pin != pinned) {
			if (pinned < 0) {
				ret = pinned;
			} else {
				unpin_user_pages(page_list, pinned);
				ret = -ENOMEM;
			}
			goto out;
		}

		dev->mapped += pinned;
		unpin_user_pages(page_list, pinned);
		cur_base += pinned * PAGE_SIZE;
		npages -= pinned;
	}
out:
	mmap_read_unlock(dev->mm);
	kfree(page_list);
	return ret;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void pa_map(const char *what, u64 uaddr, u64 size, u32 perm)
{
	struct map_dev dev = { .mm = current->mm };
	int ret = map_dev_pa_map(&dev, uaddr, size, perm);

	gup_model_printf("%s = %d, %lu mapped", what, ret, dev.mapped);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, big, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	big = gup_model_add_vma("big", 514, rw, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	pa_map("3 pages from +0x10, write", buf + 0x10, 2 * PAGE_SIZE, MAP_ACCESS_WO);
	pa_map("two batches (512 + 2)", big, 514 * PAGE_SIZE, MAP_ACCESS_WO);
	pa_map("read-only vma, read", ro, PAGE_SIZE, 0);
	pa_map("read-only vma, write", ro, PAGE_SIZE, MAP_ACCESS_WO);
	pa_map("past the end: short batch unpinned", buf + 2 * PAGE_SIZE,
	       4 * PAGE_SIZE, 0);
	gup_model_inject_error(buf, EHWPOISON, 1);
	pa_map("poisoned first page", buf, PAGE_SIZE, 0);
	pa_map("empty", buf, 0, 0);
	pa_map("hole", buf - PAGE_SIZE, PAGE_SIZE, 0);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: vhost-vdpa-map.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 3 pages from +0x10, write = 0, 3 mapped
// MODEL-NEXT: two batches (512 + 2) = 0, 514 mapped
// MODEL-NEXT: read-only vma, read = 0, 1 mapped
// MODEL-NEXT: read-only vma, write = -14, 0 mapped
// MODEL-NEXT: past the end: short batch unpinned = -12, 0 mapped
// MODEL-NEXT: poisoned first page = -14, 0 mapped
// MODEL-NEXT: empty = 0, 0 mapped
// MODEL-NEXT: hole = -14, 0 mapped
// MODEL-NEXT: == gup-model summary ==
