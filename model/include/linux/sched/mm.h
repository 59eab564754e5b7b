#ifndef _GUP_MODEL_LINUX_SCHED_MM_H
#define _GUP_MODEL_LINUX_SCHED_MM_H

#include <linux/sched.h>

#endif
