/* A module binding widgets: a call on one line, one over several, and
 * statements with a GUP call. */
#include <linux/mm.h>
#include <linux/widget.h>

struct drv_dev {
	struct widget w;
	long pinned;
};

int drv_open(struct drv_dev *d)
{
	return widget_bind(&d->w, NULL, 1);
}

int drv_reopen(struct drv_dev *d, unsigned long flags)
{
	int err = widget_bind(&d->w,
			      NULL,
			      flags | d->w.flags);

	return err;
}

void drv_close(struct drv_dev *d, unsigned long start, struct page **pages)
{
	if (get_user_pages(start, 1, 0, pages, NULL) < 0)
		widget_unbind(&d->w, NULL);
	d->pinned = get_user_pages(start, 1, 0, pages, NULL) + widget_bind(&d->w, NULL, 0);
}
