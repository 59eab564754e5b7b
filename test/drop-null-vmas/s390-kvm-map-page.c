// s390 KVM: mirrors get_map_page() (arch/s390/kvm/interrupt.c). The result of
// get_user_pages_remote() is ignored (the page pointer, preset to NULL, is the
// result); `&page, NULL, NULL);` on the continuation line loses one NULL.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

struct guest_vm {
	struct mm_struct *mm;
};

static struct page *guest_map_page(struct guest_vm *vm, u64 uaddr)
{
	struct page *page = NULL;

	mmap_read_lock(vm->mm);
	get_user_pages_remote(vm->mm, uaddr, 1, FOLL_WRITE,
			      &page, NULL, NULL);
	// CHECK-FIXES: {{^}}	get_user_pages_remote(vm->mm, uaddr, 1, FOLL_WRITE,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			      &page, NULL);{{$}}
	mmap_read_unlock(vm->mm);
	return page;
}

int guest_set_indicator(struct guest_vm *vm, u64 uaddr, unsigned long bit)
{
	struct page *page;
	unsigned long *map;

	page = guest_map_page(vm, uaddr);
	if (!page)
		return -EFAULT;
	map = page_address(page);
	map[(uaddr % PAGE_SIZE) / sizeof(long)] |= 1UL << bit;
	set_page_dirty_lock(page);
	put_page(page);
	return 0;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void indicator(const char *what, struct guest_vm *vm, u64 uaddr,
		      unsigned long bit)
{
	int ret = guest_set_indicator(vm, uaddr, bit);
	unsigned long word = 0;

	gup_model_read_user(uaddr & ~(u64)(sizeof(long) - 1), &word, sizeof(word));
	gup_model_printf("%s = %d, word 0x%lx", what, ret, word);
}

int main(void)
{
	struct guest_vm vm;
	unsigned long ind, ro;

	gup_model_begin();
	vm.mm = gup_model_new_mm("guest");
	gup_model_use_mm(vm.mm);
	ind = gup_model_add_vma("ind", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	indicator("set bit 3 of word 1", &vm, ind + 8, 3);
	indicator("set bit 0 of the same word", &vm, ind + 8, 0);
	gup_model_inject_retry(ind + PAGE_SIZE, 1);
	indicator("fault retry (waits, no locked)", &vm, ind + PAGE_SIZE, 5);
	gup_model_inject_error(ind, ENOMEM, 1);
	indicator("ENOMEM", &vm, ind + 8, 1);
	indicator("read-only", &vm, ro, 1);
	indicator("hole", &vm, ind + 2 * PAGE_SIZE, 1);
	gup_model_set_fatal_signal(true);
	indicator("fatal signal", &vm, ind, 2);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: s390-kvm-map-page.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: set bit 3 of word 1 = 0, word 0x8
// MODEL-NEXT: set bit 0 of the same word = 0, word 0x9
// MODEL-NEXT: fault retry (waits, no locked) = 0, word 0x20
// MODEL-NEXT: ENOMEM = -14, word 0x9
// MODEL-NEXT: read-only = -14, word 0x0
// MODEL-NEXT: hole = -14, word 0x0
// MODEL-NEXT: fatal signal = -14, word 0x0
// MODEL-NEXT: == gup-model summary ==
