// uprobes: mirrors is_trap_at_addr() (kernel/events/uprobes.c). After a failed
// user read, `result = get_user_pages_remote(mm, vaddr, 1, FOLL_FORCE, &page,`
// continues with `NULL, NULL);` alone on the next line: only the vmas NULL
// goes, the locked NULL keeps that line.
// RUN: %check-rewrite %s %t

#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>

typedef u8 probe_insn_t;
#define PROBE_TRAP_INSN		0xcc

static void read_from_page(struct page *page, unsigned long vaddr, void *dst,
			   int len)
{
	void *kaddr = kmap_atomic(page);

	memcpy(dst, kaddr + (vaddr & ~PAGE_MASK), len);
	kunmap_atomic(kaddr);
}

int probe_is_trap_at(struct mm_struct *mm, unsigned long vaddr)
{
	struct page *page;
	probe_insn_t opcode;
	int result;

	if (!copy_from_user(&opcode, (void __user *)vaddr, sizeof(opcode)))
		goto out;

	result = get_user_pages_remote(mm, vaddr, 1, FOLL_FORCE, &page,
			NULL, NULL);
	// CHECK-FIXES: {{^}}	result = get_user_pages_remote(mm, vaddr, 1, FOLL_FORCE, &page,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			NULL);{{$}}
	if (result < 0)
		return result;

	read_from_page(page, vaddr, &opcode, sizeof(opcode));
	put_page(page);
 out:
	return opcode == PROBE_TRAP_INSN;
}
