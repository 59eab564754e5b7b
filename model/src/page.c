/*
 * Pages and folios: reference counts, pins, dirtiness, faults.
 *
 * Accounting follows v6.5 mm/gup.c: FOLL_GET adds 1 to the folio refcount;
 * FOLL_PIN adds GUP_PIN_COUNTING_BIAS to a small folio's refcount, or 1 to
 * the refcount and 1 to _pincount of a large folio; the shared zero page is
 * never pinned. Besides the kernel's counters the model keeps how many
 * references came from GET and from PIN, to name the wrong release function.
 */
#include <linux/highmem.h>
#include <linux/hugetlb.h>
#include <linux/mm.h>

#include "internal.h"

#define GM_ZERO_PFN 0x10UL
#define GM_COW_PFN_BASE 0x8000000UL

struct gm_page *gm_page(const struct page *page)
{
	if (!page || IS_ERR(page))
		return NULL;
	return page->model;
}

struct gm_page *gm_head(struct gm_page *p)
{
	return p->head->page.model;
}

static struct gm_page *gm_alloc_page(const char *name, unsigned long pfn)
{
	struct gm_page *p = gm_alloc(sizeof(*p));

	p->folio = gm_alloc(sizeof(*p->folio));
	p->folio->page.model = p;
	p->folio->page.virtual = gm_alloc(PAGE_SIZE);
	p->folio->page.model_pfn = pfn;
	p->head = p->folio;
	p->nr = 1;
	__builtin_snprintf(p->name, sizeof(p->name), "%s", name);
	if (gm.pages_tail)
		gm.pages_tail->next = p;
	else
		gm.pages = p;
	gm.pages_tail = p;
	return p;
}

static void gm_set_baseline(struct gm_page *head, int ref)
{
	head->folio->page._refcount = ref;
	head->baseline = ref;
}

struct gm_page *gm_zero_page(void)
{
	if (!gm.zero) {
		gm.zero = gm_alloc_page("zero", GM_ZERO_PFN);
		gm.zero->zero = true;
		gm_set_baseline(gm.zero, 1);
	}
	return gm.zero;
}

static unsigned long gm_pfn_of(const struct gm_vma *v, unsigned long idx)
{
	return 0x100000UL * (unsigned long)v->id + idx;
}

/* The page (or whole large folio) a VMA owns at idx: anon memory or the page
 * cache of its file. */
static struct gm_page *gm_own_page(struct gm_vma *v, unsigned long idx)
{
	bool large = v->backing == GUP_MODEL_HUGETLBFS || (v->opts & GUP_MODEL_THP);
	bool movable = !!(v->opts & GUP_MODEL_MOVABLE);
	char name[GM_NAME_MAX + 24];
	unsigned long first, i;
	struct gm_page *head = NULL;

	if (v->own[idx])
		return v->own[idx];
	if (!large) {
		__builtin_snprintf(name, sizeof(name), "%s+%lu", v->name, idx);
		v->own[idx] = gm_alloc_page(name, gm_pfn_of(v, idx));
		v->own[idx]->movable = movable;
		gm_set_baseline(v->own[idx], 1);
		return v->own[idx];
	}
	first = idx / GUP_MODEL_LARGE_NR * GUP_MODEL_LARGE_NR;
	for (i = first; i < first + GUP_MODEL_LARGE_NR; i++) {
		struct gm_page *p;

		__builtin_snprintf(name, sizeof(name), "%s+%lu", v->name, i);
		p = gm_alloc_page(name, gm_pfn_of(v, i));
		if (!head) {
			head = p;
			head->nr = GUP_MODEL_LARGE_NR;
			head->movable = movable;
			gm_set_baseline(head, 1);
		} else {
			p->head = head->folio;
			p->nr = GUP_MODEL_LARGE_NR;
		}
		v->own[i] = p;
	}
	return v->own[idx];
}

static bool gm_large_backing(const struct gm_vma *v)
{
	return v->backing == GUP_MODEL_HUGETLBFS || (v->opts & GUP_MODEL_THP);
}

/* Page table entry of a VMA after userspace wrote the page. */
void gm_populate(struct gm_vma *v, unsigned long idx)
{
	v->slot[idx] = &gm_own_page(v, idx)->folio->page;
}

/* Is the mapped page writable in place (no COW needed)? */
static bool gm_writable_in_place(struct gm_vma *v, unsigned long idx)
{
	struct gm_page *p = gm_page(v->slot[idx]);

	if (!p || p->zero)
		return false;
	if ((v->vm_flags & VM_SHARED) || gm_vma_anon(v) ||
	    v->backing == GUP_MODEL_HUGETLBFS)
		return true;
	/* private file mapping: only its COW copy is writable */
	return v->cow[idx] == p;
}

