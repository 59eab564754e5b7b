/*
 * Which side of the "remove the vmas parameter from GUP APIs" migration these
 * headers describe: 604 (v6.4, the default: GUP functions take `vmas`), 605
 * (v6.5: no `vmas`, get_user_page_vma_remote() may return NULL) or 607 (v6.7:
 * the helper never returns NULL). Select with -DGUP_MODEL_API=605.
 */
#ifndef _GUP_MODEL_LINUX_GUP_MODEL_API_H
#define _GUP_MODEL_LINUX_GUP_MODEL_API_H

#ifndef GUP_MODEL_API
#define GUP_MODEL_API 604
#endif

#endif
