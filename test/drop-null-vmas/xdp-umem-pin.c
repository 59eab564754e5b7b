// AF_XDP umem: mirrors xdp_umem_pin_pages() (net/xdp/xdp_umem.c).
// pin_user_pages() split over two lines, the second ending
// `gup_flags | FOLL_LONGTERM, &umem->pgs[0], NULL);` (pages is an
// address-of-element expression), between mmap_read_lock/unlock of current->mm.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct sock_umem {
	struct page **pgs;
	u32 npgs;
};

int sock_umem_pin_pages(struct sock_umem *umem, unsigned long address)
{
	unsigned int gup_flags = FOLL_WRITE;
	long npgs;
	int err;

	umem->pgs = kvcalloc(umem->npgs, sizeof(*umem->pgs), GFP_KERNEL | __GFP_NOWARN);
	if (!umem->pgs)
		return -ENOMEM;

	mmap_read_lock(current->mm);
	npgs = pin_user_pages(address, umem->npgs,
			      gup_flags | FOLL_LONGTERM, &umem->pgs[0], NULL);
	// CHECK-FIXES: {{^}}	npgs = pin_user_pages(address, umem->npgs,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			      gup_flags | FOLL_LONGTERM, &umem->pgs[0]);{{$}}
	mmap_read_unlock(current->mm);

	if (npgs != umem->npgs) {
		if (npgs >= 0) {
			umem->npgs = npgs;
			err = -ENOMEM;
			goto out_pin;
		}
		err = npgs;
		goto out_pgs;
	}
	return 0;

out_pin:
	unpin_user_pages_dirty_lock(umem->pgs, umem->npgs, true);
out_pgs:
	kvfree(umem->pgs);
	umem->pgs = NULL;
	return err;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void umem_pin(const char *what, unsigned long address, u32 npgs)
{
	struct sock_umem umem = { .npgs = npgs };
	int err = sock_umem_pin_pages(&umem, address);

	gup_model_printf("%s = %d, npgs %u", what, err, umem.npgs);
	if (err)
		return;
	if (umem.npgs)
		gup_model_printf("  %s .. %s", gup_model_page_name(umem.pgs[0]),
				 gup_model_page_name(umem.pgs[umem.npgs - 1]));
	unpin_user_pages_dirty_lock(umem.pgs, umem.npgs, true);
	kvfree(umem.pgs);
}

int main(void)
{
	unsigned long buf, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	umem_pin("4 pages", buf, 4);
	umem_pin("no pages (GUP returns 0)", buf, 0);
	umem_pin("past the end: 2 pinned and undone", buf + 2 * PAGE_SIZE, 4);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 1);
	umem_pin("ENOMEM at page 1: 1 pinned and undone", buf, 3);
	gup_model_inject_error(buf, EHWPOISON, 1);
	umem_pin("poisoned first page", buf, 2);
	umem_pin("read-only", ro, 1);
	umem_pin("hole", buf - PAGE_SIZE, 1);
	gup_model_set_fatal_signal(true);
	umem_pin("fatal signal", buf, 1);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: xdp-umem-pin.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 4 pages = 0, npgs 4
// MODEL-NEXT:   buf+0 .. buf+3
// MODEL-NEXT: no pages (GUP returns 0) = 0, npgs 0
// MODEL-NEXT: past the end: 2 pinned and undone = -12, npgs 2
// MODEL-NEXT: ENOMEM at page 1: 1 pinned and undone = -12, npgs 1
// MODEL-NEXT: poisoned first page = -14, npgs 2
// MODEL-NEXT: read-only = -14, npgs 1
// MODEL-NEXT: hole = -14, npgs 1
// MODEL-NEXT: fatal signal = -4, npgs 1
// MODEL-NEXT: == gup-model summary ==
