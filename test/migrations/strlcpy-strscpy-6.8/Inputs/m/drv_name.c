/* A module that keeps a device name: results of the copies are not used. */
#include <linux/string.h>

struct drv_dev {
	char name[16];
	char label[8];
};

void drv_set_name(struct drv_dev *dev, const char *src)
{
	strlcpy(dev->name, src, sizeof(dev->name));
}

void drv_set_label(struct drv_dev *dev, const char *src)
{
	(void)strlcpy(dev->label, src, sizeof(dev->label));
}