/* What follow_page would find without faulting, or NULL. */
struct gm_page *gm_follow(struct gm_vma *v, unsigned long idx, unsigned int flags)
{
	struct gm_page *p = gm_page(v->slot[idx]);

	if (!p)
		return NULL;
	if ((flags & FOLL_WRITE) && !gm_writable_in_place(v, idx))
		return NULL;
	return p;
}

/* Resolve a fault at idx (handle_mm_fault without errors). */
struct gm_page *gm_do_fault(struct gm_vma *v, unsigned long idx, bool write)
{
	struct gm_page *p;
	char name[GM_NAME_MAX + 24];

	if (gm_vma_anon(v)) {
		if (!write) {
			if (!v->slot[idx])
				v->slot[idx] = &gm_zero_page()->folio->page;
			return gm_page(v->slot[idx]);
		}
		if (gm_writable_in_place(v, idx))
			return gm_page(v->slot[idx]);
		p = gm_own_page(v, idx);
		if (gm_large_backing(v)) {
			unsigned long first = idx / GUP_MODEL_LARGE_NR * GUP_MODEL_LARGE_NR, i;

			for (i = first; i < first + GUP_MODEL_LARGE_NR; i++)
				if (!v->slot[i] || gm_page(v->slot[i])->zero)
					v->slot[i] = &v->own[i]->folio->page;
		}
		v->slot[idx] = &p->folio->page;
		return p;
	}
	/* file-backed (incl. shmem, hugetlbfs, shared anon): the page cache */
	p = gm_own_page(v, idx);
	if (!v->slot[idx])
		v->slot[idx] = &p->folio->page;
	if (write && !gm_writable_in_place(v, idx)) {
		/* write to a private file mapping: copy-on-write */
		__builtin_snprintf(name, sizeof(name), "%s+%lu/cow", v->name, idx);
		p = gm_alloc_page(name, GM_COW_PFN_BASE + gm.next_pfn++);
		gm_set_baseline(p, 1);
		__builtin_memcpy(p->folio->page.virtual,
				 gm_page(v->slot[idx])->folio->page.virtual, PAGE_SIZE);
		v->cow[idx] = p;
		v->slot[idx] = &p->folio->page;
	}
	return gm_page(v->slot[idx]);
}

void gm_touch(struct gm_page *p)
{
	p->touched = true;
}

void gm_grab(struct gm_page *p, unsigned int flags, struct mm_struct *mm)
{
	struct gm_page *h = gm_head(p);

	gm_touch(p);
	if (flags & FOLL_GET) {
		h->folio->page._refcount++;
		h->gets++;
	} else if (flags & FOLL_PIN) {
		if (p->zero)
			return;
		if (h->nr > 1) {
			h->folio->page._refcount++;
			h->folio->_pincount++;
		} else {
			h->folio->page._refcount += GUP_PIN_COUNTING_BIAS;
		}
		h->pins++;
		gm.pin_acquired++;
		mm->flags |= 1UL << MMF_HAS_PINNED;
	}
}

/* The model page behind `page`, or NULL after reporting a model error. */
static struct gm_page *gm_checked(const struct page *page, const char *fn)
{
	struct gm_page *p;

	gm_require_begun(fn);
	if (!page)
		gm_fatal("%s(NULL): NULL page dereference", fn);
	if (IS_ERR(page))
		gm_fatal("%s(ERR_PTR(%ld)): error pointer dereference", fn, PTR_ERR(page));
	p = gm_page(page);
	if (!p)
		gm_error("%s(): page not created by the model", fn);
	return p;
}

void get_page(struct page *page)
{
	struct gm_page *p = gm_checked(page, "get_page"), *h;

	if (!p)
		return;
	h = gm_head(p);
	gm_touch(p);
	h->folio->page._refcount++;
	h->gets++;
}

void put_page(struct page *page)
{
	struct gm_page *p = gm_checked(page, "put_page"), *h;

	if (!p)
		return;
	h = gm_head(p);
	gm_touch(p);
	if (h->gets <= 0) {
		if (h->pins > 0 && !p->zero)
			gm_error("put_page(%s): page holds FOLL_PIN pins but no FOLL_GET reference (release pins with unpin_user_page())",
				 p->name);
		else
			gm_error("put_page(%s): no reference to drop (refcount underflow)",
				 p->name);
		return;
	}
	h->gets--;
	h->folio->page._refcount--;
}

void folio_get(struct folio *folio)
{
	get_page(&folio->page);
}

void folio_put(struct folio *folio)
{
	put_page(&folio->page);
}

