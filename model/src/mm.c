/*
 * Address spaces, VMAs, mmap_lock and tasks.
 *
 * VMA pointers handed to callers (vma_lookup(), find_vma(), the vmas[] array
 * of the pre-6.5 GUP calls) are per-lock-epoch snapshots ("handles"): they are
 * freed as soon as the mm's mmap_lock is fully released, so a stale read is a
 * heap-use-after-free that ASan reports, with the unlock in the free stack.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>

#include "internal.h"

static int gm_fault_stub(struct vm_fault *vmf)
{
	(void)vmf;
	return 0;
}

/* Distinct vm_ops per backing; vma_is_anonymous() is "no vm_ops" as in the
 * kernel, and dirty-tracked file mappings have page_mkwrite. */
static const struct vm_operations_struct gm_shmem_ops = { 0 };
static const struct vm_operations_struct gm_file_ops = { .page_mkwrite = gm_fault_stub };
static const struct vm_operations_struct gm_file_nowb_ops = { 0 };
static const struct vm_operations_struct gm_hugetlb_ops = { 0 };
static const struct vm_operations_struct gm_dax_ops = { .page_mkwrite = gm_fault_stub };

/*
 * vm_ops->access of device memory, as generic_access_phys() gives
 * /proc/PID/mem and __access_remote_vm() on VM_IO | VM_PFNMAP: copies at
 * most to the end of the page, to or from per-VMA device bytes (zero until
 * written). `vma` is a handle, so a stale one is an ASan error here too.
 */
static int gm_io_access(struct vm_area_struct *vma, unsigned long addr,
			void *buf, int len, int write)
{
	struct gm_vma *v = gm_vma_of(vma);
	unsigned long n;

	if (!v || addr < v->start || addr >= v->end || len <= 0)
		return -EINVAL;
	if (!v->iomem)
		v->iomem = gm_alloc(v->npages * PAGE_SIZE);
	n = PAGE_SIZE - (addr & ~PAGE_MASK);
	if (n > (unsigned long)len)
		n = len;
	if (write)
		__builtin_memcpy(v->iomem + (addr - v->start), buf, n);
	else
		__builtin_memcpy(buf, v->iomem + (addr - v->start), n);
	return (int)n;
}

static const struct vm_operations_struct gm_io_ops = { .access = gm_io_access };

static void gm_copy_name(char *dst, const char *src)
{
	unsigned long n = __builtin_strlen(src);

	if (n >= GM_NAME_MAX)
		n = GM_NAME_MAX - 1;
	__builtin_memcpy(dst, src, n);
	dst[n] = '\0';
}

struct gm_mm *gm_new_mm(const char *name)
{
	struct gm_mm *m = gm_alloc(sizeof(*m));
	struct gm_mm **pp;

	m->mm = gm_alloc(sizeof(*m->mm));
	m->mm->model = m;
	m->task = gm_alloc(sizeof(*m->task));
	m->task->mm = m->mm;
	gm_copy_name(m->name, name);
	m->users = m->baseline_users = 1;
	for (pp = &gm.mms; *pp; pp = &(*pp)->next)
		;
	*pp = m;
	return m;
}

struct gm_mm *gm_mm_of(struct mm_struct *mm, const char *fn)
{
	gm_require_begun(fn);
	if (!mm)
		gm_fatal("%s(): NULL mm (the kernel would oops)", fn);
	if (IS_ERR(mm))
		gm_fatal("%s(): mm is ERR_PTR(%ld)", fn, PTR_ERR(mm));
	if (!mm->model)
		gm_fatal("%s(): mm_struct not created by the model", fn);
	return mm->model;
}

struct gm_vma *gm_find_vma(struct gm_mm *m, unsigned long addr)
{
	struct gm_vma *v;

	for (v = m->vmas; v; v = v->next)
		if (addr >= v->start && addr < v->end)
			return v;
	return NULL;
}

bool gm_vma_anon(const struct gm_vma *v)
{
	return v->backing == GUP_MODEL_ANON && !(v->vm_flags & VM_SHARED);
}

/* A shared writable mapping whose vm_ops want write notification or whose
 * filesystem writes pages back (v6.5 vma_needs_dirty_tracking()). */
