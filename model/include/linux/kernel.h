#ifndef _GUP_MODEL_LINUX_KERNEL_H
#define _GUP_MODEL_LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min_t(type, a, b) ((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define max_t(type, a, b) ((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#define swap(a, b) do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

/* WARN_ON*() evaluate to the condition, like the kernel's. */
extern void __gup_model_warn(const char *file, int line, const char *cond);
#define WARN_ON(cond) ({ bool __c = !!(cond); if (unlikely(__c)) __gup_model_warn(__FILE__, __LINE__, #cond); unlikely(__c); })
#define WARN_ON_ONCE(cond) WARN_ON(cond)
#define WARN(cond, ...) WARN_ON(cond)
extern void __gup_model_bug(const char *file, int line) __attribute__((noreturn));
#define BUG() __gup_model_bug(__FILE__, __LINE__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

extern int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define pr_err(...) printk(__VA_ARGS__)
#define pr_warn(...) printk(__VA_ARGS__)
#define pr_info(...) printk(__VA_ARGS__)
#define pr_debug(...) ((void)0)

#endif
