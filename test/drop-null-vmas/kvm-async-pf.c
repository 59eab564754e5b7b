// KVM: mirrors async_pf_execute() (virt/kvm/async_pf.c). get_user_pages_remote()
// with pages NULL, vmas NULL and `&locked` on a continuation line, its result
// ignored, followed by `if (locked) mmap_read_unlock(mm)`. The pages NULL stays
// at the end of the first line and `&locked` keeps its own line.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>
#include <linux/sched.h>

struct guest_async_fault {
	struct mm_struct *mm;
	unsigned long addr;
	bool done;
};

void guest_async_fault_work(struct guest_async_fault *apf)
{
	struct mm_struct *mm = apf->mm;
	unsigned long addr = apf->addr;
	int locked = 1;

	mmap_read_lock(mm);
	get_user_pages_remote(mm, addr, 1, FOLL_WRITE, NULL, NULL,
			&locked);
	// CHECK-FIXES: {{^}}	get_user_pages_remote(mm, addr, 1, FOLL_WRITE, NULL,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			&locked);{{$}}
	if (locked)
		mmap_read_unlock(mm);

	apf->done = true;
	mmput(mm);
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void async_fault(const char *what, struct mm_struct *mm,
			unsigned long addr)
{
	struct guest_async_fault apf = {
		.mm = get_task_mm(gup_model_task_of(mm)), .addr = addr,
	};

	guest_async_fault_work(&apf);
	gup_model_printf("%s: done=%d lock drops=%d", what, apf.done,
			 gup_model_lock_drops());
	gup_model_print_lock(what);
}

int main(void)
{
	struct mm_struct *guest;
	unsigned long mem, ro;

	gup_model_begin();
	guest = gup_model_new_mm("guest");
	gup_model_use_mm(guest);
	mem = gup_model_add_vma("mem", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, 0);
	/* the call's result is ignored: let the model trace it */
	gup_model_set_verbose(true);

	async_fault("fault in", guest, mem + PAGE_SIZE);
	gup_model_inject_retry(mem + 2 * PAGE_SIZE, 1);
	async_fault("retry drops the lock", guest, mem + 2 * PAGE_SIZE);
	gup_model_inject_error(mem + 3 * PAGE_SIZE, EHWPOISON, 1);
	async_fault("poisoned", guest, mem + 3 * PAGE_SIZE);
	async_fault("hole", guest, mem + 4 * PAGE_SIZE);
	async_fault("read-only", guest, ro);
	gup_model_set_fatal_signal(true);
	async_fault("fatal signal", guest, mem);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: kvm-async-pf.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: gup: get_user_pages_remote(mem+1, 1, WRITE locked=1->1) = 1
// MODEL-NEXT: fault in: done=1 lock drops=0
// MODEL-NEXT: fault in: lock: unlocked
// MODEL-NEXT: gup: get_user_pages_remote(mem+2, 1, WRITE locked=1->0) = 1
// MODEL-NEXT: retry drops the lock: done=1 lock drops=1
// MODEL-NEXT: retry drops the lock: lock: unlocked
// MODEL-NEXT: gup: get_user_pages_remote(mem+3, 1, WRITE locked=1->1) = -14
// MODEL-NEXT: poisoned: done=1 lock drops=1
// MODEL-NEXT: poisoned: lock: unlocked
// MODEL-NEXT: gup: get_user_pages_remote(0x10004000, 1, WRITE locked=1->1) = -14
// MODEL-NEXT: hole: done=1 lock drops=1
// MODEL-NEXT: hole: lock: unlocked
// MODEL-NEXT: gup: get_user_pages_remote(ro+0, 1, WRITE locked=1->1) = -14
// MODEL-NEXT: read-only: done=1 lock drops=1
// MODEL-NEXT: read-only: lock: unlocked
// MODEL-NEXT: gup: get_user_pages_remote(mem+0, 1, WRITE locked=1->1) = -4
// MODEL-NEXT: fatal signal: done=1 lock drops=1
// MODEL-NEXT: fatal signal: lock: unlocked
// MODEL-NEXT: == gup-model summary ==
