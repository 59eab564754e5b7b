#!/usr/bin/env python3
"""Generated call sites of the GUP family, thousands of them.

usage:
  gen_shapes.py check  (--group=G [--seed=S] [--count=N] | --only ID...)
                       --tool=GUP_REWRITE --clang=CLANG --include=DIR
                       [--clang-tidy=CLANG_TIDY --plugin=LIBGUPTIDY]
                       --workdir=DIR [-j N] [--per-file=K] [--verdicts]
  gen_shapes.py fuzz   [--seed=S] [--count=N] (the same tool options)
  gen_shapes.py show   ID...            a variant alone, as a complete C file
  gen_shapes.py list   --group=G [--seed=S] [--count=N]
  gen_shapes.py coverage [--seed=S] [--group-count=G=N ...]
  gen_shapes.py groups

Every variant is a small piece of C (a function, with the macros, structs
and callers it needs) around one call of the family or of a look-alike,
chosen by a random generator seeded from its id "GROUP:SEED:INDEX": the same
id always gives the same text, whatever else is generated, so a failure is
reproduced by its id alone (`show` prints it as a file that compiles on its
own against the 6.4 model API).

`check` writes the variants, K to a file (one TU per file, all in one
compile database), and then
  1. compiles the originals against the 6.4 model API (-Wall -Werror): a
     variant that does not is a bug of this generator;
  2. runs gup-rewrite once over all files (-j, --in-place, --force-api for
     the four APIs, so that each site is migrated or reported on its own as
     clang-tidy does, instead of one reported site holding back every other
     variant of its API in the batch);
  3. compiles each output against the 6.5 model API (-Wall -Werror, and the
     other configurations a variant asks for, e.g. 6.4 for code that already
     tests LINUX_VERSION_CODE); a variant whose #if lines no longer balance
     fails as such and its file is compiled again without it;
  4. runs gup-rewrite again on the output (6.5 headers): no diff;
  5. runs clang-tidy -fix with the plugin on a second copy: the same text;
and judges each variant by its expectation:
  migrate    it compiles against 6.5 and no warning is about it;
  report     a warning names its site (file:line of the call);
  either     it compiles, or a warning names its site;
  unchanged  a look-alike or code already written for both sides: no edit,
             no warning, and it compiles (on every side it asks for);
and a variant that reads a VMA after mmap_lock is released needs a warning
on that read. A variant that fails while no known bug covers it is checked
again alone. A variant the tool is known to get wrong is covered by an entry
of KNOWN_TOOL_BUGS below (with the finding it comes from): it counts as an
expected failure, and a covered variant that passes fails the check, so the
list shrinks as the fixes land. Nothing is dropped silently.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys

FAMILY = ["get_user_pages", "pin_user_pages", "get_user_pages_remote", "pin_user_pages_remote"]
LOOKALIKES = ["get_user_pages_fast", "pin_user_pages_fast", "get_user_pages_unlocked",
              "pin_user_pages_unlocked", "get_user_pages_fast_only"]
REMOTE = {"get_user_pages_remote", "pin_user_pages_remote"}

# --------------------------------------------------------------------------
# Known tool bugs: the ONE list of generated shapes expected to fail today.
# Each entry: a name, the area whose fix removes it, where it is written up
# (/work/notes/generator-findings.md), and which variants it covers (a
# predicate on the variant's choices). A variant it covers that passes is an
# error ("remove it from the list"); a failing variant it does not cover is
# a failure.
# --------------------------------------------------------------------------
KNOWN_TOOL_BUGS = []


def known_bug(choices):
    """The entry of KNOWN_TOOL_BUGS that covers a variant's choices, if any."""
    for bug in KNOWN_TOOL_BUGS:
        if bug["covers"](choices):
            return bug
    return None


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------

PREAMBLE = """\
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/version.h>

long gen_consume(long value);
"""

MARKER = "/* gen-variant {id} */"
MARKER_RE = re.compile(r"^/\* gen-variant (\S+) \*/$")


class Variant:
    def __init__(self, vid, group, choices, text, site, expect, configs):
        self.id = vid
        self.group = group
        self.choices = choices       # dimension -> value, for KNOWN_TOOL_BUGS and reports
        self.text = text             # top-level C text, ends with a newline
        self.site = site             # 0-based line numbers (in text) that name the site
        self.expect = expect         # migrate | report | either | unchanged
        self.configs = configs       # [(api, [defines])] the output must compile with
        # A VMA read after mmap_lock is released is the bug class the
        # migration removes: a warning names the read, whatever else happens.
        self.reads_after_unlock = set()
        if choices.get("use") == "read-after-unlock" or choices.get("read") == "after-unlock":
            lines = text.splitlines()
            unlock = next(k for k, line in enumerate(lines) if "mmap_read_unlock(" in line)
            self.reads_after_unlock = {k for k, line in enumerate(lines)
                                       if k > unlock and ("vma->" in line or "vmas[" in line)}

    def describe(self):
        return " ".join(f"{k}={v}" for k, v in self.choices.items())


def api_args(api, roles):
    """The argument list of API with the texts of ROLES, in the API's order."""
    if api in REMOTE:
        order = ["mm", "start", "nr", "flags", "pages", "vmas", "locked"]
    elif api in ("get_user_pages", "pin_user_pages"):
        order = ["start", "nr", "flags", "pages", "vmas"]
    elif api.endswith("_unlocked"):
        order = ["start", "nr", "pages", "flags"]
    else:
        order = ["start", "nr", "flags", "pages"]
    return [(role, roles[role]) for role in order]


# Layouts of an argument list. Each returns the lines of `name(args)`: the
# first line goes where the call starts, the others are continuation lines
# (indented by the caller). `args` is [(role, text)].
def lay_one_line(name, args):
    return [f"{name}({', '.join(t for _, t in args)})"]


def lay_wrap_before_vmas(name, args):
    roles = [r for r, _ in args]
    cut = roles.index("vmas") if "vmas" in roles else len(args) - 1
    return [f"{name}({', '.join(t for _, t in args[:cut])},",
            f"{', '.join(t for _, t in args[cut:])})"]


def lay_one_per_line(name, args):
    lines = [f"{name}({args[0][1]},"]
    lines += [f"{t}," for _, t in args[1:-1]]
    lines.append(f"{args[-1][1]})")
    return lines


def lay_vmas_own_line(name, args):
    roles = [r for r, _ in args]
    cut = roles.index("vmas") if "vmas" in roles else len(args) - 1
    lines = [f"{name}({', '.join(t for _, t in args[:cut])},"]
    if cut == len(args) - 1:
        lines.append(f"{args[cut][1]})")
    else:
        lines.append(f"{args[cut][1]},")
        lines.append(f"{', '.join(t for _, t in args[cut + 1:])})")
    return lines


def lay_wrap_after_vmas(name, args):
    roles = [r for r, _ in args]
    cut = roles.index("vmas") + 1 if "vmas" in roles else len(args) - 1
    if cut >= len(args):
        cut = 2
    return [f"{name}({', '.join(t for _, t in args[:cut])},",
            f"{', '.join(t for _, t in args[cut:])})"]


def lay_spaces(name, args):
    return [f"{name} ( " + " ,  ".join(t for _, t in args) + " )"]


def lay_first_arg_own_line(name, args):
    return [f"{name}(", f"{', '.join(t for _, t in args)})"]


def lay_paren_own_line(name, args):
    return [f"{name}({', '.join(t for _, t in args[:-1])},", f"{args[-1][1]}", ")"]


