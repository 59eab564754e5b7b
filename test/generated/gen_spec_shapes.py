#!/usr/bin/env python3
"""Generated sites of the shipped migration specs (not GUP's: gen_shapes.py).

usage:
  gen_spec_shapes.py check --tool=GUP_REWRITE --clang=CLANG --include=DIR...
                           --workdir=DIR [--seed=S] [--count=N] [--per-file=K]
  gen_spec_shapes.py show ID...        a variant alone
  gen_spec_shapes.py list [--seed=S] [--count=N]

Every variant is a small piece of C around one or two uses of an API that
a shipped spec changes (pmd_large()/pud_large(), strlcpy(), class_create()
with its owner, `.llseek = no_llseek`, <asm/unaligned.h>), or around a
look-alike, in one context (condition, return, assignment, initialiser,
loop header, statement expression, macro body, macro argument, code under a
version test, code the build skips, ...) and one spelling (spaces, a comment
or a line break inside the call). The id "SEED:INDEX" alone reproduces it.

`check` writes the variants K to a file between marker comments, then
  1. compiles the originals against the 6.1 stubs (-Wall -Werror): a
     variant that does not is a bug of this generator;
  2. runs gup-rewrite --migration=all --in-place on one copy (the new
     kernels' code), with --compat=guard on a second and --compat=header on
     a third;
  3. compiles the first copy against the 6.12 stubs and the others against
     6.1 and 6.12 (files of variants expected to be reported in a mode are
     not: their old code stays);
  4. runs gup-rewrite again on every result: nothing changes;
  5. with --clang-tidy and --plugin, runs clang-tidy -fix (Migrations: all)
     on a copy of the originals: each variant's text is the tool's;
and judges each variant by its expectation:
  migrate    compiles where it must, and no warning is about it;
  report     a warning names one of its lines, and its text is unchanged;
  unchanged  no edit and no warning (look-alikes, code already written for
             both sides);
  either     it compiles, or a warning names one of its lines.
A warning that is about no variant fails the check too. Nothing is
dropped silently: every failure prints its variant's id.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys

MODES = ("edit", "guard", "header")
MARK_BEGIN = "/* variant {id} */"
MARK_END = "/* end {id} */"
HEADERS = ["linux/types.h", "linux/stddef.h", "linux/string.h", "linux/module.h",
           "linux/device.h", "linux/fs.h", "asm/pgtable.h", "linux/version.h"]


class Variant:
    def __init__(self, vid, kind, expect, top="", body="", needs=(), own_file=False,
                 guard_expect=None):
        self.id = vid
        self.kind = kind          # what it is, for the summary
        self.expect = expect      # migrate | report | unchanged | either
        # What --compat=guard and --compat=header do with it, when that differs.
        self.guard_expect = guard_expect or expect
        self.top = top            # file-scope text (macros, tables, includes)
        self.body = body          # statements of `int v_<n>(...)`
        self.needs = set(needs)
        self.own_file = own_file  # an #include variant: alone in its file

    def expect_in(self, mode):
        return self.expect if mode == "edit" else self.guard_expect

    def text(self, n):
        out = [MARK_BEGIN.format(id=self.id)]
        if self.top:
            out.append(self.top.replace("@", str(n)))
        if self.body:
            out.append("int v_%d(pmd_t pmd, pud_t pud, pmd_t *pmdp, char *src, "
                       "struct drv_state_%d *st, struct module *owner)" % (n, n))
            out.append("{")
            out.append("\tint x = 0, i = 0;")
            out.append("\tchar buf[16];")
            out.append("\tstruct class *cls = NULL;")
            out.append("\t(void)cls; (void)buf; (void)i; (void)src; (void)owner; (void)pmdp;")
            out.append("\t(void)pmd; (void)pud; (void)st;")
            out.append(self.body.replace("@", str(n)))
            out.append("\treturn x;")
            out.append("}")
        out.append(MARK_END.format(id=self.id))
        return "\n".join(out) + "\n"


def state_struct(n):
    return ("struct drv_state_%d {\n\tchar name[16];\n\tstruct class *cls;\n};\n"
            "int use_int_%d(int v);\n") % (n, n)


# --- the spellings of one call -------------------------------------------

def spell_call(rng, name, args):
    """name(args) with one of the ways people write a call."""
    style = rng.choice(["plain", "space", "comment", "break", "break-after-comma",
                        "parens"])
    if style == "space":
        return "%s (%s)" % (name, ", ".join(args))
    if style == "comment":
        return "%s(/* arg */ %s)" % (name, ", ".join(args))
    if style == "break" and len(args) > 1:
        return "%s(%s,\n\t\t%s)" % (name, args[0], ", ".join(args[1:]))
    if style == "break-after-comma" and len(args) > 1:
        return "%s(%s,\n\t\t\t%s)" % (name, ", ".join(args[:-1]), args[-1])
    if style == "parens":
        return "%s(%s)" % (name, ", ".join("(%s)" % a for a in args))
    return "%s(%s)" % (name, ", ".join(args))


# --- value-returning uses: pmd_large(), pud_large() ----------------------

LEAF_ARGS = {"pmd_large": ["pmd", "*pmdp", "pmdp[0]"], "pud_large": ["pud"]}

VALUE_CONTEXTS = [
    ("if", "\tif ({e})\n\t\tx = 1;"),
    ("return", "\tif (i == 3)\n\t\treturn {e};"),
    ("assign", "\tx = {e};"),
    ("compound", "\tx += {e};"),
    ("local-init", "\t{{\n\t\tint y = {e};\n\n\t\tx = y;\n\t}}"),
    ("ternary", "\tx = ({e}) ? 2 : 3;"),
    ("while", "\twhile ({e}) {{\n\t\tx++;\n\t\tbreak;\n\t}}"),
    ("for", "\tfor (i = 0; i < 2 && {e}; i++)\n\t\tx++;"),
    ("call-arg", "\tx = use_int_@({e});"),
    ("not", "\tx = !{e};"),
    ("stmt-expr", "\tx = ({{ int t = {e}; t; }});"),
    ("do-while", "\tdo {{\n\t\tx = {e};\n\t}} while (0);"),
    ("switch", "\tswitch ({e}) {{\n\tcase 0:\n\t\tbreak;\n\tdefault:\n\t\tx = 1;\n\t}}"),
    ("macro-arg", "\tx = WRAP_@({e});"),
]


def leaf_variant(rng, vid):
    name = rng.choice(["pmd_large", "pud_large"])
    e = spell_call(rng, name, [rng.choice(LEAF_ARGS[name])])
    ctx, form = rng.choice(VALUE_CONTEXTS + [("two-sites", None), ("macro-body", None)])
    top = "#define WRAP_@(e) (e)\n"
    if ctx == "two-sites":
        e2 = spell_call(rng, "pud_large", ["pud"])
        body = "\tx = %s && !%s;" % (e, e2)
    elif ctx == "macro-body":
        top += "#define IS_HUGE_@(p) %s\n" % spell_call(rng, "pmd_large", ["(p)"]).replace("\n", " \\\n")
        body = "\tx = IS_HUGE_@(pmd);"
    else:
        body = form.format(e=e)
    return Variant(vid, "rename/%s/%s" % (name, ctx), "migrate", top, body)


# --- strlcpy(): a statement is renamed, a used result is reported --------

def strlcpy_variant(rng, vid):
    args = rng.choice([["buf", "src", "sizeof(buf)"], ["st->name", "src", "sizeof(st->name)"],
                       ["st->name", "\"fixed\"", "sizeof(st->name)"]])
    e = spell_call(rng, "strlcpy", args)
    discarded = [
        ("stmt", "\t%s;"),
        ("void-cast", "\t(void)%s;"),
        ("if-body", "\tif (src)\n\t\t%s;"),
        ("do-while", "\tdo {\n\t\t%s;\n\t} while (0);"),
        ("for-body", "\tfor (i = 0; i < 1; i++)\n\t\t%s;"),
        ("else-body", "\tif (!src)\n\t\tx = 1;\n\telse\n\t\t%s;"),
        ("comma-left", "\tx = (%s, 0);"),
        ("for-increment", "\tfor (i = 0; i < 1; i++, %s)\n\t\tx++;"),
    ]
    used = [
        ("assign", "\tx = %s;"),
        ("compare", "\tif (%s >= sizeof(buf))\n\t\tx = -1;"),
        ("return", "\tif (i == 2)\n\t\treturn %s;"),
        ("call-arg", "\tx = use_int_@(%s);"),
    ]
    pick = rng.random()
    if pick < 0.55:
        ctx, form = rng.choice(discarded)
        return Variant(vid, "rename/strlcpy/" + ctx, "migrate", "", form % e)
    if pick < 0.65:
        top = "#define COPY_NAME_@(d, s) strlcpy(d, s, sizeof(d))\n"
        # Each expansion's use of the result is not checked: reported.
        return Variant(vid, "rename/strlcpy/macro-body", "report", top,
                       "\tCOPY_NAME_@(st->name, src);")
    ctx, form = rng.choice(used)
    return Variant(vid, "rename/strlcpy/result-" + ctx, "report", "", form % e)


# --- class_create(owner, name): the owner goes when it is plain -----------

def class_create_variant(rng, vid):
    owner = rng.choice(["THIS_MODULE", "owner", "NULL", "st->cls ? THIS_MODULE : owner"])
    name = rng.choice(["\"gen\"", "st->name", "src"])
    e = spell_call(rng, "class_create", [owner, name])
    contexts = [
        ("assign", "\tcls = %s;"),
        ("member", "\tst->cls = %s;"),
        ("if", "\tif (!(cls = %s))\n\t\tx = -1;"),
        ("local-init", "\t{\n\t\tstruct class *c = %s;\n\n\t\tx = c != NULL;\n\t}"),
    ]
    ctx, form = rng.choice(contexts)
    if rng.random() < 0.15:
        top = "#define GEN_CLASS_@(n) %s\n" % spell_call(rng, "class_create", [owner, "(n)"]).replace("\n", " \\\n")
        return Variant(vid, "param/class_create/macro-body", "migrate", top,
                       "\tcls = GEN_CLASS_@(\"gen\");")
    if rng.random() < 0.2:
        return Variant(vid, "param/class_create/side-effect-owner", "report",
                       "static struct module *gen_owner_@(void) { return THIS_MODULE; }\n",
                       "\tcls = class_create(gen_owner_@(), \"gen\");")
    return Variant(vid, "param/class_create/" + ctx, "migrate", "", form % e)


# --- .llseek = no_llseek --------------------------------------------------

def llseek_variant(rng, vid):
    before = rng.choice(["", "\t.owner = THIS_MODULE,\n", "\t.owner\t\t= THIS_MODULE,\n"])
    tab = "\t\t" if "\t\t" in before else " "
    last = rng.random() < 0.3
    line = "\t.llseek%s= no_llseek%s" % (tab, "" if last else ",")
    after = "" if last else rng.choice(["", "\t.open = NULL,\n", "\t.release\t= NULL,\n"])
    if rng.random() < 0.15:
        one_line = rng.choice(["{ .owner = THIS_MODULE, .llseek = no_llseek }",
                               "{ .llseek = no_llseek, .owner = THIS_MODULE }",
                               "{ .llseek = no_llseek }"])
        # A version test cannot go inside one line: --compat keeps the
        # whole declaration in both forms.
        return Variant(vid, "initializer/one-line", "migrate",
                       "const struct file_operations gen_fops_@ = %s;\n" % one_line)
    if rng.random() < 0.1:
        return Variant(vid, "initializer/nested", "migrate",
                       "struct gen_dev_@ {\n\tint id;\n\tstruct file_operations fops;\n};\n"
                       "struct gen_dev_@ gen_dev_@ = {\n\t.id = 1,\n\t.fops = {\n"
                       "\t\t.owner = THIS_MODULE,\n\t\t.llseek = no_llseek,\n\t},\n};\n")
    if rng.random() < 0.1:
        return Variant(vid, "initializer/array", "migrate",
                       "const struct file_operations gen_fops_@[] = {\n\t{\n"
                       "\t\t.llseek = no_llseek,\n\t},\n\t{\n\t\t.owner = THIS_MODULE,\n"
                       "\t\t.llseek = no_llseek,\n\t},\n};\n")
    if rng.random() < 0.1:
        return Variant(vid, "initializer/comment-after", "migrate",
                       "const struct file_operations gen_fops_@ = {\n\t.owner = THIS_MODULE,\n"
                       "\t.llseek = no_llseek, %s\n};\n" % rng.choice(
                           ["/* cannot seek */", "// cannot seek"]))
    if rng.random() < 0.1:
        return Variant(vid, "initializer/parenthesised", "report",
                       "const struct file_operations gen_fops_@ = {\n\t.owner = THIS_MODULE,\n"
                       "\t.llseek = (no_llseek),\n};\n")
    if rng.random() < 0.15:
        top = "struct file_operations gen_fops_@;\n"
        return Variant(vid, "initializer/assignment", "report", top,
                       "\tgen_fops_@.llseek = no_llseek;")
    top = ("const struct file_operations gen_fops_@ = {\n%s%s\n%s};\n"
           % (before, line, after))
    return Variant(vid, "initializer/designated", "migrate", top)


# --- look-alikes and code already written for both sides ------------------

# (kind, file-scope text, body): nothing to do for any spec.
UNCHANGED_SHAPES = [
    ("lookalike/prefixed-name",
     "static int my_pmd_large_@(pmd_t p) { return p.val != 0; }\n",
     "\tx = my_pmd_large_@(pmd);"),
    ("lookalike/comment-and-string", "",
     "\t/* pmd_large() and strlcpy() are gone; class_create(THIS_MODULE, n) too */\n"
     "\tx = sizeof(\"strlcpy(pmd_large)\");"),
    ("lookalike/member", "struct gen_counts_@ { int pmd_large; int strlcpy; };\n",
     "\t{\n\t\tstruct gen_counts_@ c = { 0, 0 };\n\n\t\tx = c.pmd_large + c.strlcpy;\n\t}"),
    ("lookalike/local-named-like-api", "",
     "\t{\n\t\tint pmd_large = 1;\n\n\t\tx = pmd_large;\n\t}"),
    ("guarded/version-test", "",
     "#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 9, 0)\n"
     "\tx = pmd_large(pmd);\n#else\n\tx = pmd_leaf(pmd);\n#endif"),
    ("guarded/new-side-first", "",
     "#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)\n"
     "\tx = pud_leaf(pud);\n#else\n\tx = pud_large(pud);\n#endif"),
    ("guarded/class-create", "",
     "#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)\n"
     "\tcls = class_create(\"gen\");\n#else\n"
     "\tcls = class_create(THIS_MODULE, \"gen\");\n#endif"),
    ("already-new/strscpy", "", "\tx = strscpy(buf, src, sizeof(buf)) < 0;"),
]


def unchanged_variant(rng, vid):
    kind, top, body = rng.choice(UNCHANGED_SHAPES)
    return Variant(vid, kind, "unchanged", top, body)


def skipped_variant(rng, vid):
    use = rng.choice(["\tx = pmd_large(pmd);", "\tstrlcpy(buf, src, sizeof(buf));",
                      "\tcls = class_create(THIS_MODULE, \"gen\");"])
    return Variant(vid, "skipped/" + use.strip().split("(")[0].split()[-1], "report", "",
                   "#ifdef CONFIG_GEN_NOT_SET\n%s\n#endif" % use)


def include_variant(rng, vid):
    spelling = rng.choice(["#include <asm/unaligned.h>", "#  include <asm/unaligned.h>",
                           "#include <asm/unaligned.h> /* get_unaligned_le32() */",
                           "#include \"asm/unaligned.h\""])
    if rng.random() < 0.25:
        return Variant(vid, "header/skipped", "report",
                       "#ifdef CONFIG_GEN_NOT_SET\n%s\n#endif\n" % spelling, own_file=True)
    return Variant(vid, "header/" + spelling.split()[0], "migrate",
                   "%s\nu32 gen_read_@(const void *p) "
                   "{ return get_unaligned_le32(p); }\n" % spelling, own_file=True)


def address_variant(rng, vid):
    name = rng.choice(["pmd_large", "strlcpy"])
    if name == "pmd_large":
        return Variant(vid, "address/pmd_large", "either", "",
                       "\t{\n\t\tint (*fn)(pmd_t) = pmd_large;\n\n\t\tx = fn(pmd);\n\t}")
    return Variant(vid, "address/strlcpy", "report", "",
                   "\t{\n\t\tsize_t (*fn)(char *, const char *, size_t) = strlcpy;\n\n"
                   "\t\tx = fn != NULL;\n\t}")


GENERATORS = [(leaf_variant, 30), (strlcpy_variant, 20), (class_create_variant, 15),
              (llseek_variant, 10), (unchanged_variant, 10), (skipped_variant, 6),
              (include_variant, 5), (address_variant, 4)]


def variant(seed, index):
    vid = "%d:%d" % (seed, index)
    rng = random.Random(vid)
    total = sum(w for _, w in GENERATORS)
    pick = rng.randrange(total)
    for gen, weight in GENERATORS:
        if pick < weight:
            return gen(rng, vid)
        pick -= weight
    raise AssertionError


def file_text(variants, first_n, with_includes=True):
    out = ["/* Generated by gen_spec_shapes.py; each variant is between markers. */"]
    own = [v for v in variants if v.own_file]
    if with_includes:
        for h in HEADERS:
            out.append("#include <%s>" % h)
    out.append("")
    for k, v in enumerate(variants):
        n = first_n + k
        if v.body:
            out.append(state_struct(n))
        out.append(v.text(n))
    del own
    return "\n".join(out) + "\n"


def blocks(text):
    """{id: (first line, last line, text)} of the markers in text."""
    found = {}
    lines = text.split("\n")
    start = None
    for i, line in enumerate(lines, 1):
        m = re.match(r"^/\* variant (\S+) \*/$", line)
        if m:
            start = (m.group(1), i)
        m = re.match(r"^/\* end (\S+) \*/$", line)
        if m and start and start[0] == m.group(1):
            found[start[0]] = (start[1], i, "\n".join(lines[start[1] - 1:i]))
            start = None
    return found


def run(cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)


def cc(args, api, path):
    flags = ["-std=gnu11", "-Wall", "-Werror", "-fsyntax-only", "-DGUP_MODEL_API=%d" % api]
    flags += ["-I" + d for d in args.include]
    return run([args.clang] + flags + [path])


def write_db(directory, files, api, args):
    entries = [{"directory": directory, "file": f,
                "arguments": ["clang", "-std=gnu11", "-DGUP_MODEL_API=%d" % api] +
                             ["-I" + d for d in args.include] + ["-c", f]} for f in files]
    with open(os.path.join(directory, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=1)


def warnings_by_file(stderr):
    """{file name: [(line, text)]} of the tool's warnings."""
    found = {}
    for line in stderr.splitlines():
        m = re.match(r"^(?:.*/)?([^/:]+\.c):(\d+):\d+: warning: (.*)$", line)
        if m:
            found.setdefault(m.group(1), []).append((int(m.group(2)), m.group(3)))
    return found


