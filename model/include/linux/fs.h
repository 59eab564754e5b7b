#ifndef _GUP_MODEL_LINUX_FS_H
#define _GUP_MODEL_LINUX_FS_H

#include <linux/types.h>

struct file {
	unsigned int f_flags;
	void *private_data;
	void *model;			/* the model's per-file state */
};

#endif
