#!/usr/bin/env python3
"""Run clang-tidy with the gup plugin on one test snippet and check the result.

usage (through lit's %check-tidy substitution, feature "tidy-plugin"):
  %check-tidy [options] TESTFILE TMPDIR [-- CLANG-TIDY-ARGS...]

The snippet is copied into TMPDIR/tree with its lit/FileCheck directive lines
blanked (line numbers are kept, so [[@LINE]] works), given a compile database
(-std=gnu11 and the kernel-like headers), and fixed in place with
`clang-tidy --load=PLUGIN -fix`, the header filter being the copy itself.
Then:
  1. clang-tidy's diagnostics (its stdout) are checked against
     PREFIX-MESSAGES lines, PREFIX being --prefix (default TIDY), with
     -implicit-check-not for any other warning or error; without such lines
     there must be none;
  2. the fixed file is checked against FIXES-PREFIX-FIXES lines, FIXES-PREFIX
     being --fixes-prefix (default CHECK), and every changed line must be one
     they match (fixes_coverage.py); without such lines it must be unchanged;
  3. clang-tidy must exit --expect-exit (default 0) and never say that a
     fix-it overlaps another or conflicts (it would have dropped it).

How this coexists with %check-rewrite: the snippets' CHECK-MESSAGES lines
describe the tool's stderr ("file:line:col: warning: ... [gup-rewrite]",
only the sites that need a human), while clang-tidy prints every finding,
rewrites included, as "file:line:col: warning: ... [gup-<check>]". So a tidy
run never reads CHECK-MESSAGES: a test states what clang-tidy prints in its
own TIDY-MESSAGES lines. The fixes are the same text for both front ends, so
CHECK-FIXES lines are shared (and %check-rewrite proves, for every snippet,
that clang-tidy -fix writes exactly what the tool writes).

Options:
  --checks=GLOB            checks to enable (default '-*,gup-*')
  --option=KEY=VALUE       a CheckOptions entry, e.g. TargetKernel=6.7 or
                           gup-single-vma.TargetKernel=6.7 (repeatable)
  --disable-check=NAME     leave this check out (mutation runs)
Arguments after `--` go to clang-tidy as they are (before the file name).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from check_rewrite import blank_directives, has_prefix, numbered  # noqa: E402
from fixes_coverage import filecheck_args, uncovered_changes  # noqa: E402


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def fail(message, proc=None):
    print("check_tidy: FAIL: " + message, file=sys.stderr)
    if proc is not None:
        print("--- command: " + " ".join(proc.args), file=sys.stderr)
        print("--- stdout:\n" + proc.stdout, file=sys.stderr)
        print("--- stderr:\n" + proc.stderr, file=sys.stderr)
    sys.exit(1)


def main():
    argv = sys.argv[1:]
    tidy_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, tidy_args = argv[:split], argv[split + 1:]
    p = argparse.ArgumentParser()
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--include", required=True)
    p.add_argument("--llvm-bin", required=True)
    p.add_argument("--prefix", default="TIDY")
    p.add_argument("--fixes-prefix", default="CHECK")
    p.add_argument("--checks", default="-*,gup-*")
    p.add_argument("--option", action="append", default=[])
    p.add_argument("--expect-exit", type=int, default=0)
    p.add_argument("--disable-check", help="mutation run: leave this check out")
    p.add_argument("testfile")
    p.add_argument("tmpdir")
    args = p.parse_args(argv)

    filecheck = os.path.join(args.llvm_bin, "FileCheck")
    source = open(args.testfile).read()
    tree = os.path.join(args.tmpdir, "tree")
    shutil.rmtree(args.tmpdir, ignore_errors=True)
    os.makedirs(tree)
    name = os.path.basename(args.testfile)
    target = os.path.join(tree, name)
    original = blank_directives(source)
    with open(target, "w") as out:
        out.write(original)
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "mkdb.py"),
                    tree, name, "--", f"-I{args.include}"], check=True)

    options = {}
    for entry in args.option:
        key, _, value = entry.partition("=")
        options[key] = value
    # --config keeps any .clang-tidy above the build directory out of the test.
    checks = args.checks + (f",-{args.disable_check}" if args.disable_check else "")
    config = json.dumps({"Checks": checks, "CheckOptions": options})
    tidy = run([args.clang_tidy, f"--load={args.plugin}", f"--config={config}",
                "-p", tree, f"--header-filter=^{re.escape(tree)}/", "-fix",
                *tidy_args, target])
    with open(os.path.join(args.tmpdir, "tidy.txt"), "w") as out:
        out.write(tidy.stdout)
    if tidy.returncode != args.expect_exit:
        fail(f"clang-tidy exited {tidy.returncode}, expected {args.expect_exit}", tidy)
    for bad in ("overlaps with another fix", "Fix conflicts"):
        if bad in tidy.stdout or bad in tidy.stderr:
            fail(f"clang-tidy says '{bad}'", tidy)

    messages = args.prefix + "-MESSAGES"
    if has_prefix(source, messages):
        check = run([filecheck, args.testfile, f"--check-prefix={messages}",
                     "--implicit-check-not=warning:", "--implicit-check-not=error:",
                     "--dump-input=fail"], input=tidy.stdout)
        if check.returncode != 0:
            fail("clang-tidy's output does not match " + messages, check)
    elif re.search(r"\b(warning|error):", tidy.stdout):
        fail("unexpected diagnostics (the test has no " + messages + " lines)", tidy)

    fixed = open(target).read()
    fixes = args.fixes_prefix + "-FIXES"
    if has_prefix(source, fixes):
        check = run([filecheck, args.testfile, f"--check-prefix={fixes}",
                     "--strict-whitespace", *filecheck_args()], input=fixed)
        if check.returncode != 0:
            fail("the fixed file does not match " + fixes, check)
        stray = uncovered_changes(original, fixed, check.stderr)
        if stray:
            fail(f"the fixed file has changes no {fixes} line asserts:\n  " +
                 "\n  ".join(stray) + "\n--- fixed file:\n" + numbered(fixed))
    elif fixed != original:
        fail("the file changed but the test has no " + fixes + " lines:\n" + fixed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
