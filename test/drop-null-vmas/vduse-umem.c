// vduse: mirrors vduse_dev_reg_umem() (drivers/vdpa/vdpa_user/vduse_dev.c).
// pin_user_pages() of the whole range with FOLL_LONGTERM | FOLL_WRITE, split
// over two lines with `page_list, NULL);` on the second, result in a long
// compared with the request, partial pins undone on the error path.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct bounce_umem {
	struct page **pages;
	unsigned long npages;
	u64 iova;
};

int bounce_reg_umem(struct bounce_umem **slot, u64 iova, u64 uaddr, u64 size)
{
	struct page **page_list = NULL;
	struct bounce_umem *umem = NULL;
	long pinned = 0;
	unsigned long npages;
	int ret;

	if (iova != 0 || uaddr & ~PAGE_MASK)
		return -EINVAL;

	ret = -ENOMEM;
	npages = size >> PAGE_SHIFT;
	page_list = kvmalloc_array(npages, sizeof(struct page *), GFP_KERNEL);
	umem = kzalloc(sizeof(*umem), GFP_KERNEL);
	if (!page_list || !umem)
		goto unlock;

	mmap_read_lock(current->mm);

	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE,
				page_list, NULL);
	// CHECK-FIXES: {{^}}	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				page_list);{{$}}
	if (pinned != npages) {
		ret = pinned < 0 ? pinned : -ENOMEM;
		goto out;
	}

	umem->pages = page_list;
	umem->npages = pinned;
	umem->iova = iova;
	*slot = umem;
	ret = 0;
out:
	if (ret && pinned > 0)
		unpin_user_pages(page_list, pinned);

	mmap_read_unlock(current->mm);
unlock:
	if (ret) {
		kvfree(page_list);
		kfree(umem);
	}
	return ret;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void reg_umem(const char *what, u64 iova, u64 uaddr, u64 size)
{
	struct bounce_umem *umem = NULL;
	int ret = bounce_reg_umem(&umem, iova, uaddr, size);

	gup_model_printf("%s = %d", what, ret);
	if (ret)
		return;
	gup_model_printf("  %lu pages, first %s", umem->npages,
			 umem->npages ? gup_model_page_name(umem->pages[0]) : "-");
	unpin_user_pages_dirty_lock(umem->pages, umem->npages, true);
	kvfree(umem->pages);
	kfree(umem);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, ro, movable;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	movable = gup_model_add_vma("movable", 2, rw, GUP_MODEL_ANON,
				    GUP_MODEL_POPULATE | GUP_MODEL_MOVABLE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	reg_umem("4 pages", 0, buf, 4 * PAGE_SIZE);
	reg_umem("movable, migrated", 0, movable, 2 * PAGE_SIZE);
	reg_umem("no pages (GUP returns 0)", 0, buf, 0);
	reg_umem("past the end: 2 pinned and undone", 0, buf + 2 * PAGE_SIZE,
		 4 * PAGE_SIZE);
	gup_model_inject_error(buf, EHWPOISON, 1);
	reg_umem("poisoned first page", 0, buf, PAGE_SIZE);
	reg_umem("read-only", 0, ro, PAGE_SIZE);
	reg_umem("hole", 0, buf - PAGE_SIZE, PAGE_SIZE);
	reg_umem("unaligned", 0, buf + 8, PAGE_SIZE);
	reg_umem("iova", 1, buf, PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	reg_umem("fatal signal", 0, buf, PAGE_SIZE);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: vduse-umem.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 4 pages = 0
// MODEL-NEXT:   4 pages, first buf+0
// MODEL-NEXT: movable, migrated = 0
// MODEL-NEXT:   2 pages, first movable+0
// MODEL-NEXT: no pages (GUP returns 0) = 0
// MODEL-NEXT:   0 pages, first -
// MODEL-NEXT: past the end: 2 pinned and undone = -12
// MODEL-NEXT: poisoned first page = -14
// MODEL-NEXT: read-only = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: unaligned = -22
// MODEL-NEXT: iova = -22
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: == gup-model summary ==
