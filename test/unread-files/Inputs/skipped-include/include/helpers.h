static inline void copy_name(char *d, const char *s)
{
	strlcpy(d, s, 16);
}
