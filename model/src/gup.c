/*
 * The GUP core: argument validation, the page walk with its error rules, the
 * `locked`/FOLL_UNLOCKABLE retry protocol, GUP-fast, and the API-neutral entry
 * points. Written from the semantics in docs/model.md; the entry points whose
 * prototypes changed in v6.5 live in api.c.
 */
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sched.h>

#include "internal.h"

#define GM_CALLER_FORBIDDEN \
	(FOLL_PIN | FOLL_TRIED | FOLL_UNLOCKABLE | FOLL_REMOTE | FOLL_FAST_ONLY)

const char *gm_addr_str(unsigned long addr, char *buf, unsigned long size)
{
	struct gm_mm *m;

	for (m = gm.mms; m; m = m->next) {
		struct gm_vma *v = gm_find_vma(m, addr);

		if (!v)
			continue;
		if (addr & ~PAGE_MASK)
			__builtin_snprintf(buf, size, "%s+%lu+0x%lx", v->name,
					   (addr - v->start) >> PAGE_SHIFT, addr & ~PAGE_MASK);
		else
			__builtin_snprintf(buf, size, "%s+%lu", v->name,
					   (addr - v->start) >> PAGE_SHIFT);
		return buf;
	}
	__builtin_snprintf(buf, size, "0x%lx", addr);
	return buf;
}

void gm_log_call(const char *fn, unsigned long start, unsigned long nr,
		 unsigned int flags, const void *pages, const void *vmas,
		 const int *locked_in, const int *locked_out, long ret)
{
	char a[GM_NAME_MAX + 32], f[160], l[48] = "";

	if (!gm.verbose && !gm.debug)
		return;
	if (locked_in)
		__builtin_snprintf(l, sizeof(l), " locked=%d->%d", *locked_in,
				   locked_out ? *locked_out : -1);
	gm_addr_str(start, a, sizeof(a));
	gm_flags_str(flags, f, sizeof(f));
	if (gm.verbose)
		gm_trace("gup: %s(%s, %lu, %s%s%s%s) = %ld", fn, a, nr, f,
			 pages ? ", pages" : "", vmas ? ", vmas" : "", l, ret);
	else
		gm_debug("%s(%s, %lu, %s%s%s%s) = %ld", fn, a, nr, f,
			 pages ? ", pages" : "", vmas ? ", vmas" : "", l, ret);
}

/*
 * is_valid_gup_args(): `to_set` is what the entry point adds. On failure the
 * kernel WARNs once; the model prints the WARN every time.
 */
bool gm_valid_args(const char *fn, struct page **pages, bool vmas, int *locked,
		   unsigned int *flags, unsigned int to_set)
{
	unsigned int f = *flags;
	const char *why = NULL;

	if (f & GM_CALLER_FORBIDDEN) {
		why = "caller passed an internal FOLL_ flag";
	} else {
		if (locked) {
			if (*locked != 1)
				why = "*locked is not 1";
			f |= FOLL_UNLOCKABLE;
		}
		f |= to_set;
		if (!why && (f & (FOLL_GET | FOLL_PIN)) == (FOLL_GET | FOLL_PIN))
			why = "FOLL_GET together with FOLL_PIN";
		if (!why && (f & FOLL_LONGTERM) && !(f & FOLL_PIN))
			why = "FOLL_LONGTERM without FOLL_PIN";
		if (!why && (f & (FOLL_GET | FOLL_PIN)) && !pages)
			why = "FOLL_GET/FOLL_PIN without a pages array";
		if (!why && (f & FOLL_LONGTERM) && (f & FOLL_PCI_P2PDMA))
			why = "FOLL_LONGTERM together with FOLL_PCI_P2PDMA";
		if (!why && vmas && (f & FOLL_UNLOCKABLE))
			why = "vmas requested with a `locked` pointer (FOLL_UNLOCKABLE)";
	}
	if (why) {
		gm_warn("%s: invalid GUP arguments: %s", fn, why);
		return false;
	}
	*flags = f;
	return true;
}

