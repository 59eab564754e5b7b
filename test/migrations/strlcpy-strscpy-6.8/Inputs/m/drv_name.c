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

void drv_set_names(struct drv_dev *devs, int n, const char *src)
{
	int i;

	/* The right of a comma whose value is dropped: not used either. */
	for (i = 0; i < n; i++, strlcpy(devs[i - 1].name, src, sizeof(devs[i - 1].name)))
		devs[i].label[0] = 0;
}