bool gm_vma_needs_dirty_tracking(const struct gm_vma *v)
{
	if ((v->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return false;
	return v->backing == GUP_MODEL_FILE || v->backing == GUP_MODEL_FSDAX;
}

/* ---- VMA handles ---- */

struct vm_area_struct *gm_handle_for(struct gm_vma *v)
{
	struct gm_handle *h = v->handle;

	if (!h) {
		h = gm_alloc(sizeof(*h));
		h->vma.vm_start = v->start;
		h->vma.vm_end = v->end;
		h->vma.vm_mm = v->mm->mm;
		h->vma.vm_flags = v->vm_flags;
		h->vma.vm_ops = v->vm_ops;
		h->vma.vm_file = v->file;
		h->mv = v;
		h->magic = GM_HANDLE_MAGIC;
		v->handle = h;
	}
	return &h->vma;
}

/* Reads the handle, so a retired one is reported by ASan right here. */
struct gm_vma *gm_vma_of(const struct vm_area_struct *vma)
{
	const struct gm_handle *h = (const struct gm_handle *)vma;

	if (!vma || IS_ERR(vma))
		return NULL;
	if (h->magic != GM_HANDLE_MAGIC)
		return NULL;
	return h->mv;
}

static void gm_retire_handles(struct gm_mm *m)
{
	struct gm_vma *v;
	int n = 0;

	for (v = m->vmas; v; v = v->next) {
		if (!v->handle)
			continue;
		gm_free(v->handle);
		v->handle = NULL;
		n++;
	}
	gm.retired += n;
	if (n)
		gm_debug("mmap_lock of %s released: %d VMA handle(s) retired", m->name, n);
}

/* ---- mmap_lock ---- */

bool gm_lock_held(struct mm_struct *mm)
{
	return mm->mmap_lock.readers > 0 || mm->mmap_lock.writer;
}

void gm_lock_read(struct mm_struct *mm, const char *who)
{
	struct gm_mm *m = gm_mm_of(mm, who);

	if (mm->mmap_lock.writer)
		gm_error("%s: mmap_read_lock(%s) while it is write-locked (deadlock)",
			 who, m->name);
	else if (mm->mmap_lock.readers > 0)
		gm_error("%s: recursive mmap_read_lock(%s) (deadlocks against a waiting writer)",
			 who, m->name);
	mm->mmap_lock.readers++;
}

void gm_unlock_read(struct mm_struct *mm, const char *who)
{
	struct gm_mm *m = gm_mm_of(mm, who);

	if (mm->mmap_lock.readers <= 0) {
		gm_error("%s: mmap_read_unlock(%s) without holding the read lock (unlock imbalance)",
			 who, m->name);
		return;
	}
	if (--mm->mmap_lock.readers == 0 && !mm->mmap_lock.writer)
		gm_retire_handles(m);
}

void mmap_read_lock(struct mm_struct *mm)
{
	gm_lock_read(mm, "mmap_read_lock");
}

int mmap_read_lock_killable(struct mm_struct *mm)
{
	if (gm.fatal_signal) {
		gm_mm_of(mm, "mmap_read_lock_killable");
		return -EINTR;
	}
	gm_lock_read(mm, "mmap_read_lock_killable");
	return 0;
}

bool mmap_read_trylock(struct mm_struct *mm)
{
	gm_mm_of(mm, "mmap_read_trylock");
	if (mm->mmap_lock.writer)
		return false;
	mm->mmap_lock.readers++;
	return true;
}

void mmap_read_unlock(struct mm_struct *mm)
{
	gm_unlock_read(mm, "mmap_read_unlock");
}

void mmap_write_lock(struct mm_struct *mm)
{
	struct gm_mm *m = gm_mm_of(mm, "mmap_write_lock");

	if (gm_lock_held(mm))
		gm_error("mmap_write_lock(%s) while the lock is held (deadlock)", m->name);
	mm->mmap_lock.writer = 1;
}

int mmap_write_lock_killable(struct mm_struct *mm)
{
	if (gm.fatal_signal) {
		gm_mm_of(mm, "mmap_write_lock_killable");
		return -EINTR;
	}
	mmap_write_lock(mm);
	return 0;
}

void mmap_write_unlock(struct mm_struct *mm)
{
	struct gm_mm *m = gm_mm_of(mm, "mmap_write_unlock");

	if (!mm->mmap_lock.writer) {
		gm_error("mmap_write_unlock(%s) without holding the write lock (unlock imbalance)",
			 m->name);
		return;
	}
	mm->mmap_lock.writer = 0;
	if (mm->mmap_lock.readers == 0)
		gm_retire_handles(m);
}

void mmap_write_downgrade(struct mm_struct *mm)
{
	struct gm_mm *m = gm_mm_of(mm, "mmap_write_downgrade");

	if (!mm->mmap_lock.writer) {
		gm_error("mmap_write_downgrade(%s) without holding the write lock", m->name);
		return;
	}
	mm->mmap_lock.writer = 0;
	mm->mmap_lock.readers++;
}

void mmap_assert_locked(struct mm_struct *mm)
{
	struct gm_mm *m = gm_mm_of(mm, "mmap_assert_locked");

	if (!gm_lock_held(mm))
		gm_error("mmap_assert_locked(%s): mmap_lock not held", m->name);
}

void mmap_assert_write_locked(struct mm_struct *mm)
{
	struct gm_mm *m = gm_mm_of(mm, "mmap_assert_write_locked");

	if (!mm->mmap_lock.writer)
		gm_error("mmap_assert_write_locked(%s): mmap_lock not write-locked", m->name);
}

/* ---- VMA queries ---- */

struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct gm_mm *m = gm_mm_of(mm, "vma_lookup");
	struct gm_vma *v;

	if (!gm_lock_held(mm))
		gm_error("vma_lookup(%s) without mmap_lock held", m->name);
	v = gm_find_vma(m, addr);
	return v ? gm_handle_for(v) : NULL;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct gm_mm *m = gm_mm_of(mm, "find_vma");
	struct gm_vma *v;

	if (!gm_lock_held(mm))
		gm_error("find_vma(%s) without mmap_lock held", m->name);
	for (v = m->vmas; v; v = v->next)
		if (addr < v->end)
			return gm_handle_for(v);
	return NULL;
}

bool vma_is_anonymous(struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

bool vma_is_shmem(struct vm_area_struct *vma)
{
	return vma->vm_ops == &gm_shmem_ops;
}

bool is_vm_hugetlb_page(struct vm_area_struct *vma)
{
	return !!(vma->vm_flags & VM_HUGETLB);
}

bool is_file_hugepages(struct file *file)
{
	const struct gm_vma *v = file ? file->model : NULL;

	return v && v->backing == GUP_MODEL_HUGETLBFS;
}

/* ---- tasks ---- */

struct task_struct *get_current(void)
{
	gm_require_begun("get_current");
	return gm.task;
}

bool fatal_signal_pending(struct task_struct *p)
{
	(void)p;
	return gm.fatal_signal;
}

void cond_resched(void)
{
}

struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct gm_mm *m;

	if (!task || !task->mm)
		return NULL;
	m = gm_mm_of(task->mm, "get_task_mm");
	m->users++;
	return task->mm;
}

bool mmget_not_zero(struct mm_struct *mm)
{
	struct gm_mm *m = gm_mm_of(mm, "mmget_not_zero");

	if (m->users <= 0)
		return false;
	m->users++;
	return true;
}

void mmput(struct mm_struct *mm)
{
	struct gm_mm *m = gm_mm_of(mm, "mmput");

	if (m->users <= m->baseline_users) {
		gm_error("mmput(%s) without a matching get_task_mm()/mmget (mm_users underflow)",
			 m->name);
		return;
	}
	m->users--;
}

/* ---- scenario side ---- */

static struct gm_mm *gm_scenario_mm(const char *fn)
{
	gm_require_begun(fn);
	return gm.cur;
}

unsigned long gup_model_add_vma_at(const char *name, unsigned long start,
				   unsigned long npages, unsigned long vm_flags,
				   enum gup_model_backing backing, unsigned int opts)
{
	struct gm_mm *m = gm_scenario_mm("gup_model_add_vma_at");
	struct gm_vma *v, **pp;
	unsigned long i;

	if (start & ~PAGE_MASK)
		gm_fatal("gup_model_add_vma_at(%s): start not page aligned", name);
	if (backing == GUP_MODEL_HUGETLBFS || (opts & GUP_MODEL_THP))
		npages = (npages + GUP_MODEL_LARGE_NR - 1) / GUP_MODEL_LARGE_NR *
			 GUP_MODEL_LARGE_NR;
	if (!npages)
		gm_fatal("gup_model_add_vma_at(%s): no pages", name);
	for (v = m->vmas; v; v = v->next)
		if (start < v->end && v->start < start + npages * PAGE_SIZE)
			gm_fatal("gup_model_add_vma_at(%s): overlaps %s", name, v->name);

	v = gm_alloc(sizeof(*v));
	v->mm = m;
	v->id = ++gm.vma_ids;
	gm_copy_name(v->name, name);
	v->start = start;
	v->end = start + npages * PAGE_SIZE;
	v->npages = npages;
	v->backing = backing;
	v->opts = opts;
	v->vm_flags = vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED | VM_MTE);
	v->vm_flags |= VM_MAYREAD | VM_MAYWRITE;
	if (v->vm_flags & VM_SHARED)
		v->vm_flags |= VM_MAYSHARE;
	switch (backing) {
	case GUP_MODEL_ANON:
		v->vm_ops = (v->vm_flags & VM_SHARED) ? &gm_shmem_ops : NULL;
		break;
	case GUP_MODEL_SHMEM:
		v->vm_ops = &gm_shmem_ops;
		break;
	case GUP_MODEL_FILE:
		v->vm_ops = &gm_file_ops;
		break;
	case GUP_MODEL_FILE_NOWB:
		v->vm_ops = &gm_file_nowb_ops;
		break;
	case GUP_MODEL_HUGETLBFS:
		v->vm_ops = &gm_hugetlb_ops;
		v->vm_flags |= VM_HUGETLB;
		break;
	case GUP_MODEL_FSDAX:
		v->vm_ops = &gm_dax_ops;
		break;
	case GUP_MODEL_IOMEM:
		v->vm_ops = &gm_io_ops;
		v->vm_flags |= VM_IO | VM_PFNMAP;
		break;
	default:
		gm_fatal("gup_model_add_vma_at(%s): unknown backing %d", name, (int)backing);
	}
	if (backing != GUP_MODEL_ANON && backing != GUP_MODEL_IOMEM) {
		v->file = gm_alloc(sizeof(*v->file));
		v->file->model = v;
	}
	v->slot = gm_alloc(npages * sizeof(*v->slot));
	v->own = gm_alloc(npages * sizeof(*v->own));
	v->cow = gm_alloc(npages * sizeof(*v->cow));
	v->inj_err = gm_alloc(npages * sizeof(int));
	v->inj_err_times = gm_alloc(npages * sizeof(int));
	v->inj_retry_times = gm_alloc(npages * sizeof(int));

	for (pp = &m->vmas; *pp && (*pp)->start < v->start; pp = &(*pp)->next)
		;
	v->next = *pp;
	*pp = v;
	m->nr_vmas++;

	if ((opts & GUP_MODEL_POPULATE) && backing != GUP_MODEL_IOMEM) {
		for (i = 0; i < npages; i++)
			gm_populate(v, i);
	}
	gm_debug("vma %s [0x%lx, 0x%lx) flags 0x%lx backing %d", v->name, v->start,
		 v->end, v->vm_flags, (int)backing);
	return v->start;
}

