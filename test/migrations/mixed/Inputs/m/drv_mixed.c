/* A module hit by several kernel changes at once (GUP's vmas among them). */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/unaligned.h>

struct drv_state {
	char name[16];
	struct class *cls;
};

long drv_pin(struct mm_struct *mm, unsigned long start, struct page **pages)
{
	return get_user_pages_remote(mm, start, 1, FOLL_WRITE, pages, NULL, NULL);
}

int drv_setup(struct drv_state *st, const char *name, pmd_t *pmd, const u8 *hdr)
{
	strlcpy(st->name, name, sizeof(st->name));
	st->cls = class_create(THIS_MODULE, "drv");
	if (!st->cls)
		return -ENOMEM;
	if (pmd_large(*pmd))
		return get_unaligned_le32(hdr);
	return 0;
}

const struct file_operations drv_fops = {
	.owner		= THIS_MODULE,
	.llseek		= no_llseek,
};

void drv_tag_huge(struct drv_state *st, pmd_t *pmd)
{
	if (pmd_large(*pmd))
		strlcpy(st->name, "huge", sizeof(st->name));
}
