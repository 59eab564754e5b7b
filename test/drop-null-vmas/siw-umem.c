// siw: mirrors siw_umem_get() (drivers/infiniband/sw/siw/siw_mem.c).
// pin_user_pages() nested two loops deep (per chunk, then `while (nents)`),
// indented three tabs, `foll_flags | FOLL_LONGTERM` on its own line and
// `plist, NULL);` last; the page-list cursor is advanced by the result.
// RUN: %check-rewrite %s %t

#include <linux/err.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define UMEM_PAGES_PER_CHUNK	256

struct umem_chunk {
	struct page **plist;
};

struct soft_umem {
	struct umem_chunk *page_chunk;
	unsigned long num_pages;
	unsigned long fp_addr;
};

int soft_umem_pin(struct soft_umem *umem, struct mm_struct *mm_s,
		  unsigned long first_page_va, unsigned long num_pages,
		  bool writable)
{
	unsigned long num_chunks =
		DIV_ROUND_UP(num_pages, UMEM_PAGES_PER_CHUNK);
	unsigned int foll_flags = FOLL_WRITE;
	int i, rv = 0;

	if (!writable)
		foll_flags |= FOLL_FORCE;

	mmap_read_lock(mm_s);
	umem->fp_addr = first_page_va;
	umem->page_chunk =
		kcalloc(num_chunks, sizeof(struct umem_chunk), GFP_KERNEL);
	if (!umem->page_chunk) {
		rv = -ENOMEM;
		goto out_sem_up;
	}
	for (i = 0; num_pages; i++) {
		int nents = min_t(int, num_pages, UMEM_PAGES_PER_CHUNK);
		struct page **plist =
			kcalloc(nents, sizeof(struct page *), GFP_KERNEL);

		if (!plist) {
			rv = -ENOMEM;
			goto out_sem_up;
		}
		umem->page_chunk[i].plist = plist;
		while (nents) {
			rv = pin_user_pages(first_page_va, nents,
					    foll_flags | FOLL_LONGTERM,
					    plist, NULL);
			// CHECK-FIXES: {{^}}			rv = pin_user_pages(first_page_va, nents,{{$}}
			// CHECK-FIXES-NEXT: {{^}}					    foll_flags | FOLL_LONGTERM,{{$}}
			// CHECK-FIXES-NEXT: {{^}}					    plist);{{$}}
			if (rv < 0)
				goto out_sem_up;

			umem->num_pages += rv;
			first_page_va += rv * PAGE_SIZE;
			plist += rv;
			nents -= rv;
			num_pages -= rv;
		}
	}
out_sem_up:
	mmap_read_unlock(mm_s);
	return rv < 0 ? rv : 0;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

/* siw_umem_release(): unpin what was pinned, chunk by chunk. */
static void umem_release(struct soft_umem *umem, unsigned long num_chunks)
{
	unsigned long left = umem->num_pages, i;

	for (i = 0; umem->page_chunk && i < num_chunks; i++) {
		unsigned long n = min_t(unsigned long, left, UMEM_PAGES_PER_CHUNK);

		unpin_user_pages_dirty_lock(umem->page_chunk[i].plist, n, true);
		kfree(umem->page_chunk[i].plist);
		left -= n;
	}
	kfree(umem->page_chunk);
}

static void umem_pin(const char *what, unsigned long va, unsigned long n,
		     bool writable)
{
	struct soft_umem umem = { 0 };
	int rv = soft_umem_pin(&umem, current->mm, va, n, writable);

	gup_model_printf("%s = %d, %lu pinned", what, rv, umem.num_pages);
	if (umem.num_pages)
		gup_model_printf("  first %s, last %s",
				 gup_model_page_name(umem.page_chunk[0].plist[0]),
				 gup_model_page_name(umem.page_chunk[(umem.num_pages - 1) / UMEM_PAGES_PER_CHUNK]
						     .plist[(umem.num_pages - 1) % UMEM_PAGES_PER_CHUNK]));
	umem_release(&umem, DIV_ROUND_UP(n, UMEM_PAGES_PER_CHUNK));
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, big, ro;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	big = gup_model_add_vma("big", 260, rw, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	umem_pin("4 pages", buf, 4, true);
	umem_pin("two chunks (256 + 4)", big, 260, true);
	umem_pin("read-only vma, not writable (forced COW)", ro, 1, false);
	umem_pin("read-only vma, writable", ro, 1, true);
	umem_pin("past the end: 2 pinned, then a hole", buf + 2 * PAGE_SIZE, 4, true);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 2);
	umem_pin("ENOMEM at page 1: 1 pinned, then the error", buf, 4, true);
	umem_pin("hole", buf - PAGE_SIZE, 1, true);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: siw-umem.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: 4 pages = 0, 4 pinned
// MODEL-NEXT:   first buf+0, last buf+3
// MODEL-NEXT: two chunks (256 + 4) = 0, 260 pinned
// MODEL-NEXT:   first big+0, last big+259
// MODEL-NEXT: read-only vma, not writable (forced COW) = 0, 1 pinned
// MODEL-NEXT:   first ro+0, last ro+0
// MODEL-NEXT: read-only vma, writable = -14, 0 pinned
// MODEL-NEXT: past the end: 2 pinned, then a hole = -14, 2 pinned
// MODEL-NEXT:   first buf+2, last buf+3
// MODEL-NEXT: ENOMEM at page 1: 1 pinned, then the error = -12, 1 pinned
// MODEL-NEXT:   first buf+0, last buf+0
// MODEL-NEXT: hole = -14, 0 pinned
// MODEL-NEXT: == gup-model summary ==
