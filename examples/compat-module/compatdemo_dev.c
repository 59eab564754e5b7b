// SPDX-License-Identifier: GPL-2.0
/*
 * The device's file: a write is one record, a little-endian 32-bit length
 * and that many bytes of name; a read returns the name and whether the
 * last record came from a huge page.
 */
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/unaligned.h>

#include "compatdemo.h"

static DEFINE_MUTEX(compatdemo_lock);
char compatdemo_name[COMPATDEMO_NAME_MAX];
static bool compatdemo_from_huge;

/* The new name, kept truncated when it is too long (-ENAMETOOLONG). */
static int compatdemo_set_name(const char *name, bool from_huge)
{
	int ret = 0;

	mutex_lock(&compatdemo_lock);
	if (strlcpy(compatdemo_name, name, sizeof(compatdemo_name)) >=
	    sizeof(compatdemo_name))
		ret = -ENAMETOOLONG;
	compatdemo_from_huge = from_huge;
	mutex_unlock(&compatdemo_lock);
	return ret;
}

static ssize_t compatdemo_write(struct file *file, const char __user *buf,
				size_t count, loff_t *ppos)
{
	char *record;
	int huge;
	int ret;

	if (count < sizeof(u32))
		return -EINVAL;
	huge = compatdemo_huge_user_page((unsigned long)buf);
	if (huge < 0)
		return huge;
	record = memdup_user_nul(buf, count);
	if (IS_ERR(record))
		return PTR_ERR(record);
	if (get_unaligned_le32(record) != count - sizeof(u32))
		ret = -EINVAL;
	else
		ret = compatdemo_set_name(record + sizeof(u32), huge);
	kfree(record);
	return ret ? ret : count;
}

static ssize_t compatdemo_read(struct file *file, char __user *buf,
			       size_t count, loff_t *ppos)
{
	char line[COMPATDEMO_NAME_MAX + 8];
	int len;

	mutex_lock(&compatdemo_lock);
	len = scnprintf(line, sizeof(line), "%s %s\n", compatdemo_name,
			compatdemo_from_huge ? "huge" : "small");
	mutex_unlock(&compatdemo_lock);
	return simple_read_from_buffer(buf, count, ppos, line, len);
}

const struct file_operations compatdemo_fops = {
	.owner = THIS_MODULE,
	.read = compatdemo_read,
	.write = compatdemo_write,
	.llseek = no_llseek,
};
