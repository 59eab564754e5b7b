/* An initialiser on one line, and no_llseek used as a value. */
#include <linux/fs.h>
#include <linux/module.h>

const struct file_operations drv_ctl_fops = { .owner = THIS_MODULE, .llseek = no_llseek };

int drv_can_seek(const struct file_operations *fops)
{
	return fops->llseek != no_llseek;
}
