#ifndef _GUP_MODEL_LINUX_VERSION_H
#define _GUP_MODEL_LINUX_VERSION_H

#include <linux/gup_model_api.h>

#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
/* The version the headers pretend to be follows the selected GUP API. */
#define LINUX_VERSION_CODE KERNEL_VERSION(GUP_MODEL_API / 100, GUP_MODEL_API % 100, 0)

#endif