/* check_vma_flags() */
static int gm_check_vma(const struct gm_vma *v, unsigned int flags)
{
	unsigned long vmf = v->vm_flags;

	if (vmf & (VM_IO | VM_PFNMAP))
		return -EFAULT;
	if ((flags & FOLL_ANON) && !gm_vma_anon(v))
		return -EFAULT;
	if ((flags & FOLL_LONGTERM) && v->backing == GUP_MODEL_FSDAX)
		return -EOPNOTSUPP;
	if (flags & FOLL_WRITE) {
		/* v6.5: no long-term writable pin of a dirty-tracked file mapping */
		if (gm_lib_api >= 605 && !gm_vma_anon(v) &&
		    (flags & (FOLL_PIN | FOLL_LONGTERM)) == (FOLL_PIN | FOLL_LONGTERM) &&
		    gm_vma_needs_dirty_tracking(v))
			return -EFAULT;
		if (!(vmf & VM_WRITE)) {
			if (!(flags & FOLL_FORCE))
				return -EFAULT;
			/* a forced write only breaks COW of a private mapping */
			if ((vmf & VM_SHARED) || !(vmf & VM_MAYWRITE))
				return -EFAULT;
		}
	} else if (!(vmf & VM_READ)) {
		if (!(flags & FOLL_FORCE) || !(vmf & VM_MAYREAD))
			return -EFAULT;
	}
	return 0;
}

enum { GM_FAULT_OK = 0, GM_FAULT_DROPPED = 1, GM_FAULT_NOWAIT = 2 };

static bool gm_injected(const struct gm_vma *v, unsigned long idx)
{
	return v->inj_err_times[idx] != 0 || v->inj_retry_times[idx] != 0;
}

/*
 * faultin_page(): returns GM_FAULT_* or -errno. GM_FAULT_DROPPED means the
 * fault returned VM_FAULT_RETRY and mmap_lock is no longer held.
 */
static int gm_fault(struct gm_vma *v, unsigned long idx, unsigned int flags,
		    int *locked, struct gm_page **out)
{
	if (flags & FOLL_NOFAULT)
		return -EFAULT;
	if (v->inj_err_times[idx] != 0) {
		int err = v->inj_err[idx];

		if (v->inj_err_times[idx] > 0)
			v->inj_err_times[idx]--;
		if (err == EHWPOISON && !(flags & FOLL_HWPOISON))
			err = EFAULT;
		return -err;
	}
	if (v->inj_retry_times[idx] != 0 &&
	    !(v->inj_retry_times[idx] < 0 && (flags & FOLL_TRIED))) {
		if (v->inj_retry_times[idx] > 0)
			v->inj_retry_times[idx]--;
		if (flags & FOLL_NOWAIT)
			return GM_FAULT_NOWAIT;	/* -EBUSY, lock kept */
		if (flags & FOLL_UNLOCKABLE) {
			gm.lock_drops++;
			gm_debug("fault at %s+%lu: VM_FAULT_RETRY, mmap_lock dropped",
				 v->name, idx);
			gm_unlock_read(v->mm->mm, "GUP fault retry");
			*locked = 0;
			return GM_FAULT_DROPPED;
		}
		/* retry not allowed: the fault waits and completes */
	}
	*out = gm_do_fault(v, idx, !!(flags & FOLL_WRITE));
	return GM_FAULT_OK;
}

/*
 * __get_user_pages(): pages done, or -errno if the first page failed. When a
 * fault drops mmap_lock (*locked becomes 0) the pages done before it are
 * returned and the caller retries the faulting page.
 */
static long gm_walk(struct gm_mm *m, unsigned long start, unsigned long nr,
		    unsigned int flags, struct page **pages,
		    struct vm_area_struct **vmas, int *locked)
{
	unsigned long i;
	long err = 0;

	for (i = 0; i < nr; i++) {
		unsigned long addr = start + i * PAGE_SIZE, idx;
		struct gm_vma *v;
		struct gm_page *p;

		if (gm.fatal_signal) {
			err = -EINTR;
			break;
		}
		v = gm_find_vma(m, addr);
		if (!v) {
			err = -EFAULT;
			break;
		}
		err = gm_check_vma(v, flags);
		if (err)
			break;
		idx = (addr - v->start) >> PAGE_SHIFT;
		p = gm_follow(v, idx, flags);
		if ((flags & FOLL_DUMP) && gm_vma_anon(v) && (!v->slot[idx] ||
		    gm_page(v->slot[idx])->zero) && !gm_injected(v, idx)) {
			err = -EFAULT;	/* holes and the zero page are not dumped */
			break;
		}
		if (!p || gm_injected(v, idx)) {
			int r = gm_fault(v, idx, flags, locked, &p);

			if (r == GM_FAULT_DROPPED)
				return i;
			if (r == GM_FAULT_NOWAIT) {
				err = 0;
				break;
			}
			if (r < 0) {
				err = r;
				break;
			}
			if ((flags & FOLL_DUMP) && p->zero) {
				err = -EFAULT;
				break;
			}
		}
		if (flags & (FOLL_GET | FOLL_PIN))
			gm_grab(p, flags, m->mm);
		else
			gm_touch(p);
		if (pages)
			pages[i] = &p->folio->page;
		if (vmas)
			vmas[i] = gm_handle_for(v);
	}
	return i ? (long)i : err;
}