unsigned long gup_model_add_vma(const char *name, unsigned long npages,
				unsigned long vm_flags,
				enum gup_model_backing backing, unsigned int opts)
{
	struct gm_mm *m = gm_scenario_mm("gup_model_add_vma");
	unsigned long start = 0x10000000UL + (unsigned long)m->nr_vmas * 0x1000000UL;

	while (gm_find_vma(m, start) || gm_find_vma(m, start + 0xfff000UL))
		start += 0x1000000UL;
	return gup_model_add_vma_at(name, start, npages, vm_flags, backing, opts);
}

struct mm_struct *gup_model_new_mm(const char *name)
{
	gm_require_begun("gup_model_new_mm");
	return gm_new_mm(name)->mm;
}

struct task_struct *gup_model_task_of(struct mm_struct *mm)
{
	return gm_mm_of(mm, "gup_model_task_of")->task;
}

void gup_model_use_mm(struct mm_struct *mm)
{
	gm.cur = gm_mm_of(mm, "gup_model_use_mm");
}

struct mm_struct *gup_model_mm(void)
{
	return gm_scenario_mm("gup_model_mm")->mm;
}

static struct gm_vma *gm_inject_target(unsigned long addr, const char *fn,
				       unsigned long *idx)
{
	struct gm_mm *m = gm_scenario_mm(fn);
	struct gm_vma *v = gm_find_vma(m, addr);

	if (!v)
		gm_fatal("%s(0x%lx): no VMA there", fn, addr);
	*idx = (addr - v->start) >> PAGE_SHIFT;
	return v;
}

