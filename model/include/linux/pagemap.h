#ifndef _GUP_MODEL_LINUX_PAGEMAP_H
#define _GUP_MODEL_LINUX_PAGEMAP_H

#include <linux/fs.h>
#include <linux/mm.h>

#endif