def lay_line_comment(name, args):
    # A // comment after the vmas argument (or the last but one).
    roles = [r for r, _ in args]
    cut = roles.index("vmas") if "vmas" in roles else len(args) - 2
    lines = [f"{name}({', '.join(t for _, t in args[:cut])},"]
    if cut == len(args) - 1:
        lines.append(f"{args[cut][1]} // {args[cut][0]}")
        lines.append(")")
    else:
        lines.append(f"{args[cut][1]}, // {args[cut][0]}")
        lines.append(f"{', '.join(t for _, t in args[cut + 1:])})")
    return lines


LAYOUTS = {
    "one-line": lay_one_line,
    "wrap-before-vmas": lay_wrap_before_vmas,
    "one-per-line": lay_one_per_line,
    "vmas-own-line": lay_vmas_own_line,
    "wrap-after-vmas": lay_wrap_after_vmas,
    "spaces": lay_spaces,
    "first-arg-own-line": lay_first_arg_own_line,
    "paren-own-line": lay_paren_own_line,
    "line-comment": lay_line_comment,
}
# Layouts a macro body can hold (no // comment before a line continuation).
MACRO_LAYOUTS = [name for name in LAYOUTS if name != "line-comment"]


# Contexts: where the call sits. Each is (statement template, needs) where the
# template has one {call} (a multi-line call is indented as a continuation)
# and may use `ret`, `tries`; "macro" contexts also define a macro.
STATEMENT_CONTEXTS = {
    "assign": "ret = {call};",
    "decl-init": "{{\n\t\tlong got = {call};\n\n\t\tret = got;\n\t}}",
    "if-compare": "if ({call} != 1)\n\t\tret = -EFAULT;",
    "if-le-zero": "if ({call} <= 0)\n\t\treturn -EFAULT;",
    "if-not": "if (!{call})\n\t\tret = -EFAULT;",
    "if-else-branch": "if (start)\n\t\tret = {call};\n\telse\n\t\tret = -EINVAL;",
    "while-header": "while ((ret = {call}) == -EAGAIN && tries > 0)\n\t\ttries--;",
    "for-header": "for (tries = 0; tries < 2 && {call} > 0; tries++)\n\t\tret++;",
    "return": "return {call};",
    "statement-expression": "ret = ({{\n\t\tlong got = {call};\n\n\t\tgot;\n\t}});",
    "do-while-0": "do {{\n\t\tret = {call};\n\t}} while (0);",
    "ternary": "ret = start ? {call} : -EINVAL;",
    "comma": "ret = (gen_consume(start), {call});",
    "nested-call": "ret = gen_consume({call});",
    "cast": "ret = (int){call};",
    "switch": ("switch ({call}) {{\n\tcase 1:\n\t\tret = 0;\n\t\tbreak;\n\tdefault:\n"
               "\t\tret = -EFAULT;\n\t\tbreak;\n\t}}"),
}
MACRO_CONTEXTS = ["macro-body", "macro-body-params", "macro-argument", "macro-do-while",
                  "macro-vmas-param"]
CONTEXTS = list(STATEMENT_CONTEXTS) + MACRO_CONTEXTS


def indent_call(lines, first_indent):
    """The call's lines, continuation lines indented under the statement. What
    follows the call goes on a line of its own after a preprocessor line."""
    if lines[-1].lstrip().startswith("#"):
        lines = lines + [""]
    return ("\n" + first_indent + "\t\t").join(lines)


class Chunk:
    """Builds a variant's text and remembers which lines are its site."""

    def __init__(self):
        self.lines = []
        self.site = set()

    def add(self, text, site=False):
        for line in text.split("\n"):
            if site:
                self.site.add(len(self.lines))
            self.lines.append(line)

    def text(self):
        return "\n".join(self.lines) + "\n"


def place_call(chunk, ctx, name, fn, call_lines, pre_statements, post_statements,
               signature, locals_, tail="\treturn ret;"):
    """Emit the macro (if any) and the function `fn` with the call in context
    `ctx`. The call's lines and the macro's use line are the site."""
    macro_use = None
    if ctx in MACRO_CONTEXTS:
        macro = name.upper()
        body = " \\\n\t".join(call_lines)
        if ctx == "macro-body":
            chunk.add(f"#define {macro}() \\\n\t{body}", site=True)
            macro_use = f"ret = {macro}();"
        elif ctx == "macro-body-params":
            body = re.sub(r"\bstart\b", "(s)", body)
            body = re.sub(r"\bpages\b", "(p)", body)
            chunk.add(f"#define {macro}(s, p) \\\n\t{body}", site=True)
            macro_use = f"ret = {macro}(start, pages);"
        elif ctx == "macro-argument":
            chunk.add(f"#define {macro}(x) gen_consume(x)")
            macro_use = None
        elif ctx == "macro-do-while":
            chunk.add(f"#define {macro}(r) do {{ \\\n\t\t(r) = {body}; \\\n\t}} while (0)",
                      site=True)
            macro_use = f"{macro}(ret);"
        elif ctx == "macro-vmas-param":
            chunk.add(f"#define {macro}(v) \\\n\t{body}", site=True)
            macro_use = f"ret = {macro}(NULL);"
        chunk.add("")
    chunk.add(signature)
    chunk.add("{")
    for decl in locals_:
        chunk.add("\t" + decl)
    chunk.add("")
    for statement in pre_statements:
        chunk.add("\t" + statement)
    returns = False
    if ctx in STATEMENT_CONTEXTS:
        template = STATEMENT_CONTEXTS[ctx]
        before, after = template.split("{call}")
        before = before.replace("{{", "{").replace("}}", "}")
        after = after.replace("{{", "{").replace("}}", "}")
        first_indent = "\t" + ("\t" if before.count("\n") else "")
        text = "\t" + before + indent_call(call_lines, first_indent) + after
        start = len(chunk.lines) + before.count("\n")
        chunk.add(text)
        for k in range(start, start + len(call_lines)):
            chunk.site.add(k)
        returns = ctx == "return"
    elif ctx == "macro-argument":
        macro = name.upper()
        text = f"\tret = {macro}(" + indent_call(call_lines, "\t") + ");"
        chunk.add(text, site=True)
    else:
        chunk.add("\t" + macro_use, site=True)
    if not returns:
        for statement in post_statements:
            chunk.add("\t" + statement)
        chunk.add(tail)
    chunk.add("}")
    drop_unused_locals(chunk, len(chunk.lines) - 1)


LOCAL_DECL = re.compile(r"^\t[a-z_ ]+[ *]+(\w+)(\[\w*\])?( = [^,;]+)?;$")


def drop_unused_locals(chunk, end):
    """Delete the declarations of locals the function (ending at line END)
    never mentions again (a `return` context ends it before their uses).
    Its macros, before it, count as mentions."""
    begin = end
    while chunk.lines[begin] != "{":
        begin -= 1
    body = chunk.lines[begin:end + 1]
    keep = []
    for k, line in enumerate(body):
        m = LOCAL_DECL.match(line)
        if m and not any(re.search(r"\b" + m.group(1) + r"\b", other)
                         for j, other in enumerate(chunk.lines) if j != begin + k):
            continue
        keep.append(line)
    removed = len(body) - len(keep)
    if removed:
        chunk.lines[begin:end + 1] = keep
        chunk.site = {s - removed if s > begin else s for s in chunk.site}


def standard_locals(ctx, extra=()):
    decls = list(extra) + ["long ret = 0;"]
    if ctx in ("while-header", "for-header"):
        decls.append("int tries = 2;")
    return decls


# --------------------------------------------------------------------------
# Groups
# --------------------------------------------------------------------------

