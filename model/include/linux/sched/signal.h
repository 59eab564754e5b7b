#ifndef _GUP_MODEL_LINUX_SCHED_SIGNAL_H
#define _GUP_MODEL_LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

#endif
