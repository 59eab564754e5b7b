/* A character device whose files cannot seek. */
#include <linux/fs.h>
#include <linux/module.h>

static ssize_t drv_read(struct file *file, char *buf, size_t len, loff_t *pos)
{
	return 0;
}

const struct file_operations drv_fops = {
	.owner		= THIS_MODULE,
	.read		= drv_read,
	.llseek		= no_llseek,
};

const struct file_operations drv_seek_fops = {
	.owner		= THIS_MODULE,
	.llseek		= noop_llseek,
};

/* The last initialiser, written without a trailing comma. */
const struct file_operations drv_last_fops = {
	.owner		= THIS_MODULE,
	.llseek		= no_llseek
};

/* A comment after the initialiser is about it. */
const struct file_operations drv_noted_fops = {
	.owner		= THIS_MODULE,
	.llseek		= no_llseek,	/* a pipe: no position */
	.read		= drv_read,
};