NULL_SPELLINGS = {
    "NULL": "NULL",
    "zero": "0",
    "void-cast-zero": "(void *)0",
    "paren-void-cast-zero": "((void *)0)",
    "typed-cast-null": "(struct vm_area_struct **)NULL",
    "typed-cast-zero": "(struct vm_area_struct **)0",
    "comment-before": "/* no vmas */ NULL",
    "comment-after": "NULL /* no vmas */",
    "paren-null": "(NULL)",
    "module-macro": "{macro}_NO_VMAS",
    "zero-long": "0L",
    "void-cast-null": "(void *)NULL",
}


MACRO_PARAMETER_SPELLINGS = {
    "parameter": "v",
    "parenthesised-parameter": "(v)",
    "cast-parameter": "(struct vm_area_struct **)(v)",
}


def pick(rng, values):
    values = list(values)
    return values[rng.randrange(len(values))]


def common_roles(rng, api, nr="nr"):
    return {
        "mm": "mm",
        "start": pick(rng, ["start", "start & PAGE_MASK", "start + PAGE_SIZE"]),
        "nr": nr,
        "flags": pick(rng, ["FOLL_WRITE", "0", "gup_flags", "FOLL_WRITE | FOLL_FORCE"]
                      + (["FOLL_LONGTERM | FOLL_WRITE"] if api.startswith("pin") else [])),
        "pages": "pages",
        "locked": "NULL",
    }


