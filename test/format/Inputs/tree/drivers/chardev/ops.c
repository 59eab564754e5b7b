/* A character device whose file_operations align their values by hand. */
#include <linux/fs.h>
#include <linux/module.h>

static int ops_open(struct inode *inode, struct file *file)
{
	return 0;
}

static const struct file_operations ops_tabbed = {
	.owner =	THIS_MODULE,
	.llseek =	no_llseek,
	.read =		NULL,
	.open =		ops_open,
};

static const struct file_operations ops_columns = {
	.owner		= THIS_MODULE,
	.open		= ops_open,
	.llseek		= no_llseek,
};
