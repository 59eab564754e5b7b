// fs/exec.c: mirrors get_arg_page(). get_user_pages_remote() split over three
// lines with a one-extra-tab continuation, `write ? FOLL_WRITE : 0` on a line
// of its own and `&page, NULL, NULL);` on the last: the locked NULL stays.
// RUN: %check-rewrite %s %t

#include <linux/mm.h>

struct exec_image {
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	unsigned long stack_pages;
};

struct page *exec_get_arg_page(struct exec_image *img, unsigned long pos,
		int write)
{
	struct page *page;
	struct mm_struct *mm = img->mm;
	int ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, pos, 1,
			write ? FOLL_WRITE : 0,
			&page, NULL, NULL);
	// CHECK-FIXES: {{^}}	ret = get_user_pages_remote(mm, pos, 1,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			write ? FOLL_WRITE : 0,{{$}}
	// CHECK-FIXES-NEXT: {{^}}			&page, NULL);{{$}}
	mmap_read_unlock(mm);
	if (ret <= 0)
		return NULL;

	if (write)
		img->stack_pages = (img->vma->vm_end - img->vma->vm_start) >>
				   PAGE_SHIFT;

	return page;
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

/* exec owns the stack VMA for the whole exec: a struct the scenario keeps. */
static struct vm_area_struct stack_vma;

static void arg_page(const char *what, struct exec_image *img,
		     unsigned long pos, int write)
{
	struct page *page = exec_get_arg_page(img, pos, write);

	gup_model_printf("%s: %s refs=%d stack_pages=%lu", what,
			 gup_model_page_name(page),
			 page ? gup_model_page_refs(page) : 0, img->stack_pages);
	if (page)
		put_page(page);
}

int main(void)
{
	struct exec_image img = { .vma = &stack_vma };
	unsigned long stack, ro;

	gup_model_begin();
	img.mm = gup_model_new_mm("bprm");
	gup_model_use_mm(img.mm);
	stack = gup_model_add_vma("stack", 4, VM_READ | VM_WRITE, GUP_MODEL_ANON,
				  GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	stack_vma.vm_start = stack;
	stack_vma.vm_end = stack + 4 * PAGE_SIZE;

	arg_page("read", &img, stack + 8, 0);
	arg_page("write", &img, stack + 3 * PAGE_SIZE, 1);
	gup_model_inject_retry(stack + PAGE_SIZE, 1);
	arg_page("retry (waits, no locked)", &img, stack + PAGE_SIZE, 1);
	gup_model_inject_error(stack + 2 * PAGE_SIZE, ENOMEM, 1);
	arg_page("ENOMEM", &img, stack + 2 * PAGE_SIZE, 1);
	arg_page("hole", &img, stack - PAGE_SIZE, 0);
	arg_page("write to read-only", &img, ro, 1);
	gup_model_set_fatal_signal(true);
	arg_page("fatal signal", &img, stack, 0);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: exec-arg-page.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: read: stack+0 refs=2 stack_pages=0
// MODEL-NEXT: write: stack+3 refs=2 stack_pages=4
// MODEL-NEXT: retry (waits, no locked): stack+1 refs=2 stack_pages=4
// MODEL-NEXT: ENOMEM: NULL refs=0 stack_pages=4
// MODEL-NEXT: hole: NULL refs=0 stack_pages=4
// MODEL-NEXT: write to read-only: NULL refs=0 stack_pages=4
// MODEL-NEXT: fatal signal: NULL refs=0 stack_pages=4
// MODEL-NEXT: == gup-model summary ==
