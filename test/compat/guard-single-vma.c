// --compat=guard with a single-VMA use: the new branch uses
// get_user_page_vma_remote() (6.5 on; its NULL and ERR_PTR results are both
// handled, so 6.7 builds too), the old branch keeps the old call and its
// count test. The statements after the test are shared.
// RUN: %check-rewrite %s %t -- --compat=guard

#include <linux/errno.h>
#include <linux/mm.h>
// CHECK-FIXES:      {{^}}#include <linux/mm.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <linux/version.h>{{$}}

int drv_vma_is_writable(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	int ret;

	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, &vma, NULL);
	if (ret <= 0) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	ret = !!(vma->vm_flags & VM_WRITE);
	put_page(page);
	mmap_read_unlock(mm);
	return ret;
}
// CHECK-FIXES:      {{^}}	mmap_read_lock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0){{$}}
// CHECK-FIXES-NEXT: {{^}}	page = get_user_page_vma_remote(mm, addr, FOLL_FORCE, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return -EFAULT;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, &vma, NULL);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret <= 0) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		mmap_read_unlock(mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return -EFAULT;{{$}}
// CHECK-FIXES-NEXT: {{^}}	}{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}	ret = !!(vma->vm_flags & VM_WRITE);{{$}}

// Behaviour on the GUP reference model (docs/model.md): the guarded output
// runs against the 6.4 API (old branch), 6.5 and 6.7 (new branch, NULL and
// ERR_PTR results); each trace must equal the original's on 6.4.
// RUN: %if model %{ %model-run %s %t.m604 --api-after=604 -- --compat=guard | FileCheck %s --check-prefix=MODEL604 %}
// RUN: %if model %{ %model-run %s %t.m605 --api-after=605 -- --compat=guard | FileCheck %s --check-prefix=MODEL605 %}
// RUN: %if model %{ %model-run %s %t.m607 --api-after=607 -- --compat=guard | FileCheck %s --check-prefix=MODEL607 %}
// The same through --compat=header (the header's backport of
// get_user_page_vma_remote() on 6.4, the kernel's on 6.5):
// RUN: %if model %{ %model-run %s %t.h604 --api-after=604 -- --compat=header | FileCheck %s --check-prefix=MODEL604 %}
// RUN: %if model %{ %model-run %s %t.h605 --api-after=605 -- --compat=header | FileCheck %s --check-prefix=MODEL605 %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

int main(void)
{
	unsigned long buf, shared, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	shared = gup_model_add_vma("shm", 1, VM_READ | VM_WRITE | VM_SHARED,
				   GUP_MODEL_ANON, GUP_MODEL_POPULATE);

	gup_model_printf("buf: %d", drv_vma_is_writable(mm, buf));
	gup_model_printf("ro: %d", drv_vma_is_writable(mm, ro));
	gup_model_printf("shm: %d", drv_vma_is_writable(mm, shared + 8));
	gup_model_printf("hole: %d", drv_vma_is_writable(mm, ro + PAGE_SIZE));
	gup_model_inject_error(buf, EHWPOISON, 1);
	gup_model_printf("poisoned: %d", drv_vma_is_writable(mm, buf));
	return gup_model_finish();
}
#endif
// MODEL604: model_run: PASS: guard-single-vma.c: API 604 and API 604 traces agree
// MODEL605: model_run: PASS: guard-single-vma.c: API 604 and API 605 traces agree
// MODEL607: model_run: PASS: guard-single-vma.c: API 604 and API 607 traces agree