def signature(fn):
    """`long FN(mm, start, nr, gup_flags, pages)`, continued under its "("."""
    column = len("long ") + len(fn) + 1
    return (f"long {fn}(struct mm_struct *mm, unsigned long start, unsigned long nr,\n"
            + "\t" * (column // 8) + " " * (column % 8)
            + "unsigned int gup_flags, struct page **pages)")


def gen_null(rng, name):
    """A NULL (in any spelling) vmas argument, in any context and layout."""
    api = pick(rng, FAMILY)
    spelling = pick(rng, NULL_SPELLINGS)
    ctx = pick(rng, CONTEXTS)
    layout = pick(rng, MACRO_LAYOUTS if ctx in MACRO_CONTEXTS else LAYOUTS)
    roles = common_roles(rng, api)
    roles["pages"] = pick(rng, ["pages", "pages", "NULL", "pages + 1"])
    locked = pick(rng, ["NULL", "&locked"]) if api in REMOTE else "none"
    roles["locked"] = locked
    chunk = Chunk()
    macro = name.upper()
    if spelling == "module-macro":
        chunk.add(f"#define {macro}_NO_VMAS NULL")
        chunk.add("")
    roles["vmas"] = NULL_SPELLINGS[spelling].format(macro=macro)
    if ctx == "macro-vmas-param":
        # The NULL is written at the macro's use: the body names the parameter.
        spelling = pick(rng, MACRO_PARAMETER_SPELLINGS)
        roles["vmas"] = MACRO_PARAMETER_SPELLINGS[spelling]
    call = LAYOUTS[layout](api, api_args(api, roles))
    extra = ["int locked = 1;"] if locked == "&locked" else []
    place_call(chunk, ctx, name + "_gup", name, call, [], [], signature(name),
               standard_locals(ctx, extra))
    choices = {"api": api, "vmas": spelling, "context": ctx, "layout": layout,
               "pages": roles["pages"], "locked": locked}
    expect = "report" if ctx == "macro-vmas-param" else "migrate"
    return choices, chunk, expect, [(605, [])]


def gen_lookalike(rng, name):
    """Functions that look like the family and never had vmas: untouched."""
    kind = pick(rng, LOOKALIKES + ["module-function", "struct-member-pointer"])
    ctx = pick(rng, [c for c in CONTEXTS if c != "macro-vmas-param"])
    layout = pick(rng, MACRO_LAYOUTS if ctx in MACRO_CONTEXTS else LAYOUTS)
    roles = common_roles(rng, "get_user_pages")
    roles["pages"] = pick(rng, ["pages", "NULL"])
    roles["flags"] = pick(rng, ["0", "FOLL_WRITE", "gup_flags"])
    chunk = Chunk()
    if kind == "module-function":
        # The module's own function with the shape of get_user_pages().
        callee = f"{name}_get_user_pages"
        chunk.add(f"long {callee}(unsigned long start, unsigned long nr, unsigned int gup_flags,")
        chunk.add("\t\tstruct page **pages, struct vm_area_struct **vmas);")
        chunk.add("")
        roles["vmas"] = pick(rng, ["NULL", "0"])
        args = api_args("get_user_pages", roles)
    elif kind == "struct-member-pointer":
        callee = f"{name}_ops.get_user_pages"
        chunk.add(f"struct {name}_ops {{")
        chunk.add("\tlong (*get_user_pages)(unsigned long start, unsigned long nr,")
        chunk.add("\t\t\t       unsigned int gup_flags, struct page **pages,")
        chunk.add("\t\t\t       struct vm_area_struct **vmas);")
        chunk.add(f"}} {name}_ops;")
        chunk.add("")
        roles["vmas"] = "NULL"
        args = api_args("get_user_pages", roles)
    else:
        callee = kind
        args = api_args(kind, roles)
    call = LAYOUTS[layout](callee, args)
    place_call(chunk, ctx, name + "_gup", name, call, [], [], signature(name),
               standard_locals(ctx))
    choices = {"api": kind, "context": ctx, "layout": layout, "pages": roles["pages"]}
    return choices, chunk, "unchanged", [(605, [])]


VMA_USES = {
    "never-read": [],
    "read-under-lock": ["if (ret == 1 && (vma->vm_flags & VM_WRITE))", "\tret = -EPERM;"],
    "read-after-unlock": ["mmap_read_unlock(mm);", "if (ret == 1 && (vma->vm_flags & VM_WRITE))",
                          "\tret = -EPERM;", "mmap_read_lock(mm);"],
    "passed-out": ["if (ret == 1)", "\t*vmap = vma;"],
    "read-unconditionally": ["ret = (long)(vma->vm_flags & VM_EXEC);"],
    "copied": ["other = vma;", "if (ret > 0 && other->vm_start > start)", "\tret = -EFAULT;"],
}
VMA_COUNT_TESTS = {
    "none": [],
    "le-zero-return": ["if (ret <= 0)", "\treturn ret;"],
    "ne-one": ["if (ret != 1)", "\treturn -EFAULT;"],
    "lt-one-unlikely": ["if (unlikely(ret < 1))", "\treturn ret ? ret : -EFAULT;"],
}
VMA_DECLS = {
    "alone": ["struct vm_area_struct *vma;"],
    "grouped": ["struct vm_area_struct *vma, *unused_vma = NULL;"],
    "initialised": ["struct vm_area_struct *vma = NULL;"],
}


LOCK_MM = ["direct", "local-alias"]


def lock_the_mm_of(api, alias, pre, post, locals_):
    """PRE and POST statements with mmap_lock taken on the mm API works on:
    its mm argument, or current's for get_user_pages() and pin_user_pages();
    for a "local-alias", through a local pointer to it (added to LOCALS_)."""
    mm = "mm" if api in REMOTE else "current->mm"
    if alias == "local-alias":
        locals_.insert(0, f"struct mm_struct *lock_mm = {mm};")
        mm = "lock_mm"
    return [[s.replace("_lock(mm)", f"_lock({mm})").replace("_unlock(mm)", f"_unlock({mm})")
             for s in statements] for statements in (pre, post)]


def gen_vma(rng, name):
    """`&vma` of a local, for one page: VMA read or not, in various places."""
    api = pick(rng, FAMILY)
    use = pick(rng, VMA_USES)
    count = pick(rng, VMA_COUNT_TESTS)
    decl = pick(rng, VMA_DECLS)
    ctx = pick(rng, ["assign", "decl-init", "if-compare", "if-le-zero", "statement-expression",
                     "do-while-0", "nested-call", "macro-argument", "macro-body", "return",
                     "ternary"])
    layout = pick(rng, MACRO_LAYOUTS if ctx in MACRO_CONTEXTS else LAYOUTS)
    if ctx == "return":
        # Nothing after the call runs: no use of the VMA, no second declarator.
        use, count, decl = "never-read", "none", "alone" if decl == "grouped" else decl
    if ctx == "ternary" and decl != "initialised":
        decl = "initialised"  # the call may not run
    roles = common_roles(rng, api, nr="1")
    roles["pages"] = pick(rng, ["&page", "&page", "pages"])
    roles["vmas"] = "&vma"
    locked = pick(rng, ["NULL", "NULL", "&locked"]) if api in REMOTE else "none"
    roles["locked"] = locked
    locked_lock = pick(rng, ["held", "taken-here"])
    call = LAYOUTS[layout](api, api_args(api, roles))
    locals_ = list(VMA_DECLS[decl])
    if use == "copied":
        locals_.append("struct vm_area_struct *other;")
    if roles["pages"] == "&page":
        locals_.append("struct page *page;")
    if locked == "&locked":
        locals_.append("int locked = 1;")
    pre = ["mmap_read_lock(mm);"] if locked_lock == "taken-here" else []
    post = list(VMA_COUNT_TESTS[count]) + list(VMA_USES[use])
    if decl == "grouped":
        post.append("if (unused_vma)")
        post.append("\tret = 0;")
    if roles["pages"] == "&page":
        post += ["if (ret == 1)", "\tput_page(page);"]
    if locked_lock == "taken-here":
        post.append("mmap_read_unlock(mm);")
    sig = signature(name).replace("struct page **pages)",
                                  "struct page **pages,\n\t\tstruct vm_area_struct **vmap)")
    alias = pick(rng, LOCK_MM)
    if not any("_lock(mm)" in x or "_unlock(mm)" in x for x in pre + post):
        alias = "no-lock-here"
    pre, post = lock_the_mm_of(api, alias, pre, post, locals_)
    chunk = Chunk()
    place_call(chunk, ctx, name + "_gup", name, call, pre, post, sig,
               standard_locals(ctx, locals_))
    choices = {"api": api, "use": use, "count": count, "decl": decl, "context": ctx,
               "layout": layout, "pages": roles["pages"], "locked": locked,
               "lock": locked_lock, "lock-mm": alias}
    return choices, chunk, "either", [(605, [])]


FORWARDS = {
    "plain": "vmas",
    "plus-index": "vmas + *i",
    "plus-postincrement": "vmas + (*i)++",
    "minus-one": "vmas - 1",
    "null-checked-offset": "vmas ? vmas + *i : NULL",
    "ternary-null": "ctx->cond ? vmas : NULL",
    "ternary-other": "ctx->cond ? vmas : ctx->vmas",
    "address-of-element": "&vmas[*i]",
    "struct-member": "ctx->vmas",
    "struct-member-offset": "ctx->vmas + *i",
    "struct-member-dot": "(*ctx).vmas",
    "array-element": "ctx->arr[*i]",
    "cast": "(struct vm_area_struct **)vmas",
    "parenthesised": "(vmas)",
}
CALLER_VMAS = {
    "null": "NULL",
    "local-array-unread": "local_vmas",
    "local-array-read": "local_vmas",
}


def gen_wrapper(rng, name):
    """A wrapper forwarding its own (or its struct's) vmas to the family."""
    api = pick(rng, FAMILY)
    forward = pick(rng, FORWARDS)
    linkage = pick(rng, ["static-with-caller", "exported"])
    caller = pick(rng, CALLER_VMAS) if linkage == "static-with-caller" else "none"
    ctx = pick(rng, ["assign", "return", "if-le-zero", "decl-init", "ternary", "macro-argument",
                     "statement-expression"])
    layout = pick(rng, MACRO_LAYOUTS if ctx in MACRO_CONTEXTS else LAYOUTS)
    roles = common_roles(rng, api)
    roles["pages"] = pick(rng, ["pages", "pages + *i"])
    roles["vmas"] = FORWARDS[forward]
    locked = pick(rng, ["NULL", "&locked"]) if api in REMOTE else "none"
    roles["locked"] = locked
    chunk = Chunk()
    chunk.add(f"struct {name}_ctx {{")
    chunk.add("\tstruct vm_area_struct **vmas;")
    chunk.add("\tstruct vm_area_struct **arr[2];")
    chunk.add("\tint cond;")
    chunk.add("};")
    chunk.add("")
    wrap = f"{name}_wrap"
    static = linkage == "static-with-caller"
    head = ("static " if static else "") + f"long {wrap}("
    sig = (head + "struct mm_struct *mm, unsigned long start, unsigned long nr,\n\t\t"
           "unsigned int gup_flags, struct page **pages,\n\t\t"
           f"struct vm_area_struct **vmas, struct {name}_ctx *ctx, int *i)")
    call = LAYOUTS[layout](api, api_args(api, roles))
    extra = ["int locked = 1;"] if locked == "&locked" else []
    place_call(chunk, ctx, name + "_gup", wrap, call, [], [], sig, standard_locals(ctx, extra))
    if static:
        chunk.add("")
        chunk.add(signature(name))
        chunk.add("{")
        chunk.add(f"\tstruct {name}_ctx ctx = {{ 0 }};")
        if caller != "null":
            chunk.add("\tstruct vm_area_struct *local_vmas[4];")
        chunk.add("\tint i = 0;")
        chunk.add("\tlong ret;")
        chunk.add("")
        chunk.add(f"\tret = {wrap}(mm, start, nr, gup_flags, pages, {CALLER_VMAS[caller]}, "
                  "&ctx, &i);")
        if caller == "local-array-read":
            chunk.add("\tif (ret > 0 && (local_vmas[0]->vm_flags & VM_IO))")
            chunk.add("\t\tret = -EFAULT;")
        chunk.add("\treturn ret;")
        chunk.add("}")
    choices = {"api": api, "forward": forward, "linkage": linkage, "caller": caller,
               "context": ctx, "layout": layout, "locked": locked}
    return choices, chunk, "either", [(605, [])]


def gen_array(rng, name):
    """An array of VMAs owned by the caller: on the stack or allocated."""
    api = pick(rng, FAMILY)
    storage = pick(rng, ["stack", "kcalloc", "kmalloc_array", "kvmalloc_array", "kzalloc"])
    read = pick(rng, ["never", "under-lock-loop", "after-unlock", "first-only"])
    error_path = pick(rng, ["return", "goto"]) if storage != "stack" else "none"
    ctx = pick(rng, ["assign", "decl-init", "if-le-zero", "do-while-0", "statement-expression"])
    layout = pick(rng, LAYOUTS)
    roles = common_roles(rng, api, nr="nr")
    roles["vmas"] = "vmas"
    locked = "NULL" if api in REMOTE else "none"
    call = LAYOUTS[layout](api, api_args(api, roles))
    locals_ = []
    pre = []
    if storage == "stack":
        locals_.append("struct vm_area_struct *vmas[16];")
        pre += ["if (nr > 16)", "\treturn -EINVAL;"]
    else:
        locals_.append("struct vm_area_struct **vmas;")
        alloc = {"kcalloc": "kcalloc(nr, sizeof(*vmas), GFP_KERNEL)",
                 "kmalloc_array": "kmalloc_array(nr, sizeof(struct vm_area_struct *), GFP_KERNEL)",
                 "kvmalloc_array": "kvmalloc_array(nr, sizeof(*vmas), GFP_KERNEL)",
                 "kzalloc": "kzalloc(nr * sizeof(*vmas), GFP_KERNEL)"}[storage]
        pre.append(f"vmas = {alloc};")
        pre += ["if (!vmas)", "\treturn -ENOMEM;"] if error_path == "return" else \
            ["if (!vmas)", "\tgoto out;"]
    if read in ("under-lock-loop", "after-unlock"):
        locals_.append("long k;")
    pre.append("mmap_read_lock(mm);")
    post = []
    if read == "under-lock-loop":
        post += ["for (k = 0; k < ret; k++)", "\tif (vmas[k]->vm_flags & VM_IO)",
                 "\t\tret = -EFAULT;", "mmap_read_unlock(mm);"]
    elif read == "after-unlock":
        post += ["mmap_read_unlock(mm);", "for (k = 0; k < ret; k++)",
                 "\tif (vmas[k]->vm_flags & VM_IO)", "\t\tret = -EFAULT;"]
    elif read == "first-only":
        post += ["if (ret > 0 && vmas[0]->vm_start != start)", "\tret = -EFAULT;",
                 "mmap_read_unlock(mm);"]
    else:
        post += ["mmap_read_unlock(mm);"]
    if storage == "stack":
        tail = "\treturn ret;"
    else:
        free = "kvfree" if storage == "kvmalloc_array" else "kfree"
        post.append(f"{free}(vmas);")
        tail = "\treturn ret;" if error_path == "return" else "\treturn ret;\nout:\n\treturn -ENOMEM;"
    if ctx == "if-le-zero":
        # The failure return would leak the lock and the array: count instead.
        ctx = "assign"
    alias = pick(rng, LOCK_MM)
    pre, post = lock_the_mm_of(api, alias, pre, post, locals_)
    chunk = Chunk()
    place_call(chunk, ctx, name + "_gup", name, call, pre, post, signature(name),
               standard_locals(ctx, locals_), tail=tail)
    choices = {"api": api, "storage": storage, "read": read, "error-path": error_path,
               "context": ctx, "layout": layout, "locked": locked, "lock-mm": alias}
    return choices, chunk, "either", [(605, [])]


VERSION_LT = "#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)"
VERSION_GE = "#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)"


PREPROC_SHAPES = ["version-lt-vmas-only", "version-lt-else", "version-ge-else", "ifdef-flags",
                  "ifdef-pages", "ifdef-locked", "ifdef-vmas", "ifdef-before-call",
                  "comment-lines"]


def gen_preproc(rng, name):
    """Preprocessor lines inside the argument list."""
    api = pick(rng, FAMILY)
    shape = pick(rng, PREPROC_SHAPES)
    if shape == "ifdef-locked" and api not in REMOTE:
        shape = "ifdef-flags"
    ctx = pick(rng, list(STATEMENT_CONTEXTS))
    if ctx == "return" and shape in ("ifdef-before-call", "ifdef-locked"):
        ctx = "assign"
    roles = common_roles(rng, api)
    locked = pick(rng, ["NULL", "&locked"]) if api in REMOTE else "none"
    if shape == "ifdef-locked":
        locked = "&locked"
    roles["locked"] = locked
    vmas_last = api not in REMOTE
    head_roles = ["mm", "start", "nr", "flags", "pages"] if api in REMOTE else \
        ["start", "nr", "flags", "pages"]
    head = ", ".join(roles[r] for r in head_roles)
    tail = roles["locked"]
    lines = []
    expect = "migrate"
    configs = [(605, [])]
    if shape == "version-lt-vmas-only":
        # Already migrated by hand: the vmas argument only exists before 6.5.
        if vmas_last:
            lines = [f"{api}({head}", VERSION_LT, ", NULL", "#endif", ")"]
        else:
            lines = [f"{api}({head},", VERSION_LT, "NULL,", "#endif", f"{tail})"]
        expect, configs = "unchanged", [(604, []), (605, [])]
    elif shape == "version-lt-else":
        old = f"NULL, {tail});" if not vmas_last else "NULL);"
        new = f"{tail});" if not vmas_last else ""
        if vmas_last:
            lines = [f"{api}({head}", VERSION_LT, ", NULL", "#endif", ")"]
        else:
            lines = [f"{api}({head},", VERSION_LT, old[:-1], "#else", new[:-1], "#endif"]
        expect, configs = "unchanged", [(604, []), (605, [])]
    elif shape == "version-ge-else":
        if vmas_last:
            lines = [f"{api}({head}", VERSION_GE, "#else", ", NULL", "#endif", ")"]
        else:
            lines = [f"{api}({head},", VERSION_GE, f"{tail})", "#else", f"NULL, {tail})",
                     "#endif"]
        expect, configs = "unchanged", [(604, []), (605, [])]
    elif shape.startswith("ifdef-"):
        configs = [(605, []), (605, ["-DCONFIG_GEN_OPTION"])]
        parts = {r: [roles[r]] for r in head_roles}
        parts["vmas"] = ["NULL"]
        parts["locked"] = [roles["locked"]]
        what = {"ifdef-flags": "flags", "ifdef-pages": "pages", "ifdef-locked": "locked",
                "ifdef-vmas": "vmas", "ifdef-before-call": None}[shape]
        order = head_roles + ["vmas"] + (["locked"] if api in REMOTE else [])
        lines = [f"{api}("]
        for k, role in enumerate(order):
            sep = "," if k < len(order) - 1 else ")"
            if role == what:
                other = {"flags": "FOLL_FORCE", "pages": "NULL", "locked": "NULL",
                         "vmas": "0"}[role]
                lines += ["#ifdef CONFIG_GEN_OPTION", f"{parts[role][0]}{sep}", "#else",
                          f"{other}{sep}", "#endif"]
            else:
                lines.append(f"{parts[role][0]}{sep}")
        lines[0] = lines[0] + lines.pop(1)
        if shape == "ifdef-vmas":
            expect = "either"
    else:  # comment-lines: comments on lines of their own inside the list
        order = head_roles + ["vmas"] + (["locked"] if api in REMOTE else [])
        vals = {r: roles[r] for r in head_roles}
        vals["vmas"] = "NULL"
        vals["locked"] = roles["locked"]
        lines = [f"{api}({vals[order[0]]},"]
        for k, role in enumerate(order[1:], 1):
            sep = "," if k < len(order) - 1 else ")"
            if role == "vmas":
                lines.append("/* the VMAs are not needed */")
            lines.append(f"{vals[role]}{sep}")
    chunk = Chunk()
    extra = ["int locked = 1;"] if locked == "&locked" else []
    if shape == "ifdef-before-call":
        # A conditional statement around the whole call, then a plain call.
        call = LAYOUTS["one-line"](api, api_args(api, dict(roles, vmas="NULL")))
        pre = ["#ifdef CONFIG_GEN_OPTION", "ret = -EINVAL;", "#endif"]
        place_call(chunk, ctx, name + "_gup", name, call, pre, [], signature(name),
                   standard_locals(ctx, extra))
    else:
        # `locked` read after the call, so no configuration leaves it unused.
        post = ["if (!locked)", "\tret = -EINTR;"] if shape == "ifdef-locked" else []
        place_call(chunk, ctx, name + "_gup", name, lines, [], post, signature(name),
                   standard_locals(ctx, extra))
    # Preprocessor lines must start in column 0: undo the continuation indent.
    fixed = []
    for line in chunk.lines:
        stripped = line.lstrip("\t ")
        fixed.append(stripped if stripped.startswith("#") and not line.startswith("#define")
                     and not stripped.startswith("#define") else line)
    chunk.lines = fixed
    choices = {"api": api, "shape": shape, "context": ctx, "locked": locked}
    return choices, chunk, expect, configs


HERE = os.path.dirname(os.path.abspath(__file__))

GROUPS = {
    "null": gen_null,
    "lookalike": gen_lookalike,
    "vma": gen_vma,
    "wrapper": gen_wrapper,
    "array": gen_array,
    "preproc": gen_preproc,
}
# Variants per file (one TU each; the tool and clang-tidy run over many).
PER_FILE = 50
# The values each dimension takes, for `coverage` (the fixed seed of make
# check must reach every one).
DIMENSIONS = {
    "null": {"api": FAMILY, "vmas": list(NULL_SPELLINGS) + list(MACRO_PARAMETER_SPELLINGS),
             "context": CONTEXTS,
             "layout": list(LAYOUTS), "locked": ["none", "NULL", "&locked"]},
    "lookalike": {"api": LOOKALIKES + ["module-function", "struct-member-pointer"],
                  "context": [c for c in CONTEXTS if c != "macro-vmas-param"],
                  "layout": list(LAYOUTS)},
    "vma": {"api": FAMILY, "use": list(VMA_USES), "count": list(VMA_COUNT_TESTS),
            "decl": list(VMA_DECLS), "locked": ["none", "NULL", "&locked"],
            "lock": ["held", "taken-here"], "lock-mm": LOCK_MM + ["no-lock-here"]},
    "wrapper": {"api": FAMILY, "forward": list(FORWARDS),
                "linkage": ["static-with-caller", "exported"],
                "caller": ["none"] + list(CALLER_VMAS)},
    "array": {"api": FAMILY, "storage": ["stack", "kcalloc", "kmalloc_array", "kvmalloc_array",
                                         "kzalloc"],
              "read": ["never", "under-lock-loop", "after-unlock", "first-only"],
              "lock-mm": LOCK_MM},
    "preproc": {"api": FAMILY, "shape": PREPROC_SHAPES},
}


def make_variant(vid):
    group, seed, index = vid.split(":")
    rng = random.Random(f"gup-shapes:{vid}")
    name = f"gen_{group}_{seed}_{index}".replace("-", "_")
    choices, chunk, expect, configs = GROUPS[group](rng, name)
    return Variant(vid, group, choices, chunk.text(), sorted(chunk.site), expect, configs)


def variant_ids(group, seed, count):
    return [f"{group}:{seed}:{index}" for index in range(count)]


def file_text(variants):
    parts = [PREAMBLE]
    for v in variants:
        parts.append("\n" + MARKER.format(id=v.id) + "\n")
        parts.append(f"/* {v.describe()} */\n")
        parts.append(v.text)
    return "".join(parts)


def variant_offsets(variants):
    """0-based line of each variant's text in file_text(variants)."""
    line = PREAMBLE.count("\n")
    offsets = []
    for v in variants:
        line += 3  # blank line, marker, description
        offsets.append(line)
        line += v.text.count("\n")
    return offsets


# --------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------

def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def chunks_by_marker(text):
    """{variant id: its text} of a (rewritten) file, split at the markers,
    and {variant id: 1-based line of its marker}."""
    chunks, lines_at = {}, {}
    current = None
    for n, line in enumerate(text.splitlines(keepends=True), 1):
        m = MARKER_RE.match(line.rstrip("\n"))
        if m:
            current = m.group(1)
            chunks[current] = ""
            lines_at[current] = n
            continue
        if current is not None:
            chunks[current] += line
    return chunks, lines_at


def owner_of(line, lines_at):
    """The variant whose marker is the last one at or before LINE."""
    best, best_line = None, 0
    for vid, at in lines_at.items():
        if best_line < at <= line:
            best, best_line = vid, at
    return best


DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*)$")
# Errors after which a file's later lines are not what they seem: a broken
# #if structure in one variant changes what the compiler sees of the next.
PREPROCESSOR_STRUCTURE = re.compile(r"unterminated conditional directive|"
                                    r"#(else|elif|endif) without #if|#else after #else")


