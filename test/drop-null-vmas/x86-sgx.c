// x86 SGX: adding an enclave page reads the source page with get_user_pages()
// after checking the VMA with find_vma() itself; vmas is NULL, last argument.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>

struct enclave_page_info {
	unsigned long contents;
	unsigned long flags;
};

int enclave_copy_source(struct enclave_page_info *info, unsigned long src)
{
	struct vm_area_struct *vma;
	struct page *src_page;
	int ret;

	vma = find_vma(current->mm, src);
	if (!vma)
		return -EFAULT;
	if (!(vma->vm_flags & VM_EXEC))
		return -EPERM;

	ret = get_user_pages(src, 1, 0, &src_page, NULL);
	// CHECK-FIXES: ret = get_user_pages(src, 1, 0, &src_page);
	if (ret < 1)
		return -EFAULT;

	info->contents = (unsigned long)kmap_atomic(src_page);
	kunmap_atomic((void *)info->contents);
	put_page(src_page);
	return 0;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void copy_source(const char *what, unsigned long src)
{
	struct enclave_page_info info = { 0 };
	int ret;

	mmap_read_lock(current->mm);
	ret = enclave_copy_source(&info, src);
	mmap_read_unlock(current->mm);
	gup_model_printf("%s = %d", what, ret);
}

int main(void)
{
	unsigned long data, src, xonly;

	gup_model_begin();
	data = gup_model_add_vma("data", 1, VM_READ | VM_WRITE, GUP_MODEL_ANON,
				 GUP_MODEL_POPULATE);
	src = gup_model_add_vma("src", 2, VM_READ | VM_EXEC, GUP_MODEL_FILE, 0);
	xonly = gup_model_add_vma("xonly", 1, VM_EXEC, GUP_MODEL_FILE, 0);

	copy_source("executable source page", src + PAGE_SIZE);
	copy_source("not executable", data);
	copy_source("hole below an executable vma", src - PAGE_SIZE);
	gup_model_inject_error(src, ENOMEM, 1);
	copy_source("ENOMEM", src);
	copy_source("execute-only", xonly);
	copy_source("above every vma", xonly + PAGE_SIZE);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: x86-sgx.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: executable source page = 0
// MODEL-NEXT: not executable = -1
// MODEL-NEXT: hole below an executable vma = -14
// MODEL-NEXT: ENOMEM = -14
// MODEL-NEXT: execute-only = -14
// MODEL-NEXT: above every vma = -14
// MODEL-NEXT: == gup-model summary ==