void gup_model_inject_error(unsigned long addr, int err, int times)
{
	unsigned long idx;
	struct gm_vma *v = gm_inject_target(addr, "gup_model_inject_error", &idx);

	if (err < 0)
		err = -err;
	v->inj_err[idx] = err;
	v->inj_err_times[idx] = times;
}

void gup_model_inject_retry(unsigned long addr, int times)
{
	unsigned long idx;
	struct gm_vma *v = gm_inject_target(addr, "gup_model_inject_retry", &idx);

	v->inj_retry_times[idx] = times;
}

void gup_model_set_fatal_signal(bool pending)
{
	gm.fatal_signal = pending;
}

const char *gup_model_vma_name(const struct vm_area_struct *vma)
{
	struct gm_vma *v;

	if (!vma)
		return "NULL";
	if (IS_ERR(vma))
		return "ERR";
	v = gm_vma_of(vma);
	return v ? v->name : "?";
}

static const char *gm_lock_state(struct mm_struct *mm, char *buf, unsigned long size)
{
	if (mm->mmap_lock.writer)
		__builtin_snprintf(buf, size, "write%s",
				   mm->mmap_lock.readers ? "+read" : "");
	else if (mm->mmap_lock.readers)
		__builtin_snprintf(buf, size, "read(%d)", mm->mmap_lock.readers);
	else
		__builtin_snprintf(buf, size, "unlocked");
	return buf;
}

