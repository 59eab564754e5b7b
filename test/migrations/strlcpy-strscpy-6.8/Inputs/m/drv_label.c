/* Sites that a rename would break: strscpy() returns -E2BIG, not a length. */
#include <linux/errno.h>
#include <linux/string.h>

struct drv_tag {
	char text[8];
};

int drv_set_tag(struct drv_tag *tag, const char *src)
{
	if (strlcpy(tag->text, src, sizeof(tag->text)) >= sizeof(tag->text))
		return -E2BIG;
	return 0;
}

void drv_log_tag(struct drv_tag *tag, const char *src)
{
#ifdef CONFIG_DRV_TAG_LOG
	strlcpy(tag->text, src, sizeof(tag->text));
#endif
#ifdef CONFIG_DRV_TAG_TRACE
	/* was strlcpy() before the trace buffer grew */
	pr_debug("strlcpy-free copy of %s\n", src); // strlcpy
#endif
}
