#define CONFIG_PEEK_FLAGS 1
#include "peek.h"

long peek_with_flags(struct mm_struct *mm, unsigned long addr)
{
	return peek_page(mm, addr);
}
