#ifndef NULL_H
#define NULL ((void *)0)
#endif
