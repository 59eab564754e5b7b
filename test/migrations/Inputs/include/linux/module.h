/* Stub <linux/module.h> for the migration tests (not kernel code). */
#ifndef _SPEC_STUB_LINUX_MODULE_H
#define _SPEC_STUB_LINUX_MODULE_H

struct module {
	int refs;
};
extern struct module __this_module;
#define THIS_MODULE (&__this_module)

#endif
