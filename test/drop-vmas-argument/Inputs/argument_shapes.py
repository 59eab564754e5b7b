#!/usr/bin/env python3
"""Every spelling of a vmas argument has one owner, and is edited or named.

usage: argument_shapes.py --tool=GUP_REWRITE --cc="CLANG -std=gnu11 -Wall
       -Werror -fsyntax-only -IINCLUDE" --include=INCLUDE --tmp=DIR
       [--clang-tidy=BIN --plugin=LIB] [--list]

Each shape below is an argument passed for the vmas parameter of a GUP
function, in a small translation unit of its own, in two contexts: written
directly in the call, and forwarded through a second static wrapper. For
each one the tool runs with --in-place, and:
  - "edit": exit 0, no warning, the output compiles against the 6.5 headers
    (-Wall -Werror) and a second run changes nothing;
  - "warn": exit 1, a warning at the exact line:column of the family call's
    vmas argument, the file unchanged, and with --force-api the warning
    still there (the output then either compiles or names the site).
With --clang-tidy and --plugin the gup-* checks must agree: the same file
for "edit" (clang-tidy -fix), a warning at the same place for "warn".
Prints one line per variant and a count; exits 1 on the first failure.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

# (name, argument, extra wrapper parameters, expectation). In the argument,
# `vmas` is the wrapper's own vmas parameter (every caller passes NULL),
# `other` a second one, `i` an `int *`, `c` an int, `local` a local array of
# VMA pointers, `s` a struct holding a vmas pointer, `gvmas` a global.
SHAPES = [
    ("plain", "vmas", "", "edit"),
    ("parens", "(vmas)", "", "edit"),
    ("cast", "(struct vm_area_struct **)vmas", "", "edit"),
    ("void-cast", "(void *)vmas", "", "edit"),
    ("plus", "vmas + *i", "", "edit"),
    ("plus-reversed", "*i + vmas", "", "edit"),
    ("minus", "vmas - 1", "", "edit"),
    ("subscript-address", "&vmas[*i]", "", "edit"),
    ("subscript-zero", "&vmas[0]", "", "edit"),
    ("deref-address", "&*vmas", "", "edit"),
    ("test-then-offset", "vmas ? vmas + *i : NULL", "", "edit"),
    ("negated-test", "!vmas ? NULL : vmas + *i", "", "edit"),
    ("condition-or-null", "c ? vmas : NULL", "", "edit"),
    ("parenthesised-arms", "c ? (vmas + 1) : (NULL)", "", "edit"),
    ("elvis-null", "vmas ?: NULL", "", "edit"),
    ("comma-pure", "((void)c, vmas)", "", "edit"),
    ("increment-offset", "vmas + (*i)++", "", "warn"),
    ("increment-index", "&vmas[(*i)++]", "", "warn"),
    ("post-increment", "vmas++", "", "warn"),
    ("compound-assign", "(vmas += 1)", "", "warn"),
    ("call-offset", "vmas + step(i)", "", "warn"),
    ("side-effect-condition", "(*i)++ ? vmas : NULL", "", "warn"),
    ("comma-side-effect", "((*i)++, vmas)", "", "warn"),
    ("two-parameters", "c ? vmas : other", "other", "warn"),
    ("elvis-other", "vmas ?: other", "other", "warn"),
    ("parameter-or-local", "c ? vmas : local", "local", "warn"),
    ("local-offset-by-test", "local + (vmas != NULL)", "local", "warn"),
    ("struct-member", "s->vmas", "s", "warn"),
    ("global", "gvmas", "", "warn"),
    ("local-array", "local", "local", "warn"),
    ("local-element-address", "&local[0]", "local", "warn"),
    ("null", "NULL", "", "edit"),
    ("zero", "0", "", "edit"),
    ("void-null", "(void *)0", "", "edit"),
    ("typed-null", "(struct vm_area_struct **)NULL", "", "edit"),
]

APIS = [
    ("get_user_pages", "get_user_pages(start, 1, 0, pages, {arg})"),
    ("pin_user_pages_remote",
     "pin_user_pages_remote(current->mm, start, 1, 0, pages, {arg}, NULL)"),
]

PRELUDE = """#include <linux/mm.h>
#include <linux/sched.h>

struct holder {
	struct vm_area_struct **vmas;
};

struct vm_area_struct **gvmas;

int step(int *i)
{
	return (*i)++;
}

