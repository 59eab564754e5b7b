/* Given to every TU with -include; only e_forced.c expands the macro. */
#define FORCED_FAULT(addr) get_user_pages(addr, 1, 0, NULL, NULL)
