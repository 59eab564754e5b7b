// The v6.5 GUP migration as far as Coccinelle takes it: the comparison
// point (e2) of `make bench` for the tool's whole job. Written for bench/:
//   1. single_vma: a get_user_pages_remote() call for one page into &page
//      and &vma, `locked` NULL, whose count is tested right after it,
//      becomes get_user_page_vma_remote() with the test on the page and its
//      error path returning the page's errno;
//   2. dead_vma: &vma passed for one page and never read afterwards goes
//      (it becomes NULL, which 3. drops);
//   3. drop_null: a NULL vmas argument of the four public functions goes;
//   4. prototypes and definitions of the family (the public four and the
//      internal functions of mm/gup.c and hugetlb) lose the parameter, the
//      statements of their bodies that only served it (`if (vmas) S`,
//      `vmas[i] = vma;`) go, and the internal calls lose the argument by
//      position.
// What Coccinelle cannot decide (the CFG questions of vma-after-unlock,
// which count reads survive, arrays read under the lock) is not attempted:
// gup-rewrite does more (docs/rules.md).

@single_vma@
local idexpression struct page *page;
local idexpression struct vm_area_struct *vma;
idexpression ret;
expression mm, addr, flags;
statement S;
@@
- ret = get_user_pages_remote(mm, addr, 1, flags, &page, &vma, NULL);
+ page = get_user_page_vma_remote(mm, addr, flags, &vma);
(
- if (ret <= 0)
+ if (IS_ERR_OR_NULL(page))
  S
|
- if (ret != 1)
+ if (IS_ERR_OR_NULL(page))
  S
)

@single_vma_return depends on single_vma@
idexpression single_vma.ret;
local idexpression struct page *single_vma.page;
@@
  if (IS_ERR_OR_NULL(page))
- return ret;
+ return page ? PTR_ERR(page) : 0;

@dead_vma@
local idexpression struct vm_area_struct *vma;
expression mm, start, flags, pages, locked;
@@
(
  get_user_pages_remote(mm, start, 1, flags, pages,
- &vma
+ NULL
  , locked)
|
  pin_user_pages_remote(mm, start, 1, flags, pages,
- &vma
+ NULL
  , locked)
|
  get_user_pages(start, 1, flags, pages,
- &vma
+ NULL
  )
|
  pin_user_pages(start, 1, flags, pages,
- &vma
+ NULL
  )
)
  ... when != vma

@drop_null@
expression mm, start, nr, flags, pages, locked;
@@
(
  get_user_pages(start, nr, flags, pages
- , NULL
  )
|
  pin_user_pages(start, nr, flags, pages
- , NULL
  )
|
  get_user_pages_remote(mm, start, nr, flags, pages
- , NULL
  , locked)
|
  pin_user_pages_remote(mm, start, nr, flags, pages
- , NULL
  , locked)
)

@prototype@
identifier fn =~ "^(get_user_pages|pin_user_pages|get_user_pages_remote|pin_user_pages_remote|__get_user_pages|__get_user_pages_locked|__gup_longterm_locked|is_valid_gup_args|follow_hugetlb_page)$";
identifier vmas;
type T;
@@
  T fn(...,
- struct vm_area_struct **vmas,
  ...);

@prototype_last@
identifier fn =~ "^(get_user_pages|pin_user_pages)$";
identifier vmas;
type T;
@@
  T fn(...
- , struct vm_area_struct **vmas
  );

@definition@
identifier fn =~ "^(get_user_pages|pin_user_pages|get_user_pages_remote|pin_user_pages_remote|__get_user_pages|__get_user_pages_locked|__gup_longterm_locked|is_valid_gup_args|follow_hugetlb_page)$";
identifier vmas;
type T;
@@
  T fn(...,
- struct vm_area_struct **vmas,
  ...) { ... }

@definition_last@
identifier fn =~ "^(get_user_pages|pin_user_pages)$";
identifier vmas;
type T;
@@
  T fn(...
- , struct vm_area_struct **vmas
  ) { ... }

@dead_param@
identifier fn =~ "^(get_user_pages|pin_user_pages|get_user_pages_remote|pin_user_pages_remote|__get_user_pages|__get_user_pages_locked|__gup_longterm_locked|is_valid_gup_args|follow_hugetlb_page)$";
identifier vmas;
statement S;
expression I, E;
@@
  fn(...) {
  <...
(
- if (vmas)
-   S
|
- vmas[I] = E;
)
  ...>
  }

@internal_calls@
expression A1, A2, A3, A4, A5, A6, A7, A8, V;
@@
(
  __get_user_pages(A1, A2, A3, A4, A5,
- V,
  A6)
|
  __get_user_pages_locked(A1, A2, A3, A4,
- V,
  A5, A6)
|
  __gup_longterm_locked(A1, A2, A3, A4,
- V,
  A5, A6)
|
  is_valid_gup_args(A1,
- V,
  A2, A3, A4)
|
  follow_hugetlb_page(A1, A2, A3,
- V,
  A4, A5, A6, A7, A8)
)