def conditionals_balanced(text):
    """Whether every #if of TEXT has its #endif (and #else/#elif are inside
    one). Two broken variants of a file can cancel out for the compiler."""
    depth = 0
    for line in text.splitlines():
        m = re.match(r"^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b", line)
        if not m:
            continue
        if m.group(1).startswith("if"):
            depth += 1
        elif depth == 0:
            return False
        elif m.group(1) == "endif":
            depth -= 1
    return depth == 0


def compile_errors(clang, include, paths, api, defines):
    """{file name: [(line, message)]} of the errors of PATHS (one compiler
    run, one TU each) against the API model headers."""
    proc = run([clang, "-std=gnu11", "-Wall", "-Werror", "-fsyntax-only", "-ferror-limit=0",
                f"-DGUP_MODEL_API={api}", f"-I{include}", *defines, *paths])
    names = {os.path.basename(p) for p in paths}
    errors = {}
    for line in proc.stderr.splitlines():
        m = DIAG.match(line)
        if m and m.group(4) == "error" and os.path.basename(m.group(1)) in names:
            errors.setdefault(os.path.basename(m.group(1)), []).append(
                (int(m.group(2)), m.group(5)))
    return errors


def compile_all(args, pool, paths, side):
    """compile_errors over PATHS on SIDE (api, defines), in -j parts."""
    parts = [paths[k::args.jobs] for k in range(args.jobs) if paths[k::args.jobs]]
    found = {}
    for errors in pool.map(lambda part: compile_errors(args.clang, args.include, part,
                                                       side[0], list(side[1])), parts):
        found.update(errors)
    return found


