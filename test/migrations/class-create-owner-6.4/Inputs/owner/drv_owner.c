/* The owner argument is a call: dropping it would drop the call too. */
#include <linux/device.h>
#include <linux/module.h>

struct module *drv_pick_owner(void);

struct class *drv_make_class(void)
{
	return class_create(drv_pick_owner(), "drv-owned");
}
