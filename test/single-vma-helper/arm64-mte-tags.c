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
