// io_uring io_pin_pages(): allocate an array of VMAs, long-term pin the
// buffer, walk the array under mmap_lock to refuse file-backed memory, free
// it. By default each vmas[i] read becomes a vma_lookup() of page i's
// address (one per loop iteration) and the array, its allocation, its check
// and its free go away: the checks still run on every kernel. With
// --drop-vma-checks the checking statements go as well, with the loop
// counter they alone used (GUP itself refuses these pins from 6.5).
// RUN: %check-rewrite %s %t
// RUN: %check-rewrite %s %t.drop --prefix=DROP -- --drop-vma-checks

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/hugetlb.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct page **pin_buffer(unsigned long ubuf, unsigned long len, int *npages)
{
	unsigned long start, end, nr_pages;
	struct vm_area_struct **vmas = NULL;
	struct page **pages = NULL;
	int i, pret, ret = -ENOMEM;

	end = (ubuf + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	start = ubuf >> PAGE_SHIFT;
	nr_pages = end - start;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		goto done;

	vmas = kvmalloc_array(nr_pages, sizeof(struct vm_area_struct *),
			      GFP_KERNEL);
	if (!vmas)
		goto done;

	ret = 0;
	mmap_read_lock(current->mm);
	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM,
			      pages, vmas);
	if (pret == nr_pages) {
		struct file *file = vmas[0]->vm_file;

		/* only anonymous memory, shmem or hugetlbfs */
		for (i = 0; i < nr_pages; i++) {
			if (vmas[i]->vm_file != file) {
				ret = -EINVAL;
				break;
			}
			if (!file)
				continue;
			if (!vma_is_shmem(vmas[i]) && !is_file_hugepages(file)) {
				ret = -EOPNOTSUPP;
				break;
			}
		}
		*npages = nr_pages;
	} else {
		ret = pret < 0 ? pret : -EFAULT;
	}
	mmap_read_unlock(current->mm);
	if (ret) {
		if (pret > 0)
			unpin_user_pages(pages, pret);
		goto done;
	}
	ret = 0;
done:
	kvfree(vmas);
	if (ret < 0) {
		kvfree(pages);
		pages = ERR_PTR(ret);
	}
	return pages;
}
// CHECK-FIXES:      {{^}}	unsigned long start, end, nr_pages;{{$}}
// CHECK-FIXES-NEXT: {{^}}	struct page **pages = NULL;{{$}}
// CHECK-FIXES-NEXT: {{^}}	int i, pret, ret = -ENOMEM;{{$}}
// CHECK-FIXES:      {{^}}	if (!pages){{$}}
// CHECK-FIXES-NEXT: {{^}}		goto done;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}	ret = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// CHECK-FIXES-NEXT: {{^}}	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// CHECK-FIXES-NEXT: {{^}}			      pages);{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (pret == nr_pages) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}		struct file *file = vma_lookup(current->mm, ubuf)->vm_file;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}		/* only anonymous memory, shmem or hugetlbfs */{{$}}
// CHECK-FIXES-NEXT: {{^}}		for (i = 0; i < nr_pages; i++) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}			struct vm_area_struct *vma = vma_lookup(current->mm, ubuf + i * PAGE_SIZE);{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}			if (vma->vm_file != file) {{[{]}}{{$}}
// CHECK-FIXES:      {{^}}			if (!vma_is_shmem(vma) && !is_file_hugepages(file)) {{[{]}}{{$}}
// CHECK-FIXES:      {{^}}done:{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret < 0) {{[{]}}{{$}}

