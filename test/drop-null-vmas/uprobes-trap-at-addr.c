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

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void trap_at(const char *what, struct mm_struct *mm, unsigned long vaddr)
{
	int ret;

	mmap_read_lock(mm);
	ret = probe_is_trap_at(mm, vaddr);
	mmap_read_unlock(mm);
	gup_model_printf("%s = %d", what, ret);
}

int main(void)
{
	static const u8 trap = PROBE_TRAP_INSN, nop = 0x90;
	struct mm_struct *mm, *probed;
	unsigned long text, own;

	gup_model_begin();
	mm = gup_model_mm();
	/* the probed process: copy_from_user() in current fails there */
	probed = gup_model_new_mm("probed");
	gup_model_use_mm(probed);
	text = gup_model_add_vma("text", 2, VM_READ | VM_WRITE | VM_EXEC, GUP_MODEL_FILE, 0);
	gup_model_write_user(text + 0x10, &trap, 1);
	gup_model_write_user(text + PAGE_SIZE, &nop, 1);
	/* current's own text, where the user read succeeds */
	gup_model_use_mm(mm);
	own = gup_model_add_vma_at("own", 0x40000000UL, 1, VM_READ | VM_WRITE,
				   GUP_MODEL_ANON, 0);
	gup_model_write_user(own + 4, &trap, 1);

	trap_at("trap in the probed mm", probed, text + 0x10);
	trap_at("no trap", probed, text + PAGE_SIZE);
	gup_model_use_mm(probed);
	gup_model_inject_error(text, ENOMEM, 1);
	trap_at("ENOMEM", probed, text + 0x10);
	trap_at("hole", probed, text + 2 * PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	trap_at("fatal signal", probed, text + 0x10);
	gup_model_set_fatal_signal(false);
	trap_at("read by copy_from_user", mm, own + 4);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: uprobes-trap-at-addr.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: trap in the probed mm = 1
// MODEL-NEXT: no trap = 0
// MODEL-NEXT: ENOMEM = -12
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: read by copy_from_user = 1
// MODEL-NEXT: == gup-model summary ==
