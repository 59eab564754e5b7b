/*
 * Stub <linux/widget.h> for the function-wrapper test (a made-up API):
 * widget_bind() and widget_unbind() take an owner before 6.3, not from 6.3.
 */
#ifndef _SPEC_STUB_LINUX_WIDGET_H
#define _SPEC_STUB_LINUX_WIDGET_H

#include <linux/stddef.h>
#include <linux/version.h>

struct widget {
	unsigned long flags;
};

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
int widget_bind(struct widget *w, void *owner, unsigned long flags);
void widget_unbind(struct widget *w, void *owner);
#else
int widget_bind(struct widget *w, unsigned long flags);
void widget_unbind(struct widget *w);
#endif

#endif
