/* Private state of the GUP reference model. */
#ifndef GUP_MODEL_INTERNAL_H
#define GUP_MODEL_INTERNAL_H

#include <gup_model.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>

#include "glue.h"

#define GM_NAME_MAX 48

/* Per struct page. Every page is allocated as a struct folio so that a small
 * page is its own folio; tail pages of a large folio point at their head. */
struct gm_page {
	struct folio *folio;		/* storage of this page */
	struct folio *head;		/* folio it belongs to (== folio if small) */
	unsigned int nr;		/* pages in the folio */
	char name[GM_NAME_MAX];
	/* folio-level state, meaningful on the head only */
	int baseline;			/* refcount owned by the mapping/page cache */
	int gets;			/* FOLL_GET and get_page() references */
	int pins;			/* FOLL_PIN pins */
	bool dirty, movable, migrated;
	/* page-level state */
	bool zero, touched;
	struct gm_page *next;		/* all pages, creation order */
};

struct gm_vma;

/* What handing out a VMA pointer gives the caller: a snapshot freed when
 * mmap_lock is fully released, so later reads are heap-use-after-free. */
struct gm_handle {
	struct vm_area_struct vma;
	struct gm_vma *mv;
	unsigned long magic;
};
#define GM_HANDLE_MAGIC 0x6775702d766d61UL

struct gm_mm;

struct gm_vma {
	struct gm_mm *mm;
	int id;
	char name[GM_NAME_MAX];
	unsigned long start, end, vm_flags;
	enum gup_model_backing backing;
	unsigned int opts;
	struct file *file;
	const struct vm_operations_struct *vm_ops;
	unsigned long npages;
	struct page **slot;		/* what each pte maps (NULL: none) */
	struct gm_page **own;		/* the page created for each index */
	struct gm_page **cow;		/* last COW copy per index */
	int *inj_err, *inj_err_times, *inj_retry_times;
	struct gm_handle *handle;	/* handed out in the current lock epoch */
	char *iomem;			/* device bytes behind a GUP_MODEL_IOMEM VMA */
	struct gm_vma *next;
};

struct gm_mm {
	struct mm_struct *mm;		/* the public object (never freed) */
	struct task_struct *task;
	char name[GM_NAME_MAX];
	struct gm_vma *vmas;		/* sorted by start */
	int nr_vmas;
	int users, baseline_users;
	struct gm_mm *next;
};

struct gm_state {
	bool begun, finished;
	int api;			/* scenario API (as compiled) */
	struct gm_mm *mms, *cur;
	struct task_struct *task;		/* current */
	struct gm_page *pages, *pages_tail;
	struct gm_page *zero;
	unsigned long next_pfn;
	int vma_ids;
	bool fatal_signal;
	bool verbose, debug;
	int errors, warns, lock_drops, retired;
	long pin_acquired, pin_released;
};

extern struct gm_state gm;
extern const int gm_lib_api;		/* 604 or 605 (api.c) */

/* trace.c */
void gm_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gm_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gm_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gm_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gm_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
const char *gm_flags_str(unsigned int flags, char *buf, unsigned long size);
void gm_require_begun(const char *fn);

/* mm.c */
struct gm_mm *gm_mm_of(struct mm_struct *mm, const char *fn);
struct gm_vma *gm_find_vma(struct gm_mm *m, unsigned long addr);
struct vm_area_struct *gm_handle_for(struct gm_vma *v);
struct gm_vma *gm_vma_of(const struct vm_area_struct *vma);
bool gm_lock_held(struct mm_struct *mm);
void gm_lock_read(struct mm_struct *mm, const char *who);
void gm_unlock_read(struct mm_struct *mm, const char *who);
bool gm_vma_anon(const struct gm_vma *v);
bool gm_vma_needs_dirty_tracking(const struct gm_vma *v);
struct gm_mm *gm_new_mm(const char *name);
int gm_check_mms(void);

/* page.c */
struct gm_page *gm_page(const struct page *page);	/* NULL if not a model page */
struct gm_page *gm_head(struct gm_page *p);
struct gm_page *gm_new_page(const char *name, bool movable);
void gm_new_large(struct gm_page **out, unsigned int nr, const char *fmt_base,
		  unsigned long first_idx, bool movable);
void gm_touch(struct gm_page *p);
/* FOLL_GET/FOLL_PIN grab of one page; false if the page cannot be grabbed. */
void gm_grab(struct gm_page *p, unsigned int flags, struct mm_struct *mm);
void gm_print_pages(const char *label, bool only_touched);
int gm_check_leaks(void);
struct gm_page *gm_zero_page(void);
void gm_populate(struct gm_vma *v, unsigned long idx);
struct gm_page *gm_follow(struct gm_vma *v, unsigned long idx, unsigned int flags);
struct gm_page *gm_do_fault(struct gm_vma *v, unsigned long idx, bool write);
void gm_longterm_migrate(struct page **pages, long n);

/* gup.c */
bool gm_valid_args(const char *fn, struct page **pages, bool vmas, int *locked,
		   unsigned int *flags, unsigned int to_set);
long gm_gup_locked(const char *fn, struct mm_struct *mm, unsigned long start,
		   unsigned long nr, struct page **pages,
		   struct vm_area_struct **vmas, int *locked, unsigned int flags);
void gm_log_call(const char *fn, unsigned long start, unsigned long nr,
		 unsigned int flags, const void *pages, const void *vmas,
		 const int *locked_in, const int *locked_out, long ret);
long gm_gup_entry(const char *fn, struct mm_struct *mm, unsigned long start,
		  unsigned long nr, unsigned int gup_flags, struct page **pages,
		  struct vm_area_struct **vmas, int *locked, unsigned int to_set,
		  long invalid_ret);
const char *gm_addr_str(unsigned long addr, char *buf, unsigned long size);

#endif