/* __get_user_pages_locked() + __gup_longterm_locked() */
long gm_gup_locked(const char *fn, struct mm_struct *mm, unsigned long start,
		   unsigned long nr, struct page **pages,
		   struct vm_area_struct **vmas, int *locked, unsigned int flags)
{
	struct gm_mm *m = gm_mm_of(mm, fn);
	struct page **first = pages;
	int local_locked = 1;
	bool must_unlock = false;
	long done = 0, ret;

	if (!locked)
		locked = &local_locked;
	if (!*locked) {
		if (mmap_read_lock_killable(mm))
			return -EINTR;
		*locked = 1;
		must_unlock = true;
	} else if (!gm_lock_held(mm)) {
		gm_error("%s(%s) called without mmap_lock held", fn, m->name);
	}
	if (pages && !(flags & FOLL_PIN))
		flags |= FOLL_GET;
	start &= PAGE_MASK;

	while (nr) {
		ret = gm_walk(m, start, nr, flags, pages, vmas, locked);
		if (*locked) {
			if (ret < 0) {
				if (!done)
					done = ret;
			} else {
				done += ret;
			}
			break;
		}
		/* VM_FAULT_RETRY dropped the lock at page `ret` */
		done += ret;
		nr -= ret;
		start += (unsigned long)ret << PAGE_SHIFT;
		if (pages)
			pages += ret;
		must_unlock = true;
		for (;;) {
			if (gm.fatal_signal) {
				if (!done)
					done = -EINTR;
				goto out;
			}
			gm_lock_read(mm, "GUP retry");
			*locked = 1;
			ret = gm_walk(m, start, 1, flags | FOLL_TRIED, pages, NULL, locked);
			if (*locked)
				break;
		}
		if (ret != 1) {
			if (!done)
				done = ret;
			break;
		}
		done++;
		nr--;
		start += PAGE_SIZE;
		if (pages)
			pages++;
	}
out:
	if (must_unlock && *locked) {
		gm_unlock_read(mm, fn);
		*locked = 0;
	}
	if ((flags & FOLL_LONGTERM) && first && done > 0)
		gm_longterm_migrate(first, done);
	return done;
}

/* Shared body of the entry points with a caller-held (or `locked`) lock. */
long gm_gup_entry(const char *fn, struct mm_struct *mm, unsigned long start,
		  unsigned long nr, unsigned int gup_flags, struct page **pages,
		  struct vm_area_struct **vmas, int *locked, unsigned int to_set,
		  long invalid_ret)
{
	int locked_in = locked ? *locked : 0;
	unsigned int flags = gup_flags;
	long ret;

	gm_mm_of(mm, fn);
	if (!gm_valid_args(fn, pages, vmas != NULL, locked, &flags, to_set))
		ret = invalid_ret;
	else
		ret = gm_gup_locked(fn, mm, start, nr, pages, vmas, locked, flags);
	gm_log_call(fn, start, nr, gup_flags, pages, vmas,
		    locked ? &locked_in : NULL, locked, ret);
	return ret;
}

/* ---- entry points whose prototypes did not change ---- */

static long gm_unlocked(const char *fn, unsigned long start, unsigned long nr,
			struct page **pages, unsigned int gup_flags,
			unsigned int to_set, long invalid_ret)
{
	unsigned int flags = gup_flags;
	int locked = 0;
	long ret;

	gm_require_begun(fn);
	if (!gm_valid_args(fn, pages, false, NULL, &flags, to_set))
		ret = invalid_ret;
	else
		ret = gm_gup_locked(fn, current->mm, start, nr, pages, NULL,
				    &locked, flags);
	gm_log_call(fn, start, nr, gup_flags, pages, NULL, NULL, NULL, ret);
	return ret;
}

long get_user_pages_unlocked(unsigned long start, unsigned long nr_pages,
			     struct page **pages, unsigned int gup_flags)
{
	return gm_unlocked("get_user_pages_unlocked", start, nr_pages, pages,
			   gup_flags, FOLL_TOUCH | FOLL_UNLOCKABLE, -EINVAL);
}

long pin_user_pages_unlocked(unsigned long start, unsigned long nr_pages,
			     struct page **pages, unsigned int gup_flags)
{
	/* the quirk: invalid arguments give 0, not -EINVAL */
	return gm_unlocked("pin_user_pages_unlocked", start, nr_pages, pages,
			   gup_flags, FOLL_PIN | FOLL_TOUCH | FOLL_UNLOCKABLE, 0);
}

/* Could GUP-fast take this page without mmap_lock? */
static bool gm_fast_ok(struct gm_vma *v, unsigned long idx, unsigned int flags,
		       struct gm_page **out)
{
	struct gm_page *p;