void unpin_user_page(struct page *page)
{
	struct gm_page *p = gm_checked(page, "unpin_user_page"), *h;

	if (!p)
		return;
	gm_touch(p);
	if (p->zero)
		return;		/* the zero page is never pinned */
	h = gm_head(p);
	if (h->pins <= 0) {
		if (h->gets > 0)
			gm_error("unpin_user_page(%s): page holds FOLL_GET references but no FOLL_PIN pin (release with put_page())",
				 p->name);
		else
			gm_error("unpin_user_page(%s): no pin to release (pin count underflow)",
				 p->name);
		return;
	}
	h->pins--;
	if (h->nr > 1) {
		h->folio->_pincount--;
		h->folio->page._refcount--;
	} else {
		h->folio->page._refcount -= GUP_PIN_COUNTING_BIAS;
	}
	gm.pin_released++;
}

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	unsigned long i;

	if (IS_ERR_VALUE(npages)) {
		gm_warn("unpin_user_pages: negative page count %ld", (long)npages);
		return;
	}
	for (i = 0; i < npages; i++)
		unpin_user_page(pages[i]);
}

void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty)
{
	unsigned long i;

	if (IS_ERR_VALUE(npages)) {
		gm_warn("unpin_user_pages_dirty_lock: negative page count %ld", (long)npages);
		return;
	}
	for (i = 0; i < npages; i++) {
		if (make_dirty && pages[i] && !IS_ERR(pages[i]))
			set_page_dirty_lock(pages[i]);
		unpin_user_page(pages[i]);
	}
}

void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages,
				      bool make_dirty)
{
	unsigned long i, pfn = page_to_pfn(page);

	for (i = 0; i < npages; i++) {
		struct page *pg = pfn_to_page(pfn + i);

		if (!pg) {
			gm_error("unpin_user_page_range_dirty_lock: page %lu of the range does not exist", i);
			return;
		}
		if (make_dirty)
			set_page_dirty_lock(pg);
		unpin_user_page(pg);
	}
}

struct folio *page_folio(struct page *page)
{
	struct gm_page *p = gm_page(page);

	return p ? p->head : (struct folio *)page;
}

bool folio_test_large(struct folio *folio)
{
	struct gm_page *p = gm_checked(&folio->page, "folio_test_large");

	return p && gm_head(p)->nr > 1;
}

bool folio_maybe_dma_pinned(struct folio *folio)
{
	struct gm_page *p = gm_checked(&folio->page, "folio_maybe_dma_pinned");

	if (p && gm_head(p)->nr > 1)
		return folio->_pincount > 0;
	return folio->page._refcount >= (int)GUP_PIN_COUNTING_BIAS;
}

bool folio_is_longterm_pinnable(struct folio *folio)
{
	struct gm_page *p = gm_checked(&folio->page, "folio_is_longterm_pinnable");

	if (!p)
		return true;
	if (p->zero)
		return true;
	return !gm_head(p)->movable;
}

/* FOLL_LONGTERM: move pages out of ZONE_MOVABLE before the pin stays.
 * The model keeps the page identity and only records the migration. */
void gm_longterm_migrate(struct page **pages, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		struct gm_page *p = gm_page(pages[i]), *h;

		if (!p)
			continue;
		h = gm_head(p);
		if (h->movable) {
			h->movable = false;
			h->migrated = true;
		}
	}
}

bool set_page_dirty(struct page *page)
{
	struct gm_page *p = gm_checked(page, "set_page_dirty"), *h;
	bool was;

	if (!p)
		return false;
	gm_touch(p);
	if (p->zero)
		return false;
	h = gm_head(p);
	was = h->dirty;
	h->dirty = true;
	return !was;
}

int set_page_dirty_lock(struct page *page)
{
	return set_page_dirty(page);
}

int page_count(const struct page *page)
{
	struct gm_page *p = gm_checked(page, "page_count");

	return p ? gm_head(p)->folio->page._refcount : page->_refcount;
}

void *page_address(const struct page *page)
{
	gm_checked(page, "page_address");
	return page->virtual;
}

unsigned long page_to_pfn(const struct page *page)
{
	gm_checked(page, "page_to_pfn");
	return page->model_pfn;
}

struct page *pfn_to_page(unsigned long pfn)
{
	struct gm_page *p;

	for (p = gm.pages; p; p = p->next)
		if (p->folio->page.model_pfn == pfn)
			return &p->folio->page;
	return NULL;
}

bool is_zero_page(const struct page *page)
{
	struct gm_page *p = gm_page(page);

	return p && p->zero;
}

void dump_page(struct page *page, const char *reason)
{
	struct gm_page *p = gm_checked(page, "dump_page"), *h;

	if (!p)
		return;
	h = gm_head(p);
	gm_touch(p);
	gm_trace("dump_page: %s ref=%d pins=%d%s%s: %s", p->name,
		 h->folio->page._refcount, h->pins,
		 h->nr > 1 ? " large" : "", h->dirty ? " dirty" : "",
		 reason ? reason : "");
}

void lru_add_drain(void)
{
}

void *kmap(struct page *page)
{
	return page_address(page);
}

