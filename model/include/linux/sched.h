#ifndef _GUP_MODEL_LINUX_SCHED_H
#define _GUP_MODEL_LINUX_SCHED_H

#include <linux/mm_types.h>

struct task_struct {
	struct mm_struct *mm;
	pid_t pid;
};

struct task_struct *get_current(void);
#define current get_current()

bool fatal_signal_pending(struct task_struct *p);
void cond_resched(void);
struct mm_struct *get_task_mm(struct task_struct *task);
void mmput(struct mm_struct *mm);
bool mmget_not_zero(struct mm_struct *mm);

#endif
