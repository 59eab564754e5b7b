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
