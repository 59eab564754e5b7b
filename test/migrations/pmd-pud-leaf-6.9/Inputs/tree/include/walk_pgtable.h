/* A tree that defines the old API itself (as a kernel tree does). */
#ifndef WALK_PGTABLE_H
#define WALK_PGTABLE_H

typedef struct { unsigned long val; } pmd_t;

static inline int pmd_large(pmd_t pmd)
{
	return (pmd.val & 0x80UL) != 0;
}

#endif