// DROP-FIXES:      {{^}}	unsigned long start, end, nr_pages;{{$}}
// DROP-FIXES-NEXT: {{^}}	struct page **pages = NULL;{{$}}
// DROP-FIXES-NEXT: {{^}}	int pret, ret = -ENOMEM;{{$}}
// DROP-FIXES:      {{^}}	if (!pages){{$}}
// DROP-FIXES-NEXT: {{^}}		goto done;{{$}}
// DROP-FIXES-EMPTY:
// DROP-FIXES-NEXT: {{^}}	ret = 0;{{$}}
// DROP-FIXES-NEXT: {{^}}	mmap_read_lock(current->mm);{{$}}
// DROP-FIXES-NEXT: {{^}}	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM,{{$}}
// DROP-FIXES-NEXT: {{^}}			      pages);{{$}}
// DROP-FIXES-NEXT: {{^}}	if (pret == nr_pages) {{[{]}}{{$}}
// DROP-FIXES-NEXT: {{^}}		*npages = nr_pages;{{$}}
// DROP-FIXES-NEXT: {{^}}	} else {{[{]}}{{$}}
// DROP-FIXES:      {{^}}done:{{$}}
// DROP-FIXES-NEXT: {{^}}	if (ret < 0) {{[{]}}{{$}}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree up to the declared differences, which depend on the
// mode: EXPECTED-DIFF for the default rewrite, DROP-DIFF for
// --drop-vma-checks. `%if model` keeps the RUN lines above running when the
// model library is not built.
// A zero-length buffer is not driven: the original then reads vmas[0] of a
// zero-sized array (an oops in the kernel, an ASan error here).
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
// RUN: %if model %{ %model-run --diff-prefix=DROP-DIFF %s %t.model-drop -- --drop-vma-checks | FileCheck %s --check-prefix=MODEL-DROP %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void pin(const char *what, unsigned long ubuf, unsigned long len)
{
	int npages = -1;
	struct page **pages = pin_buffer(ubuf, len, &npages);

	if (IS_ERR(pages)) {
		gup_model_printf("%s = %ld", what, PTR_ERR(pages));
		return;
	}
	gup_model_printf("%s = %d pages, %s .. %s", what, npages,
			 gup_model_page_name(pages[0]),
			 gup_model_page_name(pages[npages - 1]));
	unpin_user_pages(pages, npages);
	kvfree(pages);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, anon, shmem, huge, pfile, sfile,
		      dax, ro, left, right;

	gup_model_begin();
	anon = gup_model_add_vma("anon", 4, rw, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	shmem = gup_model_add_vma("shmem", 2, rw | VM_SHARED, GUP_MODEL_SHMEM, 0);
	huge = gup_model_add_vma("huge", 4, rw | VM_SHARED, GUP_MODEL_HUGETLBFS, 0);
	pfile = gup_model_add_vma("pfile", 2, rw, GUP_MODEL_FILE, 0);
	sfile = gup_model_add_vma("sfile", 2, rw | VM_SHARED, GUP_MODEL_FILE, 0);
	dax = gup_model_add_vma("dax", 1, rw | VM_SHARED, GUP_MODEL_FSDAX, 0);
	ro = gup_model_add_vma("ro", 1, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	/* anonymous memory directly followed by shmem */
	left = gup_model_add_vma_at("left", 0x40000000UL, 1, rw, GUP_MODEL_ANON, 0);
	right = gup_model_add_vma_at("right", left + PAGE_SIZE, 1, rw | VM_SHARED,
				     GUP_MODEL_SHMEM, 0);

	pin("anon", anon, 4 * PAGE_SIZE);
	pin("anon, unaligned: 2 pages", anon + 0x800, PAGE_SIZE);
	pin("shmem", shmem, 2 * PAGE_SIZE);
	pin("hugetlbfs", huge, 4 * PAGE_SIZE);
	pin("private file", pfile, 2 * PAGE_SIZE);
	pin("shared file", sfile, 2 * PAGE_SIZE);
	pin("fsdax", dax, PAGE_SIZE);
	pin("anon then shmem", left + 0x10, PAGE_SIZE);
	pin("shmem then hole", right, 2 * PAGE_SIZE);
	pin("past the end: partial pin undone", anon + 2 * PAGE_SIZE, 4 * PAGE_SIZE);
	gup_model_inject_error(anon, ENOMEM, 1);
	pin("ENOMEM", anon, PAGE_SIZE);
	pin("read-only", ro, PAGE_SIZE);
	pin("hole", anon - PAGE_SIZE, PAGE_SIZE);
	gup_model_set_fatal_signal(true);
	pin("fatal signal", anon, PAGE_SIZE);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// Both modes: from 6.5 GUP itself refuses a long-term writable pin of a
// dirty-tracked shared file mapping (-EFAULT, before touching its pages);
// before, the pin succeeded and io_uring's own check refused the file with
// -EOPNOTSUPP. A kernel change of the same window, not the rewrite's.
// EXPECTED-DIFF: -shared file = -95 +shared file = -14
// EXPECTED-DIFF: -page sfile+0 ref=1 pins=0
// EXPECTED-DIFF: -page sfile+1 ref=1 pins=0
// EXPECTED-DIFF: -foll-pin: acquired=21 released=21 +foll-pin: acquired=19 released=19
// DROP-DIFF: -shared file = -95 +shared file = -14
// DROP-DIFF: -page sfile+0 ref=1 pins=0
// DROP-DIFF: -page sfile+1 ref=1 pins=0
// DROP-DIFF: -foll-pin: acquired=21 released=21 +foll-pin: acquired=19 released=19
// --drop-vma-checks only (the behaviour change docs/rules.md documents): with
// io_uring's check gone, file-backed memory GUP accepts is pinned, a private
// file mapping and a buffer spanning two VMAs (anon, then shmem) included.
// DROP-DIFF: -private file = -95 +private file = 2 pages, pfile+0/cow .. pfile+1/cow
// DROP-DIFF: -anon then shmem = -22 +anon then shmem = 2 pages, left+0 .. right+0

// MODEL: model_run: PASS: io-uring-pin-pages.c: API 604 and API 605 traces agree up to 6 expected difference line(s) ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: anon = 4 pages, anon+0 .. anon+3
// MODEL-NEXT: anon, unaligned: 2 pages = 2 pages, anon+0 .. anon+1
// MODEL-NEXT: shmem = 2 pages, shmem+0 .. shmem+1
// MODEL-NEXT: hugetlbfs = 4 pages, huge+0 .. huge+3
// MODEL-NEXT: private file = -95
// MODEL-NEXT: shared file = -95
// MODEL-NEXT: fsdax = -95
// MODEL-NEXT: anon then shmem = -22
// MODEL-NEXT: shmem then hole = -14
// MODEL-NEXT: past the end: partial pin undone = -14
// MODEL-NEXT: ENOMEM = -12
// MODEL-NEXT: read-only = -14
// MODEL-NEXT: hole = -14
// MODEL-NEXT: fatal signal = -4
// MODEL-NEXT: == gup-model summary ==
// MODEL-DROP: model_run: PASS: io-uring-pin-pages.c: API 604 and API 605 traces agree up to 10 expected difference line(s) ({{[0-9]+}} lines; rewrite by gup-rewrite --drop-vma-checks)
