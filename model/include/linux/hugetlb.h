#ifndef _GUP_MODEL_LINUX_HUGETLB_H
#define _GUP_MODEL_LINUX_HUGETLB_H

#include <linux/mm.h>

bool is_vm_hugetlb_page(struct vm_area_struct *vma);

#endif
