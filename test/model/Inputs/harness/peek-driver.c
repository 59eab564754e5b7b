/* Scenario for harness-peek.c: another process's mm with private and shared
 * memory; reads that succeed, hit a hole, an injected -ENOMEM, a FOLL_NOWAIT
 * retry (GUP returns 0) and a shared mapping. API-neutral. */
#include <gup_model.h>

int peek_word(struct mm_struct *mm, unsigned long addr, unsigned int gup_flags,
	      u32 *val);

int main(void)
{
	static const u32 word = 0x11223344;
	struct mm_struct *mm;
	unsigned long data, shared;
	u32 val = 0;
	int ret;

	gup_model_begin();
	mm = gup_model_new_mm("target");
	gup_model_use_mm(mm);
	data = gup_model_add_vma("data", 2, VM_READ | VM_WRITE, GUP_MODEL_ANON, 0);
	shared = gup_model_add_vma("shared", 1, VM_READ | VM_WRITE | VM_SHARED,
				   GUP_MODEL_SHMEM, GUP_MODEL_POPULATE);
	gup_model_write_user(data + 8, &word, sizeof(word));

	ret = peek_word(mm, data + 8, 0, &val);
	gup_model_printf("peek data+8 = %d val=0x%x", ret, val);
	ret = peek_word(mm, data - PAGE_SIZE, 0, &val);
	gup_model_printf("peek hole = %d", ret);
	gup_model_inject_error(data, ENOMEM, 1);
	ret = peek_word(mm, data, 0, &val);
	gup_model_printf("peek ENOMEM = %d", ret);
	gup_model_inject_retry(data + PAGE_SIZE, 1);
	ret = peek_word(mm, data + PAGE_SIZE, FOLL_NOWAIT, &val);
	gup_model_printf("peek NOWAIT retry = %d", ret);
	ret = peek_word(mm, shared, 0, &val);
	gup_model_printf("peek shared = %d", ret);
	return gup_model_finish();
}
