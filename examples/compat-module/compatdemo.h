/* SPDX-License-Identifier: GPL-2.0 */
#ifndef COMPATDEMO_H
#define COMPATDEMO_H

#include <linux/fs.h>
#include <linux/types.h>

#define COMPATDEMO_NAME_MAX 32

/* The device's name, set by the last record written (compatdemo_dev.c). */
extern char compatdemo_name[COMPATDEMO_NAME_MAX];
extern const struct file_operations compatdemo_fops;

int compatdemo_huge_user_page(unsigned long addr);

#endif
