static inline long pin_one(unsigned long addr, struct page **page)
{
	return pin_user_pages(addr, 1, 0, page, NULL);
}
