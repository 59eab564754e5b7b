// TOMOYO: mirrors tomoyo_dump_page() (security/tomoyo/domain.c). At exec time,
// get_user_pages_remote() on the new image's mm with `FOLL_FORCE, &page, NULL,
// NULL);` on the continuation line, between mmap_read_lock/unlock of that mm,
// then `if (ret <= 0) return false;`.
// RUN: %check-rewrite %s %t

#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

struct exec_args {
	struct mm_struct *mm;
};

struct arg_page_dump {
	struct page *page;
	char *data;
};

bool arg_dump_page(struct exec_args *args, unsigned long pos,
		   struct arg_page_dump *dump)
{
	struct page *page;
	int ret;

	if (!dump->data) {
		dump->data = kzalloc(PAGE_SIZE, GFP_KERNEL);
		if (!dump->data)
			return false;
	}
	mmap_read_lock(args->mm);
	ret = get_user_pages_remote(args->mm, pos, 1,
				    FOLL_FORCE, &page, NULL, NULL);
	// CHECK-FIXES: {{^}}	ret = get_user_pages_remote(args->mm, pos, 1,{{$}}
	// CHECK-FIXES-NEXT: {{^}}				    FOLL_FORCE, &page, NULL);{{$}}
	mmap_read_unlock(args->mm);
	if (ret <= 0)
		return false;
	if (page != dump->page) {
		const unsigned int offset = pos % PAGE_SIZE;
		char *kaddr = kmap_atomic(page);

		dump->page = page;
		memcpy(dump->data + offset, kaddr + offset,
		       PAGE_SIZE - offset);
		kunmap_atomic(kaddr);
	}
	put_page(page);
	return true;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void dump_at(const char *what, struct exec_args *args, unsigned long pos,
		    struct arg_page_dump *dump)
{
	bool ok = arg_dump_page(args, pos, dump);

	gup_model_printf("%s = %d, page %s, data \"%.8s\"", what, ok,
			 gup_model_page_name(dump->page),
			 dump->data + pos % PAGE_SIZE);
}

int main(void)
{
	struct arg_page_dump dump = { 0 };
	struct exec_args args;
	unsigned long argv, noread, io;

	gup_model_begin();
	args.mm = gup_model_new_mm("bprm");
	gup_model_use_mm(args.mm);
	argv = gup_model_add_vma("argv", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	noread = gup_model_add_vma("noread", 1, 0, GUP_MODEL_ANON, 0);
	io = gup_model_add_vma("io", 1, VM_READ, GUP_MODEL_IOMEM, 0);
	gup_model_write_user(argv + 16, "/bin/sh", 8);
	gup_model_write_user(argv + PAGE_SIZE + 4, "HOME=/", 7);

	dump_at("argv[0]", &args, argv + 16, &dump);
	dump_at("same page, no copy", &args, argv + 16, &dump);
	dump_at("next page", &args, argv + PAGE_SIZE + 4, &dump);
	dump_at("forced read of a no-access page", &args, noread + 32, &dump);
	gup_model_inject_error(argv, ENOMEM, 1);
	dump_at("ENOMEM", &args, argv + 16, &dump);
	dump_at("io", &args, io, &dump);
	dump_at("hole", &args, argv + 2 * PAGE_SIZE, &dump);
	kfree(dump.data);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: tomoyo-dump-page.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: argv[0] = 1, page argv+0, data "/bin/sh"
// MODEL-NEXT: same page, no copy = 1, page argv+0, data "/bin/sh"
// MODEL-NEXT: next page = 1, page argv+1, data "HOME=/"
// MODEL-NEXT: forced read of a no-access page = 1, page zero, data ""
// MODEL-NEXT: ENOMEM = 0, page zero, data ""
// MODEL-NEXT: io = 0, page zero, data ""
// MODEL-NEXT: hole = 0, page zero, data ""
// MODEL-NEXT: == gup-model summary ==
