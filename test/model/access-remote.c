// Remote access: access_process_vm() on another process's mm (get_task_mm +
// mmput balanced, FOLL_FORCE writes to a read-only private mapping COW),
// copy_to_user/copy_from_user on the current mm, get_dump_page() on holes,
// the zero page and real pages.
// REQUIRES: model
// RUN: %model-cc %s -o %t.604
// RUN: %t.604 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
// RUN: %model-cc -DGUP_MODEL_API=605 %s -o %t.605
// RUN: %t.605 | FileCheck %s --implicit-check-not=MODEL-ERROR --implicit-check-not=LEAK
#include <linux/uaccess.h>
#include "Inputs/model_test.h"

int main(void)
{
	struct mm_struct *other;
	struct task_struct *tsk;
	unsigned long obuf, otext, buf, hole, file;
	char msg[16] = "hello, gup", got[16] = "";
	struct page *page;
	int n;

	gup_model_begin();
	buf = gup_model_add_vma("buf", 2, RW, GUP_MODEL_ANON, 0);
	hole = gup_model_add_vma("lazy", 1, RW, GUP_MODEL_ANON, 0);
	file = gup_model_add_vma("file", 1, VM_READ, GUP_MODEL_FILE, 0);
	other = gup_model_new_mm("other");
	gup_model_use_mm(other);
	obuf = gup_model_add_vma("obuf", 2, RW, GUP_MODEL_ANON, 0);
	otext = gup_model_add_vma("otext", 1, VM_READ, GUP_MODEL_FILE, GUP_MODEL_POPULATE);
	gup_model_use_mm(current->mm);
	tsk = gup_model_task_of(other);

	n = access_process_vm(tsk, obuf + PAGE_SIZE - 4, msg, 11, FOLL_WRITE);
	gup_model_printf("write across pages = %d", n);
	n = access_process_vm(tsk, obuf + PAGE_SIZE - 4, got, 11, 0);
	gup_model_printf("read back = %d \"%s\"", n, got);
	n = access_process_vm(tsk, otext, msg, 5, FOLL_WRITE);
	gup_model_printf("write to read-only text = %d", n);
	n = access_process_vm(tsk, otext, msg, 5, FOLL_WRITE | FOLL_FORCE);
	gup_model_printf("forced write to read-only text = %d", n);

	gup_model_printf("copy_to_user = %lu", copy_to_user((void *)buf, msg, 11));
	got[0] = '\0';
	gup_model_printf("copy_from_user = %lu \"%s\"", copy_from_user(got, (void *)buf, 11), got);
	gup_model_printf("copy_to_user read-only = %lu", copy_to_user((void *)file, msg, 4));

	gup_model_printf("dump hole: %s", gup_model_page_name(get_dump_page(hole)));
	gup_model_printf("dump unmapped: %s", gup_model_page_name(get_dump_page(hole + PAGE_SIZE)));
	page = get_dump_page(buf);
	gup_model_printf("dump buf: %s ref=%d", gup_model_page_name(page), gup_model_page_refs(page));
	put_page(page);
	page = get_dump_page(file);
	gup_model_printf("dump file: %s", gup_model_page_name(page));
	put_page(page);
	gup_model_print_lock("end");
	return gup_model_finish();
}

// CHECK:      write across pages = 11
// CHECK-NEXT: read back = 11 "hello, gup"
// CHECK-NEXT: write to read-only text = 0
// CHECK-NEXT: forced write to read-only text = 5
// CHECK-NEXT: copy_to_user = 0
// CHECK-NEXT: copy_from_user = 0 "hello, gup"
// CHECK-NEXT: copy_to_user read-only = 4
// CHECK-NEXT: dump hole: NULL
// CHECK-NEXT: dump unmapped: NULL
// CHECK-NEXT: dump buf: buf+0 ref=2
// CHECK-NEXT: dump file: file+0
// CHECK-NEXT: end: lock: unlocked
// CHECK:      lock mm: unlocked
// CHECK-NEXT: lock other: unlocked
// CHECK:      page obuf+0 ref=1 pins=0 dirty
// CHECK-NEXT: page obuf+1 ref=1 pins=0 dirty
// CHECK-NEXT: page otext+0/cow ref=1 pins=0 dirty
// CHECK:      result: OK