void kunmap(struct page *page)
{
	(void)page;
}

void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

void kunmap_local(const void *addr)
{
	(void)addr;
}

void *kmap_atomic(struct page *page)
{
	return page_address(page);
}

void kunmap_atomic(void *addr)
{
	(void)addr;
}

void copy_to_user_page(struct vm_area_struct *vma, struct page *page,
		       unsigned long vaddr, void *dst, const void *src,
		       unsigned long len)
{
	(void)vma;
	(void)page;
	(void)vaddr;
	__builtin_memcpy(dst, src, len);
}

void copy_from_user_page(struct vm_area_struct *vma, struct page *page,
			 unsigned long vaddr, void *dst, const void *src,
			 unsigned long len)
{
	(void)vma;
	(void)page;
	(void)vaddr;
	__builtin_memcpy(dst, src, len);
}

/* ---- scenario queries and the summary ---- */

const char *gup_model_page_name(const struct page *page)
{
	static char bufs[4][GM_NAME_MAX + 16];
	static int next;
	struct gm_page *p;
	char *buf;

	if (!page)
		return "NULL";
	buf = bufs[next++ % 4];
	if (IS_ERR(page)) {
		__builtin_snprintf(buf, sizeof(bufs[0]), "ERR(%ld)", PTR_ERR(page));
		return buf;
	}
	p = gm_page(page);
	return p ? p->name : "?";
}

int gup_model_page_refs(const struct page *page)
{
	struct gm_page *p = gm_page(page);

	return p ? gm_head(p)->folio->page._refcount : -1;
}

int gup_model_page_pins(const struct page *page)
{
	struct gm_page *p = gm_page(page);

	return p ? gm_head(p)->pins : -1;
}

bool gup_model_page_dirty(const struct page *page)
{
	struct gm_page *p = gm_page(page);

	return p && gm_head(p)->dirty;
}

static bool gm_unbalanced(struct gm_page *h)
{
	return h->folio->page._refcount != h->baseline || h->pins || h->gets;
}

/* Sorted by pfn: stable whatever order the pages were faulted in. */
static int gm_sorted_pages(struct gm_page ***out)
{
	struct gm_page *p, **arr;
	int n = 0, i, j;

	for (p = gm.pages; p; p = p->next)
		n++;
	arr = gm_alloc((unsigned long)(n ? n : 1) * sizeof(*arr));
	for (p = gm.pages, i = 0; p; p = p->next, i++)
		arr[i] = p;
	for (i = 1; i < n; i++) {
		struct gm_page *k = arr[i];

		for (j = i; j > 0 && arr[j - 1]->folio->page.model_pfn > k->folio->page.model_pfn; j--)
			arr[j] = arr[j - 1];
		arr[j] = k;
	}
	*out = arr;
	return n;
}

static void gm_print_page(struct gm_page *p)
{
	struct gm_page *h = gm_head(p);
	char folio[GM_NAME_MAX + 16] = "";

	if (h->nr > 1)
		__builtin_snprintf(folio, sizeof(folio), " (folio %s/%u)", h->name, h->nr);
	gm_trace("page %s%s ref=%d pins=%d%s%s%s", p->name, folio,
		 h->folio->page._refcount, h->pins,
		 h->nr > 1 ? (h->folio->_pincount ? " pincount>0" : "") : "",
		 h->dirty ? " dirty" : "", h->migrated ? " migrated" : "");
}

void gm_print_pages(const char *label, bool only_touched)
{
	struct gm_page **arr;
	int n = gm_sorted_pages(&arr), i, shown = 0;

	if (label)
		gm_trace("%s:", label);
	for (i = 0; i < n; i++) {
		if (only_touched && !arr[i]->touched &&
		    !(gm_head(arr[i]) == arr[i] && gm_unbalanced(arr[i])))
			continue;
		gm_print_page(arr[i]);
		shown++;
	}
	if (!shown)
		gm_trace("(no pages touched)");
	gm_free(arr);
}

void gup_model_print_pages(const char *label)
{
	gm_require_begun("gup_model_print_pages");
	gm_print_pages(label ? label : "pages", true);
}

/* One line per folio whose references are not back to the baseline. */
int gm_check_leaks(void)
{
	struct gm_page **arr;
	int n = gm_sorted_pages(&arr), i, leaks = 0;

	for (i = 0; i < n; i++) {
		struct gm_page *h = arr[i];

		if (gm_head(h) != h || !gm_unbalanced(h))
			continue;
		gm_trace("LEAK: %s%s ref=%d (baseline %d): %d FOLL_GET reference(s), %d FOLL_PIN pin(s) not released",
			 h->nr > 1 ? "folio " : "", h->name,
			 h->folio->page._refcount, h->baseline, h->gets, h->pins);
		leaks++;
	}
	gm_free(arr);
	return leaks;
}
