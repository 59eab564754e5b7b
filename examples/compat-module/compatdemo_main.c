// SPDX-License-Identifier: GPL-2.0
/*
 * compatdemo: a character device that user space names (compatdemo_dev.c),
 * written for Linux 6.1. Not meant to be loaded: it exists to be migrated,
 * and meets six API changes on the way to 6.12 (docs/modules.md, "Several
 * migrations at once").
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/string.h>

#include "compatdemo.h"

static int compatdemo_major;
static struct class *compatdemo_class;

static int __init compatdemo_init(void)
{
	struct device *dev;

	strlcpy(compatdemo_name, "unnamed", sizeof(compatdemo_name));
	compatdemo_major = register_chrdev(0, "compatdemo", &compatdemo_fops);
	if (compatdemo_major < 0)
		return compatdemo_major;
	compatdemo_class = class_create(THIS_MODULE, "compatdemo");
	if (IS_ERR(compatdemo_class)) {
		unregister_chrdev(compatdemo_major, "compatdemo");
		return PTR_ERR(compatdemo_class);
	}
	dev = device_create(compatdemo_class, NULL, MKDEV(compatdemo_major, 0),
			    NULL, "compatdemo");
	if (IS_ERR(dev)) {
		class_destroy(compatdemo_class);
		unregister_chrdev(compatdemo_major, "compatdemo");
		return PTR_ERR(dev);
	}
	return 0;
}

static void __exit compatdemo_exit(void)
{
	device_destroy(compatdemo_class, MKDEV(compatdemo_major, 0));
	class_destroy(compatdemo_class);
	unregister_chrdev(compatdemo_major, "compatdemo");
}

module_init(compatdemo_init);
module_exit(compatdemo_exit);
MODULE_DESCRIPTION("Six API changes from Linux 6.1 to 6.12 to migrate");
MODULE_LICENSE("GPL");
