// arm64 MTE: a loop walks the pages of a remote mm one by one, reads the VMA
// of each, and breaks on failure. The count is still read after the loop
// (an error code is chosen from it), so it is kept exact on both paths:
// the errno of the failed call, and 1 after a successful one.
// RUN: %check-rewrite %s %t

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/uaccess.h>

struct tag_iov {
	void __user *base;
	size_t len;
};

static unsigned long copy_tags_out(void __user *to, const void *from,
				   unsigned long n)
{
	return copy_to_user(to, from, n) ? 0 : n;
}

static int access_remote_tags(struct mm_struct *mm, unsigned long addr,
			      struct tag_iov *iov, unsigned int gup_flags)
{
	struct vm_area_struct *vma;
	void __user *buf = iov->base;
	size_t len = iov->len;
	int ret;

	if (mmap_read_lock_killable(mm))
		return -EIO;

	while (len) {
		unsigned long tags;
		struct page *page = NULL;

		ret = get_user_pages_remote(mm, addr, 1, gup_flags, &page,
					    &vma, NULL);
		if (ret <= 0)
			break;
// CHECK-FIXES:      {{^}}		page = get_user_page_vma_remote(mm, addr, gup_flags, &vma);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (IS_ERR_OR_NULL(page)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}			ret = page ? PTR_ERR(page) : 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}			break;{{$}}
// CHECK-FIXES-NEXT: {{^}}		}{{$}}
// CHECK-FIXES-NEXT: {{^}}		ret = 1;{{$}}

		if (!(vma->vm_flags & VM_MTE)) {
			ret = -EOPNOTSUPP;
			put_page(page);
			break;
		}
		tags = min(len, PAGE_SIZE - offset_in_page(addr));
		tags = copy_tags_out(buf, page_address(page), tags);
		put_page(page);
		if (!tags)
			break;
		len -= tags;
		buf += tags;
		addr += tags;
	}
	mmap_read_unlock(mm);

	iov->len = buf - iov->base;
	if (!iov->len) {
		if (ret <= 0)
			return -EIO;
		else
			return -EFAULT;
	}
	return 0;
}

int read_remote_tags(struct mm_struct *mm, unsigned long addr,
		     struct tag_iov *iov)
{
	return access_remote_tags(mm, addr, iov, 0);
}

// Equivalence on the GUP reference model (docs/model.md, %model-run): the
// scenario below runs against the 6.4 API and, rewritten, against 6.5; the
// traces must agree. `%if model` keeps the RUN lines above running when the
// model library is not built.
// RUN: %if model %{ %model-run --print-traces %s %t.model | FileCheck %s --check-prefix=MODEL %}
#ifdef GUP_MODEL_SCENARIO
#include <gup_model.h>

static void tags(const char *what, struct mm_struct *mm, unsigned long addr,
		 unsigned long to, size_t len)
{
	struct tag_iov iov = { .base = (void __user *)to, .len = len };
	char first[4] = "....";
	int ret = read_remote_tags(mm, addr, &iov);

	gup_model_read_user(to, first, iov.len < 4 ? iov.len : 4);
	gup_model_printf("%s = %d, %zu bytes \"%.4s\"", what, ret, iov.len, first);
}

int main(void)
{
	unsigned long rw = VM_READ | VM_WRITE, out, mte, plain;
	struct mm_struct *mm, *peer;

	gup_model_begin();
	mm = gup_model_mm();
	out = gup_model_add_vma("out", 4, rw, GUP_MODEL_ANON, 0);
	peer = gup_model_new_mm("peer");
	gup_model_use_mm(peer);
	mte = gup_model_add_vma_at("mte", 0x20000000UL, 2, rw | VM_MTE,
				   GUP_MODEL_ANON, 0);
	/* right after the tagged VMA, an untagged one */
	plain = gup_model_add_vma_at("plain", mte + 2 * PAGE_SIZE, 1, rw,
				     GUP_MODEL_ANON, 0);
	gup_model_write_user(mte, "TAGS", 4);
	gup_model_write_user(mte + PAGE_SIZE, "MORE", 4);
	gup_model_use_mm(mm);

	tags("two tagged pages from +0x10", peer, mte + 0x10, out, 2 * PAGE_SIZE - 0x10);
	tags("untagged vma", peer, plain, out, 16);
	tags("runs into the untagged vma", peer, mte + PAGE_SIZE, out, 2 * PAGE_SIZE);
	gup_model_use_mm(peer);
	gup_model_inject_error(mte + PAGE_SIZE, ENOMEM, 1);
	gup_model_use_mm(mm);
	tags("ENOMEM on the second page", peer, mte + 0x10, out, PAGE_SIZE);
	tags("hole", peer, mte - PAGE_SIZE, out, 16);
	tags("copy_to_user fails", peer, mte + 0x10, out + 4 * PAGE_SIZE, 16);
	gup_model_set_fatal_signal(true);
	tags("fatal signal", peer, mte, out, 16);
	gup_model_set_fatal_signal(false);
	return gup_model_finish();
}
#endif

// MODEL: model_run: PASS: arm64-mte-tags.c: API 604 and API 605 traces agree ({{[0-9]+}} lines; rewrite by gup-rewrite)
// MODEL-NEXT: --- before trace ---
// MODEL-NEXT: two tagged pages from +0x10 = 0, 8176 bytes "TAGS"
// MODEL-NEXT: untagged vma = -5, 0 bytes "...."
// MODEL-NEXT: runs into the untagged vma = 0, 4096 bytes "MORE"
// MODEL-NEXT: ENOMEM on the second page = 0, 4080 bytes "TAGS"
// MODEL-NEXT: hole = -5, 0 bytes "...."
// MODEL-NEXT: copy_to_user fails = -14, 0 bytes "...."
// MODEL-NEXT: fatal signal = -5, 16 bytes "TAGS"
// MODEL-NEXT: == gup-model summary ==
