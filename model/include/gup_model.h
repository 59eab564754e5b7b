/*
 * Scenario API of the userspace GUP reference model (libgupmodel).
 *
 * Not a kernel header: only test drivers include it. A scenario builds an
 * address space, points `current->mm` at it, calls kernel-like code, and
 * ends with `return gup_model_finish();`, which prints the summary and
 * returns non-zero if the model saw an error, a leaked reference or a held
 * mmap_lock. Everything printed on stdout is the trace: deterministic and free
 * of host addresses. See docs/model.md.
 */
#ifndef _GUP_MODEL_SCENARIO_H
#define _GUP_MODEL_SCENARIO_H

#include <linux/gup_model_api.h>
#include <linux/mm.h>

/* What a VMA maps. */
enum gup_model_backing {
	GUP_MODEL_ANON,		/* anonymous memory (private; VM_SHARED means shared anon) */
	GUP_MODEL_SHMEM,	/* shmem/memfd: file-backed, never dirty-tracked */
	GUP_MODEL_FILE,		/* file on a filesystem with writeback: a shared
				   writable mapping needs dirty tracking */
	GUP_MODEL_FILE_NOWB,	/* file on a filesystem without writeback (ramfs-like) */
	GUP_MODEL_HUGETLBFS,	/* hugetlbfs file: VM_HUGETLB, large folios */
	GUP_MODEL_FSDAX,	/* file on an fsdax filesystem */
	GUP_MODEL_IOMEM,	/* device memory: VM_IO | VM_PFNMAP, no struct page */
};

/* Options of gup_model_add_vma(). */
#define GUP_MODEL_POPULATE	(1u << 0)	/* pages present (userspace wrote them) */
#define GUP_MODEL_THP		(1u << 1)	/* anonymous memory in large folios */
#define GUP_MODEL_MOVABLE	(1u << 2)	/* pages in ZONE_MOVABLE: FOLL_LONGTERM migrates */

/* Pages per large folio (THP and hugetlb) in the model. */
#define GUP_MODEL_LARGE_NR	4

/*
 * Start a scenario: a fresh mm named "mm" becomes current->mm. The macro
 * passes the API the scenario was compiled for, so linking against the
 * library of the other side is caught at run time.
 */
#define gup_model_begin() gup_model_begin_api(GUP_MODEL_API)
void gup_model_begin_api(int api);
/* Print the summary; 0 when clean, 1 on model errors, leaks or a held lock. */
int gup_model_finish(void);

/*
 * Map `npages` pages named `name` (pages print as "name+INDEX") in the
 * current scenario mm. `vm_flags` holds the VM_READ/VM_WRITE/VM_EXEC/
 * VM_SHARED protection bits and VM_MTE (VM_MAY* are derived; the backing adds
 * VM_IO|VM_PFNMAP or VM_HUGETLB). Returns the start address. VMAs are 16 MiB apart, so the page
 * after a VMA is unmapped; gup_model_add_vma_at() places one explicitly.
 */
unsigned long gup_model_add_vma(const char *name, unsigned long npages,
				unsigned long vm_flags,
				enum gup_model_backing backing, unsigned int opts);
unsigned long gup_model_add_vma_at(const char *name, unsigned long start,
				   unsigned long npages, unsigned long vm_flags,
				   enum gup_model_backing backing,
				   unsigned int opts);

/* A second address space (another process) and the task owning it. */
struct mm_struct *gup_model_new_mm(const char *name);
struct task_struct *gup_model_task_of(struct mm_struct *mm);
/* Where gup_model_add_vma() and the fault injectors act (default: "mm"). */
void gup_model_use_mm(struct mm_struct *mm);
struct mm_struct *gup_model_mm(void);

/*
 * Fault injection, per page of the mm in use. A page with an injection always
 * takes the fault path. `times` is how many faults are affected (-1: all).
 *  - error: the fault fails with -err (EHWPOISON reads as -EFAULT unless the
 *    caller passed FOLL_HWPOISON).
 *  - retry: the fault returns VM_FAULT_RETRY. With FOLL_UNLOCKABLE GUP drops
 *    mmap_lock, re-takes it and retries the page with FOLL_TRIED; with
 *    FOLL_NOWAIT GUP stops there (the page counts as not done); otherwise the
 *    fault simply waits and succeeds.
 */
void gup_model_inject_error(unsigned long addr, int err, int times);
void gup_model_inject_retry(unsigned long addr, int times);
/* Make fatal_signal_pending(current) true or false. */
void gup_model_set_fatal_signal(bool pending);

/* Trace output (one call may print several lines). */
void gup_model_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "name+3", "zero", "NULL", "ERR(-14)" or "?": stable across runs. */
const char *gup_model_page_name(const struct page *page);
/* The VMA's name; reads the VMA, so a stale pointer is an ASan error. */
const char *gup_model_vma_name(const struct vm_area_struct *vma);
/* "lock: unlocked", "lock: read(1)", "lock: write" for the mm in use. */
void gup_model_print_lock(const char *label);
bool gup_model_lock_held(void);
/* Release current->mm's mmap_lock if it is held (after a `locked` call). */
void gup_model_unlock_if_held(void);
/* Print ref/pin state of every page touched so far. */
void gup_model_print_pages(const char *label);
/* Reference state of one page: refcount of its folio and outstanding pins. */
int gup_model_page_refs(const struct page *page);
int gup_model_page_pins(const struct page *page);
bool gup_model_page_dirty(const struct page *page);
/* How often GUP dropped mmap_lock for a fault retry; VMA handles retired. */
int gup_model_lock_drops(void);
int gup_model_vmas_retired(void);
/* Number of model errors so far. */
int gup_model_error_count(void);
/* Also trace every GUP entry point call ("gup: ..." lines). */
void gup_model_set_verbose(bool on);

/* Copy to/from the mm in use as its process would (faulting pages in). */
int gup_model_write_user(unsigned long addr, const void *buf, unsigned long len);
int gup_model_read_user(unsigned long addr, void *buf, unsigned long len);

#endif
