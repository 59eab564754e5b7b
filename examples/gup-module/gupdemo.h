/* SPDX-License-Identifier: GPL-2.0 */
#ifndef GUPDEMO_H
#define GUPDEMO_H

struct mm_struct;
struct page;

long gupdemo_fault_in(struct mm_struct *mm, unsigned long start,
		      unsigned long nr_pages, struct page **pages);
int gupdemo_vma_flags(struct mm_struct *mm, unsigned long addr,
		      unsigned long *flags);
long gupdemo_pin_buffer(unsigned long start, unsigned long nr_pages,
			struct page **pages);
void gupdemo_unpin_buffer(struct page **pages, unsigned long nr_pages);

#endif