def check(args):
    variants = [variant(args.seed, i) for i in range(args.count)]
    # Files: expected-to-compile variants together, reported ones together,
    # an #include or an `either` alone (it decides its file's fate).
    # A file is compiled in a mode unless a variant of it is reported there.
    def key_of(v):
        return tuple(v.expect_in(m) == "report" for m in MODES)
    groups = []
    for key in sorted({key_of(v) for v in variants}):
        batch = [v for v in variants if key_of(v) == key and not v.own_file and
                 "either" not in (v.expect, v.guard_expect)]
        for i in range(0, len(batch), args.per_file):
            groups.append((key, batch[i:i + args.per_file]))
    for v in variants:
        if v.own_file or "either" in (v.expect, v.guard_expect):
            groups.append((key_of(v), [v]))
    work = os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    orig = os.path.join(work, "orig")
    os.makedirs(orig)
    files, kind_of = [], {}
    n = 0
    for g, (key, batch) in enumerate(groups):
        name = "gen_%03d.c" % g
        with open(os.path.join(orig, name), "w") as out:
            out.write(file_text(batch, n))
        n += len(batch)
        files.append(name)
        kind_of[name] = (key, batch)
    failures = []

    def fail(v, why):
        failures.append("%s [%s, expected %s]: %s" % (v.id, v.kind, v.expect, why))

    # 1. The originals compile against the 6.1 stubs.
    for name in files:
        r = cc(args, 601, os.path.join(orig, name))
        if r.returncode:
            print("generator bug: %s does not compile on 6.1:\n%s" % (name, r.stderr))
            return 2

    results = {}
    for mode in MODES:
        extra = [] if mode == "edit" else ["--compat=" + mode]
        tree = os.path.join(work, mode)
        shutil.copytree(orig, tree)
        write_db(tree, files, 601, args)
        r = run([args.tool, "-p", tree, "--migration=all", "--in-place"] + extra)
        if r.returncode not in (0, 1):
            print("gup-rewrite (%s) failed with %d:\n%s" % (mode, r.returncode, r.stderr))
            return 1
        errors = [l for l in r.stderr.splitlines() if ": error: " in l]
        if errors:
            print("gup-rewrite (%s) reported errors:\n%s" % (mode, "\n".join(errors[:20])))
            return 1
        results[mode] = (tree, warnings_by_file(r.stderr))

    for mode, (tree, warned) in results.items():
        sides = [612] if mode == "edit" else [601, 612]
        for name in files:
            key, batch = kind_of[name]
            before = blocks(open(os.path.join(orig, name)).read())
            after_text = open(os.path.join(tree, name)).read()
            after = blocks(after_text)
            notes = warned.get(name, [])
            compiled = {}
            if not key[MODES.index(mode)]:
                for api in sides:
                    compiled[api] = cc(args, api, os.path.join(tree, name))
            owned = set()
            for v in batch:
                if v.id not in after:
                    fail(v, "%s: its markers are gone from %s" % (mode, name))
                    continue
                first, last, text = after[v.id]
                # Warnings point into the file as it was; compile errors into
                # the result.
                was_first, was_last = before[v.id][0], before[v.id][1]
                mine = [(l, t) for l, t in notes if was_first <= l <= was_last]
                owned.update(l for l, _ in mine)
                # A compile error is the variant's when it points into its lines
                # (or outside every variant: then it is everybody's).
                broke = []
                for api, res in compiled.items():
                    lines = [int(m.group(1)) for m in re.finditer(
                        r"^[^\s:]*%s:(\d+):\d+: error:" % re.escape(name), res.stderr, re.M)]
                    if res.returncode and (not lines or any(
                            first <= l <= last or not any(b[0] <= l <= b[1] for b in after.values())
                            for l in lines)):
                        broke.append(api)
                expect = v.expect_in(mode)
                if expect == "migrate":
                    if mine:
                        fail(v, "%s: warned: %s" % (mode, mine[0][1]))
                    elif text == before[v.id][2]:
                        fail(v, "%s: not changed" % mode)
                elif expect == "unchanged":
                    if mine:
                        fail(v, "%s: warned: %s" % (mode, mine[0][1]))
                    if text != before[v.id][2]:
                        fail(v, "%s: changed:\n%s" % (mode, text))
                elif expect == "report":
                    if not mine:
                        fail(v, "%s: no warning names it" % mode)
                    if text != before[v.id][2]:
                        fail(v, "%s: reported but changed:\n%s" % (mode, text))
                elif expect == "either" and broke and not mine:
                    fail(v, "%s: does not compile on %s and no warning names it"
                         % (mode, broke))
                if expect in ("migrate", "unchanged") and broke:
                    fail(v, "%s: %s does not compile on %s:\n%s" % (
                        mode, name, broke, compiled[broke[0]].stderr[:2000]))
            for line, text in notes:
                if line not in owned:
                    failures.append("%s %s:%d: a warning about no variant: %s"
                                    % (mode, name, line, text))
        # 4. A second run on the result (new kernels' headers for edit mode,
        # either side for guard mode) changes nothing in compiling files.
        clean = [f for f in files if not kind_of[f][0][MODES.index(mode)]]
        for api in sides:
            write_db(tree, clean, api, args)
            r = run([args.tool, "-p", tree, "--migration=all"] + (
                [] if mode == "edit" else ["--compat=" + mode]))
            if r.stdout.strip():
                failures.append("%s: a second run (%d) changes the result:\n%s"
                                % (mode, api, r.stdout[:3000]))

    # 5. clang-tidy -fix with the plugin writes the tool's text (edit mode).
    if args.clang_tidy and args.plugin:
        tidy = os.path.join(work, "tidy")
        shutil.copytree(orig, tidy)
        r = run([args.clang_tidy, "--load=" + args.plugin, "-checks=-*,gup-*",
                 "-config={CheckOptions: {Migrations: 'all'}}", "-fix"] +
                [os.path.join(tidy, f) for f in files] +
                ["--", "-std=gnu11", "-DGUP_MODEL_API=601"] + ["-I" + d for d in args.include])
        if "error:" in r.stdout + r.stderr and not os.path.exists(os.path.join(tidy, files[0])):
            print("clang-tidy failed:\n" + r.stderr[-3000:])
            return 1
        for name in files:
            mine = blocks(open(os.path.join(results["edit"][0], name)).read())
            theirs = blocks(open(os.path.join(tidy, name)).read())
            for v in kind_of[name][1]:
                if mine.get(v.id, (0, 0, None))[2] != theirs.get(v.id, (0, 0, ""))[2]:
                    fail(v, "clang-tidy -fix writes:\n%s\nthe tool:\n%s" % (
                        theirs.get(v.id, (0, 0, "(gone)"))[2], mine.get(v.id, (0, 0, "(gone)"))[2]))

    kinds = {}
    for v in variants:
        kinds[v.kind.split("/")[0]] = kinds.get(v.kind.split("/")[0], 0) + 1
    print("%d variants in %d files (%s)" % (len(variants), len(files), ", ".join(
        "%s %d" % kv for kv in sorted(kinds.items()))))
    for f in failures:
        print("FAIL " + f)
    print("%d failures" % len(failures))
    return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("command", choices=["check", "show", "list"])
    p.add_argument("ids", nargs="*")
    p.add_argument("--tool")
    p.add_argument("--clang")
    p.add_argument("--include", action="append", default=[])
    p.add_argument("--clang-tidy")
    p.add_argument("--plugin")
    p.add_argument("--workdir")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--per-file", type=int, default=25)
    args = p.parse_args()
    if args.command == "show":
        for vid in args.ids:
            seed, index = (int(x) for x in vid.split(":"))
            print(file_text([variant(seed, index)], 0), end="")
        return 0
    if args.command == "list":
        for i in range(args.count):
            v = variant(args.seed, i)
            print("%s %s %s" % (v.id, v.expect, v.kind))
        return 0
    if not (args.tool and args.clang and args.include and args.workdir):
        p.error("check needs --tool, --clang, --include and --workdir")
    args.include = [os.path.abspath(d) for d in args.include]
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
