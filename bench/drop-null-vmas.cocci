// The NULL-drop part of the v6.5 GUP migration, for Coccinelle: a call of
// one of the four public GUP functions whose vmas argument is NULL loses
// that argument. Written for bench/ (the comparison point of `make bench`);
// gup-rewrite's own rules do more (see docs/rules.md).

@drop_last@
expression start, nr, flags, pages;
@@
(
 get_user_pages(start, nr, flags, pages
- , NULL
 )
|
 pin_user_pages(start, nr, flags, pages
- , NULL
 )
)

@drop_remote@
expression mm, start, nr, flags, pages, locked;
@@
(
 get_user_pages_remote(mm, start, nr, flags, pages
- , NULL
 , locked)
|
 pin_user_pages_remote(mm, start, nr, flags, pages
- , NULL
 , locked)
)