def diff_old_lines(diff_text):
    """{file basename: set of 1-based lines of the old side a diff touches}."""
    touched = {}
    current = None
    for line in diff_text.splitlines():
        if line.startswith("--- a/"):
            current = os.path.basename(line[6:])
            touched.setdefault(current, set())
        m = re.match(r"^@@ -(\d+)(?:,(\d+))? ", line)
        if m and current:
            start, length = int(m.group(1)), int(m.group(2) or 1)
            touched[current].update(range(start, start + max(length, 1)))
    return touched


class Outcome:
    """What happened to one variant in one batch."""

    def __init__(self, variant, file):
        self.variant = variant
        self.file = file
        self.problems = []       # reasons it failed, whatever its expectation
        self.warnings = []       # (line, message) of the tool inside the variant
        self.named = False       # a warning is on a line of its site
        self.changed = False     # the tool changed its text
        self.reads_after_unlock = set()  # lines (in the file) reading a VMA after unlocking
        self.named_reads = False  # a warning is on one of them
        self.errors = []         # output compile errors, on the sides it asks for

    def judge(self):
        """Turn the observations into problems, by the variant's expectation."""
        v, errors = self.variant, self.errors
        if v.expect == "migrate":
            if self.warnings:
                self.problems.append("reported instead of migrated: " + self.warnings[0][1])
            elif errors:
                self.problems.append("the output does not compile: " + errors[0])
            elif not self.changed:
                self.problems.append("left unchanged")
        elif v.expect == "report":
            if not self.named:
                self.problems.append("its site is not named in a warning" +
                                     (f" (the output: {errors[0]})" if errors else ""))
        elif v.expect == "either":
            if errors and not self.named:
                self.problems.append("the output does not compile and no warning names the "
                                     "site: " + errors[0])
        if self.reads_after_unlock and not self.named_reads:
            self.problems.append("no warning names the read of a VMA after mmap_lock is "
                                 "released")
        if v.expect == "unchanged":
            if self.changed:
                self.problems.append("changed, but it must be left alone")
            if self.warnings:
                self.problems.append("a warning about it: " + self.warnings[0][1])
            if errors:
                self.problems.append("does not compile: " + errors[0])