	if (gm_check_vma(v, flags) || gm_injected(v, idx))
		return false;
	p = gm_follow(v, idx, flags);
	if (!p || p->zero)	/* special ptes go to the slow path */
		return false;
	if ((flags & FOLL_LONGTERM) && gm_head(p)->movable)
		return false;
	*out = p;
	return true;
}

/* internal_get_user_pages_fast() */
static int gm_fast(const char *fn, unsigned long start, int nr_pages,
		   unsigned int gup_flags, struct page **pages, unsigned int to_set)
{
	unsigned int flags = gup_flags;
	struct mm_struct *mm;
	struct gm_mm *m;
	long nr_fast = 0, ret;
	int locked = 0;

	gm_require_begun(fn);
	mm = current->mm;
	m = gm_mm_of(mm, fn);
	if (!gm_valid_args(fn, pages, false, NULL, &flags, to_set)) {
		ret = -EINVAL;
		goto out;
	}
	if (nr_pages <= 0) {
		ret = 0;
		goto out;
	}
	start &= PAGE_MASK;
	for (; nr_fast < nr_pages; nr_fast++) {
		unsigned long addr = start + (unsigned long)nr_fast * PAGE_SIZE;
		struct gm_vma *v = gm_find_vma(m, addr);
		struct gm_page *p;

		if (!v || !gm_fast_ok(v, (addr - v->start) >> PAGE_SHIFT, flags, &p))
			break;
		gm_grab(p, flags, mm);
		pages[nr_fast] = &p->folio->page;
	}
	if ((flags & FOLL_FAST_ONLY) || nr_fast == nr_pages) {
		ret = nr_fast;
		goto out;
	}
	ret = gm_gup_locked(fn, mm, start + (unsigned long)nr_fast * PAGE_SIZE,
			    nr_pages - nr_fast, pages + nr_fast, NULL, &locked,
			    flags | FOLL_TOUCH | FOLL_UNLOCKABLE);
	if (ret < 0)
		ret = nr_fast ? nr_fast : ret;
	else
		ret += nr_fast;
out:
	gm_log_call(fn, start, nr_pages > 0 ? nr_pages : 0, gup_flags, pages,
		    NULL, NULL, NULL, ret);
	return (int)ret;
}

int get_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages)
{
	return gm_fast("get_user_pages_fast", start, nr_pages, gup_flags, pages,
		       FOLL_GET);
}

int pin_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages)
{
	return gm_fast("pin_user_pages_fast", start, nr_pages, gup_flags, pages,
		       FOLL_PIN);
}

int get_user_pages_fast_only(unsigned long start, int nr_pages,
			     unsigned int gup_flags, struct page **pages)
{
	return gm_fast("get_user_pages_fast_only", start, nr_pages, gup_flags,
		       pages, FOLL_GET | FOLL_FAST_ONLY);
}

struct page *get_dump_page(unsigned long addr)
{
	struct page *page = NULL;
	int locked = 0;
	long ret;

	gm_require_begun("get_dump_page");
	ret = gm_gup_locked("get_dump_page", current->mm, addr, 1, &page, NULL,
			    &locked, FOLL_FORCE | FOLL_DUMP | FOLL_GET);
	return ret == 1 ? page : NULL;
}

int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len, unsigned int gup_flags)
{
	bool write = !!(gup_flags & FOLL_WRITE);
	char *p = buf;
	int done = 0;

	gm_mm_of(mm, "access_remote_vm");
	if (mmap_read_lock_killable(mm))
		return 0;
	while (done < len) {
		struct page *page = NULL;
		unsigned long off = (addr + done) & ~PAGE_MASK;
		int bytes = (int)min((unsigned long)(len - done), PAGE_SIZE - off);
		long ret = gm_gup_locked("access_remote_vm", mm, addr + done, 1,
					 &page, NULL, NULL,
					 gup_flags | FOLL_TOUCH | FOLL_REMOTE);
		char *kaddr;

		if (ret <= 0)
			break;
		kaddr = (char *)page_address(page) + off;
		if (write) {
			__builtin_memcpy(kaddr, p + done, bytes);
			set_page_dirty_lock(page);
		} else {
			__builtin_memcpy(p + done, kaddr, bytes);
		}
		put_page(page);
		done += bytes;
	}
	mmap_read_unlock(mm);
	return done;
}

int access_process_vm(struct task_struct *tsk, unsigned long addr, void *buf,
		      int len, unsigned int gup_flags)
{
	struct mm_struct *mm = get_task_mm(tsk);
	int ret;

	if (!mm)
		return 0;
	ret = access_remote_vm(mm, addr, buf, len, gup_flags);
	mmput(mm);
	return ret;
}
