// mm/memory.c __access_remote_vm(): when GUP fails, the VM_IO | VM_PFNMAP
// fallback looks the VMA up itself and may read the count again. The
// rewrite keeps that path exact: the failed call's errno lands in the count
// before the fallback runs, and the fallback's own vma_lookup() is kept, so
// no VMA the helper did not write is ever read. Only that #else branch uses
// the count now, so it is declared there (as upstream did): with the option
// off there is no count left to be unused (count-read-under-ifdef.c).
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>

#define CONFIG_HAVE_IOREMAP_PROT 1

int access_remote(struct mm_struct *mm, unsigned long addr, void *buf,
		  int len, unsigned int gup_flags)
{
	struct vm_area_struct *vma;
	void *old_buf = buf;
	int write = gup_flags & FOLL_WRITE;

	if (mmap_read_lock_killable(mm))
		return 0;

	vma = vma_lookup(mm, addr);
	if (!vma)
		return 0;

	while (len) {
		int bytes, ret, offset;
		void *maddr;
		struct page *page = NULL;

		ret = get_user_pages_remote(mm, addr, 1,
				gup_flags, &page, &vma, NULL);
		if (ret <= 0) {
#ifndef CONFIG_HAVE_IOREMAP_PROT
			break;
#else
			vma = vma_lookup(mm, addr);
			if (!vma)
				break;
			if (vma->vm_ops && vma->vm_ops->access)
				ret = vma->vm_ops->access(vma, addr, buf,
							  len, write);
			if (ret <= 0)
				break;
			bytes = ret;
#endif
		} else {
			bytes = len;
			offset = addr & (PAGE_SIZE - 1);
			if (bytes > PAGE_SIZE - offset)
				bytes = PAGE_SIZE - offset;

			maddr = kmap(page);
			if (write)
				copy_to_user_page(vma, page, addr,
						  maddr + offset, buf, bytes);
			else
				copy_from_user_page(vma, page, addr,
						    buf, maddr + offset, bytes);
			kunmap(page);
			put_page(page);
		}
		len -= bytes;
		buf += bytes;
		addr += bytes;
	}
	mmap_read_unlock(mm);

	return buf - old_buf;
}
// CHECK-FIXES:      {{^}}		int bytes, offset;{{$}}
// CHECK-FIXES-NEXT: {{^}}		void *maddr;{{$}}
// CHECK-FIXES-NEXT: {{^}}		struct page *page = NULL;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}		page = get_user_page_vma_remote(mm, addr, gup_flags, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}#ifndef CONFIG_HAVE_IOREMAP_PROT{{$}}
// CHECK-FIXES-NEXT: {{^}}			break;{{$}}
// CHECK-FIXES-NEXT: {{^}}#else{{$}}
// CHECK-FIXES-NEXT: {{^}}			int ret = page ? PTR_ERR(page) : 0;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}			vma = vma_lookup(mm, addr);{{$}}
// CHECK-FIXES:      {{^}}		} else {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}			bytes = len;{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>
#include <linux/string.h>

static void access(const char *what, struct mm_struct *mm, unsigned long addr,
		   int len, unsigned int gup_flags)
{
	char buf[16] = "................";
	int n;

	if (gup_flags & FOLL_WRITE)
		memcpy(buf, "WRITTEN-BY-PEER!", 16);
	n = access_remote(mm, addr, buf, len, gup_flags);
	gup_model_printf("%s = %d \"%.16s\"", what, n, buf);
	if (gup_model_lock_held()) {
		/* the snippet returns early with mmap_lock held; say so */
		gup_model_print_lock(what);
		gup_model_unlock_if_held();
	}
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, buf, io, ro;
	struct mm_struct *mm;

	gup_model_begin();
	mm = gup_model_new_mm("peer");
	gup_model_use_mm(mm);
	buf = gup_model_add_vma("buf", 2, rw, GUP_MODEL_ANON, 0);
	io = gup_model_add_vma("io", 2, rw, GUP_MODEL_IOMEM, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	gup_model_write_user(buf + PAGE_SIZE - 4, "abcdefgh", 8);
	gup_model_write_user(buf + 2 * PAGE_SIZE - 6, "uvwxyz", 6);

	access("read across a page boundary", mm, buf + PAGE_SIZE - 4, 8, 0);
	access("write", mm, buf + 100, 16, FOLL_WRITE);
	access("read it back", mm, buf + 100, 16, 0);
	access("read past the end of the vma", mm, buf + 2 * PAGE_SIZE - 6, 16, 0);
	gup_model_inject_error(buf + PAGE_SIZE, ENOMEM, 1);
	access("ENOMEM on the second page", mm, buf + PAGE_SIZE - 4, 8, 0);
	gup_model_inject_retry(buf, 1);
	access("fault retry (waits, no locked)", mm, buf + PAGE_SIZE - 4, 8, 0);
	gup_model_inject_retry(buf + PAGE_SIZE, 1);
	access("FOLL_NOWAIT retry: GUP returns 0", mm, buf + PAGE_SIZE - 4, 8,
	       FOLL_NOWAIT);
	access("write to device memory (vm_ops->access)", mm, io + PAGE_SIZE - 8, 16,
	       FOLL_WRITE);
	access("read device memory (vm_ops->access)", mm, io + PAGE_SIZE - 8, 16, 0);
	access("write to read-only", mm, ro, 4, FOLL_WRITE);
	access("unmapped start", mm, buf - PAGE_SIZE, 4, 0);
	gup_model_set_fatal_signal(true);
	access("fatal signal", mm, buf, 4, 0);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: access-remote-vm.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: read across a page boundary = 8 "abcdefgh........"
// MODEL-NEXT: write = 16 "WRITTEN-BY-PEER!"
// MODEL-NEXT: read it back = 16 "WRITTEN-BY-PEER!"
// MODEL-NEXT: read past the end of the vma = 6 "uvwxyz.........."
// MODEL-NEXT: ENOMEM on the second page = 4 "abcd............"
// MODEL-NEXT: fault retry (waits, no locked) = 8 "abcdefgh........"
// MODEL-NEXT: FOLL_NOWAIT retry: GUP returns 0 = 4 "abcd............"
// MODEL-NEXT: write to device memory (vm_ops->access) = 16 "WRITTEN-BY-PEER!"
// MODEL-NEXT: read device memory (vm_ops->access) = 16 "WRITTEN-BY-PEER!"
// MODEL-NEXT: write to read-only = 0 "WRITTEN-BY-PEER!"
// MODEL-NEXT: unmapped start = 0 "................"
// MODEL-NEXT: unmapped start: lock: read(1)
// MODEL-NEXT: fatal signal = 0 "................"
// MODEL-NEXT: == gup-model summary ==
