// A loop over one page at a time whose failure path reads the page count
// only under an #ifdef (the shape of __access_remote_vm() with
// CONFIG_HAVE_IOREMAP_PROT). The helper's errno must reach those reads, but
// with the option off nothing reads the count: assigned on the failure path
// it would be set and never read (-Wunused-but-set-variable), and left in
// its declaration it would be unused. It is declared at the top of the
// #else branch instead, with the errno, so every configuration builds
// without a new warning. Parsed with the option off, the count's use in the
// skipped branch is seen in the text: the helper leaves the site to
// single-vma-lookup, which keeps the count.
// RUN: rm -rf %t && mkdir -p %t/on %t/off
// RUN: cp %s %t/on/peek.c && %mkdb %t/on peek.c -- -I%kinclude -DCONFIG_PEEK_DEVICE
// RUN: cp %s %t/off/peek.c && %mkdb %t/off peek.c -- -I%kinclude
// RUN: %kclang -Wunused-but-set-variable -DGUP_MODEL_API=604 -DCONFIG_PEEK_DEVICE %s
// RUN: %kclang -Wunused-but-set-variable -DGUP_MODEL_API=604 %s
// RUN: %gup-rewrite -p %t/on --in-place 2>&1 | FileCheck %s --check-prefix=ON-MESSAGES --allow-empty --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=ON --strict-whitespace --input-file=%t/on/peek.c
// RUN: %kclang -Wunused-but-set-variable -DGUP_MODEL_API=605 -DCONFIG_PEEK_DEVICE %t/on/peek.c
// RUN: %kclang -Wunused-but-set-variable -DGUP_MODEL_API=605 %t/on/peek.c
// RUN: %gup-rewrite -p %t/off --in-place 2>&1 | FileCheck %s --check-prefix=OFF-MESSAGES --allow-empty --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=OFF --strict-whitespace --input-file=%t/off/peek.c
// RUN: %kclang -Wunused-but-set-variable -DGUP_MODEL_API=605 -DCONFIG_PEEK_DEVICE %t/off/peek.c
// RUN: %kclang -Wunused-but-set-variable -DGUP_MODEL_API=605 %t/off/peek.c

#include <linux/errno.h>
#include <linux/mm.h>

int device_peek(struct vm_area_struct *vma, unsigned long addr);

int peek_words(struct mm_struct *mm, unsigned long addr, int len)
{
	struct vm_area_struct *vma;
	int done = 0;

	while (len > 0) {
		int step, got;
		struct page *page = NULL;

		got = get_user_pages_remote(mm, addr, 1, 0, &page, &vma, NULL);
		if (got <= 0) {
#ifndef CONFIG_PEEK_DEVICE
			break;
#else
			vma = vma_lookup(mm, addr);
			if (!vma)
				break;
			if (vma->vm_flags & VM_IO)
				got = device_peek(vma, addr);
			if (got <= 0)
				break;
			step = got;
#endif
		} else {
			step = (vma->vm_flags & VM_WRITE) ? 2 : 1;
			put_page(page);
		}
		done += step;
		len -= step;
		addr += PAGE_SIZE;
	}
	return done;
}
// ON-MESSAGES-NOT: warning
// ON:      {{^}}		int step;{{$}}
// ON-NEXT: {{^}}		struct page *page = NULL;{{$}}
// ON-EMPTY:
// ON-NEXT: {{^}}		page = get_user_page_vma_remote(mm, addr, 0, &vma);{{$}}
// ON-NEXT: {{^}}		if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// ON-NEXT: {{^}}#ifndef CONFIG_PEEK_DEVICE{{$}}
// ON-NEXT: {{^}}			break;{{$}}
// ON-NEXT: {{^}}#else{{$}}
// ON-NEXT: {{^}}			int got = page ? PTR_ERR(page) : 0;{{$}}
// ON-EMPTY:
// ON-NEXT: {{^}}			vma = vma_lookup(mm, addr);{{$}}
// OFF-MESSAGES-NOT: warning
// OFF:      {{^}}		got = get_user_pages_remote(mm, addr, 1, 0, &page, NULL);{{$}}
// OFF-NEXT: {{^}}		if (got <= 0) {{[{]}}{{$}}
// OFF:      {{^}}		} else {{[{]}}{{$}}
// OFF-NEXT: {{^}}			vma = vma_lookup(mm, addr);{{$}}