"""


def wrapper(name, body_arg, api_call, extra):
    """A static function with a vmas parameter whose body calls the family
    (or \\p api_call with \\p body_arg)."""
    decls = ""
    extra_params = ""
    if "other" in extra:
        extra_params += ", struct vm_area_struct **other"
    if "local" in extra:
        decls += "\tstruct vm_area_struct *local[2] = { NULL, NULL };\n\n"
    if "s" in extra.split():
        extra_params += ", struct holder *s"
    call = api_call.format(arg=body_arg)
    text = (f"static long {name}(unsigned long start, struct page **pages,\n"
            f"\t\tstruct vm_area_struct **vmas, int *i, int c{extra_params})\n"
            "{\n" + decls +
            f"\treturn {call};\n"
            "}\n\n")
    return text


def caller_args(extra):
    args = "start, pages, NULL, i, c"
    if "other" in extra:
        args += ", NULL"
    if "s" in extra.split():
        args += ", s"
    return args


def caller(callee, extra):
    holder = ", struct holder *s" if "s" in extra.split() else ""
    return (f"long user(unsigned long start, struct page **pages, int *i, int c{holder})\n"
            "{\n"
            f"\treturn {callee}({caller_args(extra)});\n"
            "}\n")


def variant(shape, api, forwarded):
    """The snippet, the family call's line, the (line, column) of its vmas
    argument, and the API name."""
    name, arg, extra, _ = shape
    api_name, call = api
    text = PRELUDE
    if forwarded:
        # inner() passes its own parameter to the family; outer() passes
        # inner() the shape.
        text += wrapper("inner", "vmas", call, "")
        text += wrapper("outer", arg, "inner(start, pages, {arg}, i, c)", extra)
        text += caller("outer", extra)
        site_arg = "vmas"
    else:
        text += wrapper("fetch", arg, call, extra)
        text += caller("fetch", extra)
        site_arg = arg
    prefix = "\treturn "
    site_line_text = prefix + call.format(arg=site_arg) + ";"
    line = text.split("\n").index(site_line_text) + 1
    # Clang counts a tab as one column.
    column = len(prefix) + call.index("{arg}") + 1
    return text, site_line_text, (line, column), api_name


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


class Failure(Exception):
    pass


def check_variant(args, label, text, call_line, site, api, expect):
    work = os.path.join(args.tmp, label)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = os.path.join(work, "shape.c")
    with open(src, "w") as f:
        f.write(text)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": "shape.c",
                    "arguments": ["clang", "-std=gnu11", f"-I{args.include}",
                                  "-c", "shape.c"]}], f)
    cc = shlex.split(args.cc)
    before = run(cc + ["-DGUP_MODEL_API=604", src])
    if before.returncode != 0:
        raise Failure(f"the snippet does not compile before the migration:\n{before.stderr}")
    pristine = os.path.join(work, "shape.c.orig")
    shutil.copy(src, pristine)
    tool = run([args.tool, "-p", work, "--in-place"])
    where = f"shape.c:{site[0]}:{site[1]}: warning:"
    after = open(src).read()
    if expect == "edit":
        if tool.returncode != 0 or "warning:" in tool.stderr:
            raise Failure(f"expected an edit, got exit {tool.returncode}:\n{tool.stderr}")
        if after == text:
            raise Failure("expected an edit, the file is unchanged")
        built = run(cc + ["-DGUP_MODEL_API=605", src])
        if built.returncode != 0:
            raise Failure(f"the output does not compile against 6.5:\n{built.stderr}\n{after}")
        again = run([args.tool, "-p", work, "--", "-DGUP_MODEL_API=605"])
        if again.returncode != 0 or again.stdout:
            raise Failure(f"a second run is not a no-op:\n{again.stdout}{again.stderr}")
    else:
        # Other code may change (a wrapper's unused vmas parameter goes);
        # the call itself must not.
        if tool.returncode != 1 or where not in tool.stderr:
            raise Failure(f"expected a warning at {where}, got exit "
                          f"{tool.returncode}:\n{tool.stderr}")
        if call_line not in after.split("\n"):
            raise Failure(f"the site is warned about but the call changed:\n{after}")
        shutil.copy(pristine, src)
        forced = run([args.tool, "-p", work, "--in-place", f"--force-api={api}"])
        if where not in forced.stderr:
            raise Failure(f"with --force-api the site is no longer named:\n{forced.stderr}")
        shutil.copy(pristine, src)
    if args.clang_tidy and args.plugin:
        shutil.copy(pristine, src)
        config = json.dumps({"Checks": "-*,gup-*"})
        tidy = run([args.clang_tidy, f"--load={args.plugin}", f"--config={config}",
                    "-p", work, "-fix", src])
        fixed = open(src).read()
        if expect == "edit" and fixed != after:
            raise Failure(f"clang-tidy -fix wrote something else:\n{fixed}\n{tidy.stdout}")
        if expect == "warn" and (where not in tidy.stdout or
                                 call_line not in fixed.split("\n")):
            raise Failure(f"clang-tidy does not warn at {where} without editing "
                          f"the call:\n{tidy.stdout}\n{fixed}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tool", required=True)
    p.add_argument("--cc", required=True)
    p.add_argument("--include", required=True)
    p.add_argument("--tmp", required=True)
    p.add_argument("--clang-tidy")
    p.add_argument("--plugin")
    args = p.parse_args()
    shutil.rmtree(args.tmp, ignore_errors=True)
    count = {"edit": 0, "warn": 0}
    for n, shape in enumerate(SHAPES):
        # The APIs take turns (the vmas argument is in the middle of one
        # argument list, last in the other).
        for api in (APIS[n % len(APIS)],):
            for forwarded in (False, True):
                expect = shape[3]
                label = f"{shape[0]}.{api[0]}.{'forwarded' if forwarded else 'direct'}"
                text, call_line, site, api_name = variant(shape, api, forwarded)
                try:
                    check_variant(args, label, text, call_line, site, api_name, expect)
                except Failure as e:
                    print(f"FAIL: {label}: {e}")
                    print(text)
                    return 1
                print(f"{label}: {expect}")
                count[expect] += 1
    print(f"argument shapes: {count['edit']} edited, {count['warn']} warned, 0 silent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