def write_batch(variants, per_file, work):
    """Writes the variants, PER_FILE to a file, into WORK/{orig,tool,tidy}
    with a compile database each; returns [(file name, variants, text)]."""
    shutil.rmtree(work, ignore_errors=True)
    dirs = [os.path.join(work, d) for d in ("orig", "tool", "tidy")]
    for d in dirs:
        os.makedirs(d)
    files = []
    for k in range(0, len(variants), per_file):
        batch = variants[k:k + per_file]
        name = f"shapes_{k // per_file:04d}.c"
        text = file_text(batch)
        for d in dirs:
            with open(os.path.join(d, name), "w") as out:
                out.write(text)
        files.append((name, batch, text))
    return files


def run_batch(args, variants, per_file, work, pool):
    """Steps 1-5 of the module docstring over VARIANTS; {id: Outcome}."""
    files = write_batch(variants, per_file, work)
    orig_dir, tool_dir, tidy_dir = (os.path.join(work, d) for d in ("orig", "tool", "tidy"))
    mkdb = os.path.join(HERE, "..", "lit-helpers", "mkdb.py")
    for d in (tool_dir, tidy_dir):
        subprocess.run([sys.executable, mkdb, d, *[f for f, _, _ in files], "--",
                        f"-I{args.include}"], check=True)
    outcomes = {v.id: Outcome(v, name) for name, batch, _ in files for v in batch}

    # 1. The originals compile against 6.4 in every configuration they name.
    originals = {}
    for defines in sorted({tuple(d) for v in variants for _, d in v.configs}):
        for name, errors in compile_all(args, pool, [os.path.join(orig_dir, f)
                                                     for f, _, _ in files],
                                        (604, defines)).items():
            originals.setdefault(name, []).extend(errors)
    for name, batch, _ in files:
        offsets = variant_offsets(batch)
        for line, message in originals.get(name, []):
            owner = batch[0]
            for v, at in zip(batch, offsets):
                if line - 1 >= at - 2:
                    owner = v
            outcomes[owner.id].problems.append(
                f"generator bug: the original does not compile against 6.4: line {line}: "
                f"{message}")

    # 2. One run of the tool over every file, each site on its own.
    force = [f"--force-api={api}" for api in FAMILY]
    tool = run([args.tool, "-p", tool_dir, "--in-place", f"-j{args.jobs}", *force])
    if tool.returncode not in (0, 1) or re.search(r"^\S+: error:", tool.stderr, re.M):
        raise SystemExit(f"gen_shapes: gup-rewrite failed (exit {tool.returncode}) on "
                         f"{tool_dir}:\n{tool.stderr}")
    warnings = {}
    for line in tool.stderr.splitlines():
        m = DIAG.match(line)
        if m:
            warnings.setdefault(os.path.basename(m.group(1)), []).append(
                (int(m.group(2)), m.group(5)))
    rewritten = {}
    for name, batch, text in files:
        rewritten[name] = open(os.path.join(tool_dir, name)).read()
        before, before_lines = chunks_by_marker(text)
        after, _ = chunks_by_marker(rewritten[name])
        for v, at in zip(batch, variant_offsets(batch)):
            o = outcomes[v.id]
            o.changed = after.get(v.id) != before[v.id]
            if v.id not in after:
                o.problems.append("its marker comment is gone from the output")
            site_lines = {at + s + 1 for s in v.site}
            o.reads_after_unlock = {at + r + 1 for r in v.reads_after_unlock}
            for line, message in warnings.get(name, []):
                if owner_of(line, before_lines) == v.id:
                    o.warnings.append((line, message))
                    o.named = o.named or line in site_lines
                    o.named_reads = o.named_reads or line in o.reads_after_unlock

    # 3. The outputs compile on the sides each variant asks for. In a file
    # where the tool broke a variant's #if lines, what the compiler sees of
    # the variants after it is not what they are (and two broken variants
    # can cancel out): the broken variants fail as such, the others are
    # compiled again in a file of their own.
    sides = sorted({(api, tuple(d)) for v in variants for api, d in v.configs})

    def wants(v, side):
        return side in [(api, tuple(d)) for api, d in v.configs]

    def label(side):
        return " ".join([f"API {side[0]}", *side[1]])

    def compile_and_attribute(directory, texts):
        paths = {}
        for name, text in texts.items():
            paths[name] = os.path.join(directory, name)
            with open(paths[name], "w") as out:
                out.write(text)
        markers = {name: chunks_by_marker(text)[1] for name, text in texts.items()}
        found = {}
        for side in sides:
            found[side] = compile_all(args, pool, list(paths.values()), side)
            for name, errors in found[side].items():
                for line, message in errors:
                    owner = owner_of(line, markers[name])
                    if owner is not None and wants(outcomes[owner].variant, side):
                        outcomes[owner].errors.append(f"{label(side)}: line {line}: {message}")
        return found

    clean_texts, retry = {}, []
    for name, batch, _ in files:
        after, _ = chunks_by_marker(rewritten[name])
        bad = [v for v in batch if not conditionals_balanced(after.get(v.id, ""))]
        for v in bad:
            for side in sides:
                if wants(v, side):
                    outcomes[v.id].errors.append(f"{label(side)}: its #if lines do not "
                                                 "balance in the output")
        clean_texts[name] = PREAMBLE + "".join(
            "\n" + MARKER.format(id=v.id) + "\n" + after.get(v.id, "")
            for v in batch if v not in bad)
    compile_dir = os.path.join(work, "compile")
    os.makedirs(compile_dir, exist_ok=True)
    saved = {vid: list(o.errors) for vid, o in outcomes.items()}
    found = compile_and_attribute(compile_dir, clean_texts)
    for name, batch, _ in files:
        if any(PREPROCESSOR_STRUCTURE.search(m) for side in sides
               for _, m in found[side].get(name, [])):
            # Balanced text the compiler still finds unbalanced: judge each
            # variant of the file alone.
            retry.append(name)
            for v in batch:
                outcomes[v.id].errors = saved[v.id]
    if retry:
        alone_texts = {}
        for name, batch, _ in files:
            if name in retry:
                after, _ = chunks_by_marker(clean_texts[name])
                for k, v in enumerate(batch):
                    if v.id in after:
                        alone_texts[f"{name[:-2]}_{k:03d}.c"] = (
                            PREAMBLE + "\n" + MARKER.format(id=v.id) + "\n" + after[v.id])
        alone_dir = os.path.join(work, "compile-alone")
        os.makedirs(alone_dir, exist_ok=True)
        compile_and_attribute(alone_dir, alone_texts)

    # 4. A second run on the output (6.5 headers) changes nothing.
    again = run([args.tool, "-p", tool_dir, "--allow-errors", f"-j{args.jobs}", "--",
                 "-DGUP_MODEL_API=605"])
    for name, lines in diff_old_lines(again.stdout).items():
        _, after_lines = chunks_by_marker(rewritten.get(name, ""))
        for owner in {owner_of(line, after_lines) for line in lines}:
            if owner in outcomes:
                outcomes[owner].problems.append("a second run on the output changes it")

    # 5. clang-tidy -fix with the plugin writes the same text as the tool.
    if args.clang_tidy and args.plugin:
        config = json.dumps({"Checks": "-*,gup-*"})
        names = [f for f, _, _ in files]
        groups = [names[k::args.jobs] for k in range(args.jobs) if names[k::args.jobs]]

        def tidy_run(group):
            return group, run([args.clang_tidy, f"--load={args.plugin}", f"--config={config}",
                               "-p", tidy_dir, "-fix", "--quiet",
                               *[os.path.join(tidy_dir, f) for f in group]])

        for group, proc in pool.map(tidy_run, groups):
            trouble = proc.returncode != 0 or "overlaps with another fix" in proc.stderr + \
                proc.stdout or "Fix conflicts" in proc.stderr + proc.stdout
            for name in group:
                fixed, _ = chunks_by_marker(open(os.path.join(tidy_dir, name)).read())
                ours, _ = chunks_by_marker(rewritten[name])
                for vid in ours:
                    if vid not in outcomes:
                        continue
                    if fixed.get(vid) != ours[vid]:
                        outcomes[vid].problems.append(
                            "clang-tidy -fix writes other text than the tool" +
                            (f" (clang-tidy exited {proc.returncode})" if trouble else ""))
    for o in outcomes.values():
        o.judge()
    return outcomes


