// Return values of the core walk: nr_pages == 0 gives 0; an error after at
// least one page is swallowed and the count returned (pages[0..ret) hold
// references); an error on the first page is returned as -errno. Covers the
// VMA checks: holes, VM_IO|VM_PFNMAP, missing VM_WRITE/VM_READ without
// FOLL_FORCE, forced writes (COW of private mappings only), FOLL_ANON.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include "Inputs/model_test.h"

static long get(const char *what, unsigned long start, unsigned long n,
		unsigned int flags)
{
	struct page *pages[8];
	long ret, i;

	ret = T_GUP(start, n, flags, pages, NULL);
	gup_model_printf("%s = %ld", what, ret);
	for (i = 0; i < ret; i++) {
		gup_model_printf("  %s", gup_model_page_name(pages[i]));
		put_page(pages[i]);
	}
	return ret;
}

int main(void)
{
	unsigned long buf, ro, io, file, priv, shro, noread;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 3, RW, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	ro = gup_model_add_vma("ro", 2, VM_READ, GUP_MODEL_ANON, GUP_MODEL_POPULATE);
	io = gup_model_add_vma("io", 2, RW, GUP_MODEL_IOMEM, 0);
	file = gup_model_add_vma("file", 2, RW | VM_SHARED, GUP_MODEL_FILE, 0);
	priv = gup_model_add_vma("priv", 2, VM_READ, GUP_MODEL_FILE, 0);
	shro = gup_model_add_vma("shro", 2, VM_READ | VM_SHARED, GUP_MODEL_FILE, 0);
	noread = gup_model_add_vma("noread", 1, 0, GUP_MODEL_ANON, 0);

	mmap_read_lock(current->mm);
	get("zero pages", buf, 0, 0);
	get("zero pages at a hole", buf - PAGE_SIZE, 0, 0);
	get("whole vma", buf, 3, FOLL_WRITE);
	get("past the end", buf + PAGE_SIZE, 5, FOLL_WRITE);
	get("starts in a hole", buf - PAGE_SIZE, 2, 0);
	get("unaligned start", buf + 100, 1, 0);
	get("io", io, 2, 0);
	get("write to read-only", ro, 1, FOLL_WRITE);
	get("forced write to read-only private", ro, 2, FOLL_WRITE | FOLL_FORCE);
	get("forced write to read-only private file", priv, 1, FOLL_WRITE | FOLL_FORCE);
	get("forced write to read-only shared file", shro, 1, FOLL_WRITE | FOLL_FORCE);
	get("read no-access", noread, 1, 0);
	get("forced read no-access", noread, 1, FOLL_FORCE);
	get("FOLL_ANON on a file", file, 1, FOLL_ANON);
	get("FOLL_ANON on anon", buf, 1, FOLL_ANON);
	get("fault-in only", file, 2, FOLL_WRITE);
	mmap_read_unlock(current->mm);
	return gup_model_finish();
}

// CHECK:      zero pages = 0
// CHECK-NEXT: zero pages at a hole = 0
// CHECK-NEXT: whole vma = 3
// CHECK-NEXT:   buf+0
// CHECK-NEXT:   buf+1
// CHECK-NEXT:   buf+2
// CHECK-NEXT: past the end = 2
// CHECK-NEXT:   buf+1
// CHECK-NEXT:   buf+2
// CHECK-NEXT: starts in a hole = -14
// CHECK-NEXT: unaligned start = 1
// CHECK-NEXT:   buf+0
// CHECK-NEXT: io = -14
// CHECK-NEXT: write to read-only = -14
// CHECK-NEXT: forced write to read-only private = 2
// CHECK-NEXT:   ro+0
// CHECK-NEXT:   ro+1
// CHECK-NEXT: forced write to read-only private file = 1
// CHECK-NEXT:   priv+0/cow
// CHECK-NEXT: forced write to read-only shared file = -14
// CHECK-NEXT: read no-access = -14
// CHECK-NEXT: forced read no-access = 1
// CHECK-NEXT:   zero
// CHECK-NEXT: FOLL_ANON on a file = -14
// CHECK-NEXT: FOLL_ANON on anon = 1
// CHECK-NEXT:   buf+0
// CHECK-NEXT: fault-in only = 2
// CHECK-NEXT:   file+0
// CHECK-NEXT:   file+1
// CHECK:      result: OK
