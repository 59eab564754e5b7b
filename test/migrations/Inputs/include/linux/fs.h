/*
 * Stub <linux/fs.h> for the migration tests: the model's struct file, a
 * file_operations, and no_llseek (NULL, the kernel way) before 6.12.
 */
#ifndef _SPEC_STUB_LINUX_FS_H
#define _SPEC_STUB_LINUX_FS_H

#include_next <linux/fs.h>
#include <linux/module.h>
#include <linux/stddef.h>
#include <linux/version.h>

struct inode {
	unsigned long i_ino;
};

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char *buf, size_t len, loff_t *pos);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
#define no_llseek NULL
#endif
loff_t noop_llseek(struct file *file, loff_t offset, int whence);

#endif