void gup_model_print_lock(const char *label)
{
	char buf[32];
	struct gm_mm *m = gm_scenario_mm("gup_model_print_lock");

	gm_trace("%s%slock: %s", label ? label : "", label ? ": " : "",
		 gm_lock_state(m->mm, buf, sizeof(buf)));
}

bool gup_model_lock_held(void)
{
	return gm_lock_held(gm_scenario_mm("gup_model_lock_held")->mm);
}

void gup_model_unlock_if_held(void)
{
	struct mm_struct *mm = gm_scenario_mm("gup_model_unlock_if_held")->mm;

	if (mm->mmap_lock.writer)
		mmap_write_unlock(mm);
	else if (mm->mmap_lock.readers)
		mmap_read_unlock(mm);
}

int gup_model_lock_drops(void)
{
	return gm.lock_drops;
}

int gup_model_vmas_retired(void)
{
	return gm.retired;
}

/* Summary of every mm; returns the number of problems found. */
int gm_check_mms(void)
{
	struct gm_mm *m;
	char buf[32];
	int bad = 0;

	for (m = gm.mms; m; m = m->next) {
		gm_trace("lock %s: %s", m->name, gm_lock_state(m->mm, buf, sizeof(buf)));
		if (gm_lock_held(m->mm)) {
			gm_error("mmap_lock of %s still held at the end of the scenario", m->name);
			bad++;
		}
		if (m->users != m->baseline_users) {
			gm_error("mm %s: %d mm_users reference(s) not dropped (missing mmput())",
				 m->name, m->users - m->baseline_users);
			bad++;
		}
	}
	return bad;
}
