/* A module that registers a device class for its nodes. */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/module.h>

struct class *drv_class;

int drv_class_init(void)
{
	drv_class = class_create(THIS_MODULE, "drv");
	if (!drv_class)
		return -ENOMEM;
	return 0;
}
