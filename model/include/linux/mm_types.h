#ifndef _GUP_MODEL_LINUX_MM_TYPES_H
#define _GUP_MODEL_LINUX_MM_TYPES_H

#include <linux/types.h>

struct file;
struct mm_struct;
struct vm_area_struct;
struct vm_fault;

struct page {
	unsigned long flags;
	int _refcount;
	int _mapcount;
	void *virtual;			/* the model's backing memory */
	unsigned long model_pfn;
	void *model;			/* the model's per-page state */
};

struct folio {
	struct page page;
	int _pincount;
};

struct vm_operations_struct {
	int (*access)(struct vm_area_struct *vma, unsigned long addr,
		      void *buf, int len, int write);
	int (*page_mkwrite)(struct vm_fault *vmf);
};

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct mm_struct *vm_mm;
	unsigned long vm_flags;
	const struct vm_operations_struct *vm_ops;
	struct file *vm_file;
	void *vm_private_data;
};

struct rw_semaphore {
	int readers;
	int writer;
};

struct mm_struct {
	struct rw_semaphore mmap_lock;
	unsigned long flags;
	void *model;			/* the model's private state */
};

/* Bit numbers in mm_struct.flags. */
#define MMF_HAS_PINNED 27

#endif
