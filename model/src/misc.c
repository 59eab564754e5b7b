/* Allocators and user-memory copies for kernel-like snippets. */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "internal.h"

#define GM_TASK_SIZE (1UL << 47)

void *kmalloc(size_t size, gfp_t flags)
{
	(void)flags;
	return gm_alloc(size);		/* zeroed, which hides nothing ASan checks */
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kmalloc(n * size, flags);
}

void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	return kcalloc(n, size, flags);
}

void kfree(const void *p)
{
	gm_free(p);
}

void *kvmalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags);
}

void *kvzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags);
}

void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	return kcalloc(n, size, flags);
}

void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kcalloc(n, size, flags);
}

void kvfree(const void *p)
{
	gm_free(p);
}

void *vmalloc(unsigned long size)
{
	return gm_alloc(size);
}

void *vzalloc(unsigned long size)
{
	return gm_alloc(size);
}

void vfree(const void *addr)
{
	gm_free(addr);
}

/* A user access: faults pages in like userspace would (no GUP references,
 * no fault injection). Returns the bytes NOT copied. */
static unsigned long gm_user_copy(struct gm_mm *m, unsigned long addr,
				  void *kbuf, unsigned long n, bool to_user)
{
	char *k = kbuf;

	while (n) {
		struct gm_vma *v = gm_find_vma(m, addr);
		unsigned long off = addr & ~PAGE_MASK, chunk = PAGE_SIZE - off;
		struct gm_page *p;
		char *kaddr;

		if (!v || (v->vm_flags & (VM_IO | VM_PFNMAP)) ||
		    !(v->vm_flags & (to_user ? VM_WRITE : VM_READ)))
			break;
		if (chunk > n)
			chunk = n;
		p = gm_do_fault(v, (addr - v->start) >> PAGE_SHIFT, to_user);
		kaddr = (char *)p->folio->page.virtual + off;
		if (to_user)
			__builtin_memcpy(kaddr, k, chunk);
		else
			__builtin_memcpy(k, kaddr, chunk);
		k += chunk;
		addr += chunk;
		n -= chunk;
	}
	return n;
}

bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= GM_TASK_SIZE && a <= GM_TASK_SIZE - size;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	gm_require_begun("copy_to_user");
	return gm_user_copy(current->mm->model, (unsigned long)to, (void *)from, n, true);
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	gm_require_begun("copy_from_user");
	return gm_user_copy(current->mm->model, (unsigned long)from, to, n, false);
}

int gup_model_write_user(unsigned long addr, const void *buf, unsigned long len)
{
	gm_require_begun("gup_model_write_user");
	return gm_user_copy(gm.cur, addr, (void *)buf, len, true) ? -EFAULT : 0;
}

int gup_model_read_user(unsigned long addr, void *buf, unsigned long len)
{
	gm_require_begun("gup_model_read_user");
	return gm_user_copy(gm.cur, addr, buf, len, false) ? -EFAULT : 0;
}