def check_variants(args, ids, label):
    """Checks the variants IDS; prints the verdicts; returns the exit status."""
    for attr in ("tool", "clang", "include", "clang_tidy", "plugin"):
        value = getattr(args, attr, None)
        if value and os.path.exists(value):
            setattr(args, attr, os.path.abspath(value))
    variants = [make_variant(vid) for vid in ids]
    work = os.path.abspath(args.workdir)
    per_file = args.per_file or PER_FILE
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs)
    outcomes = run_batch(args, variants, per_file, os.path.join(work, "batch"), pool)

    # A variant that failed although no known bug covers it is judged again
    # alone, so that no reported failure depends on its neighbours.
    suspects = [vid for vid in ids
                if outcomes[vid].problems and not known_bug(outcomes[vid].variant.choices)]
    if suspects:
        alone = run_batch(args, [outcomes[vid].variant for vid in suspects], 1,
                          os.path.join(work, "alone"), pool)
        outcomes.update(alone)

    passed = expected = 0
    failures, unexpected = [], []
    for vid in ids:
        o = outcomes[vid]
        bug = known_bug(o.variant.choices)
        if bug and not o.problems:
            unexpected.append((o, bug))
            verdict = "XPASS"
        elif bug:
            expected += 1
            verdict = "XFAIL"
        elif o.problems:
            failures.append(o)
            verdict = "FAIL"
        else:
            passed += 1
            verdict = "PASS"
        if args.verdicts:
            print(f"{verdict}\t{vid}\t{o.variant.describe()}\t{'; '.join(o.problems)}")
    print(f"gen_shapes: {label}: {len(ids)} variants ({len(suspects)} judged alone): "
          f"{passed} passed, {expected} expected failures (KNOWN_TOOL_BUGS), "
          f"{len(failures)} failed, {len(unexpected)} unexpectedly passed")
    script = os.path.relpath(os.path.abspath(__file__))
    for o in failures[:args.show_failures]:
        print(f"FAIL {o.variant.id} ({o.variant.describe()}):")
        for problem in o.problems:
            print(f"  {problem}")
        for line, message in o.warnings:
            print(f"  tool: line {line}: {message}")
        print(f"  reproduce: python3 {script} show {o.variant.id}")
    if len(failures) > args.show_failures:
        print(f"... and {len(failures) - args.show_failures} more failures")
    for o, bug in unexpected:
        print(f"XPASS {o.variant.id} ({o.variant.describe()}): listed under KNOWN_TOOL_BUGS "
              f"'{bug['name']}' but passes: narrow or remove that entry")
    if args.failures_json:
        with open(args.failures_json, "w") as out:
            json.dump([{"id": o.variant.id, "choices": o.variant.choices,
                        "problems": o.problems} for o in failures], out, indent=1)
    return 1 if failures or unexpected else 0


def check(args):
    ids = args.only or variant_ids(args.group, args.seed, args.count)
    label = "given variants" if args.only else f"group {args.group}, seed {args.seed}"
    return check_variants(args, ids, label)


def fuzz(args):
    seed = args.seed or str(random.SystemRandom().randrange(1, 10 ** 9))
    print(f"gen_shapes: fuzz seed {seed} (rerun: make fuzz SEED={seed} COUNT={args.count})",
          flush=True)
    status = 0
    base = args.workdir
    for group in sorted(GROUPS):
        args.workdir = os.path.join(base, group)
        status |= check_variants(args, variant_ids(group, seed, args.count),
                                 f"group {group}, seed {seed}")
    return status


def show(args):
    for vid in args.ids:
        v = make_variant(vid)
        sides = ", ".join(" ".join([f"API {api}", *defines]) for api, defines in v.configs)
        bug = known_bug(v.choices)
        print(f"/* gen_shapes.py show {vid}: {v.describe()}; expect: {v.expect}; the output "
              f"must compile with: {sides}"
              + (f"; known tool bug: {bug['name']}" if bug else "") + " */")
        print(file_text([v]), end="")
    return 0


def list_variants(args):
    for vid in variant_ids(args.group, args.seed, args.count):
        v = make_variant(vid)
        bug = known_bug(v.choices)
        print(f"{vid}\t{v.expect}\t{v.describe()}" + (f"\tknown bug: {bug['name']}" if bug else ""))
    return 0


def coverage(args):
    """Every value of every dimension of GROUP appears among COUNT variants
    (so the fixed seed of make check reaches all of them)."""
    missing = []
    for group in sorted(GROUPS):
        seen = {}
        for vid in variant_ids(group, args.seed, args.counts.get(group, args.count)):
            for key, value in make_variant(vid).choices.items():
                seen.setdefault(key, set()).add(value)
        for key, values in DIMENSIONS.get(group, {}).items():
            for value in values:
                if value not in seen.get(key, set()):
                    missing.append(f"{group}: {key}={value}")
    for line in missing:
        print(f"never generated: {line}")
    print(f"gen_shapes: coverage: {len(missing)} dimension values never generated")
    return 1 if missing else 0


def add_tool_options(parser):
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--per-file", type=int, help=f"variants per file (default {PER_FILE})")
    parser.add_argument("--tool", required=True)
    parser.add_argument("--clang", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--clang-tidy")
    parser.add_argument("--plugin")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--show-failures", type=int, default=20)
    parser.add_argument("--failures-json")
    parser.add_argument("--verdicts", action="store_true", help="print every variant's verdict")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check COUNT variants of GROUP (or --only IDs)")
    c.add_argument("--group", choices=sorted(GROUPS))
    c.add_argument("--seed", default="1")
    c.add_argument("--count", type=int, default=400)
    c.add_argument("--only", nargs="*", help="these variant ids instead of --group")
    add_tool_options(c)
    f = sub.add_parser("fuzz", help="COUNT variants of every group from SEED (default: random)")
    f.add_argument("--seed")
    f.add_argument("--count", type=int, default=1000)
    add_tool_options(f)
    s = sub.add_parser("show", help="variants alone, as complete C files")
    s.add_argument("ids", nargs="+")
    lst = sub.add_parser("list", help="the ids, expectations and choices of variants")
    lst.add_argument("--group", required=True, choices=sorted(GROUPS))
    lst.add_argument("--seed", default="1")
    lst.add_argument("--count", type=int, default=400)
    cov = sub.add_parser("coverage", help="every dimension value occurs")
    cov.add_argument("--seed", default="1")
    cov.add_argument("--count", type=int, default=400)
    cov.add_argument("--group-count", action="append", default=[], metavar="GROUP=N")
    sub.add_parser("groups")
    args = p.parse_args()
    if args.command == "check":
        if not args.only and not args.group:
            p.error("check needs --group or --only")
        return check(args)
    if args.command == "fuzz":
        return fuzz(args)
    if args.command == "show":
        return show(args)
    if args.command == "list":
        return list_variants(args)
    if args.command == "coverage":
        args.counts = {g: int(n) for g, n in (x.split("=") for x in args.group_count)}
        return coverage(args)
    print("\n".join(sorted(GROUPS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
