/*
 * Stub <linux/device.h> for the migration tests (not kernel code): before
 * 6.4 class_create() is a macro taking the owner, from 6.4 a function of
 * the name alone. LINUX_VERSION_CODE follows -DGUP_MODEL_API.
 */
#ifndef _SPEC_STUB_LINUX_DEVICE_H
#define _SPEC_STUB_LINUX_DEVICE_H

#include <linux/module.h>
#include <linux/version.h>

struct class {
	const char *name;
};

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
struct class *stub_class_register(struct module *owner, const char *name);
#define class_create(owner, name) stub_class_register((owner), (name))
#else
struct class *class_create(const char *name);
#endif
void class_destroy(struct class *cls);

#endif
