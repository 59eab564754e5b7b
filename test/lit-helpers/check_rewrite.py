#!/usr/bin/env python3
"""Run gup-rewrite on one self-describing test snippet and check the result.

usage (through lit's %check-rewrite substitution):
  %check-rewrite [options] TESTFILE TMPDIR [-- TOOL-ARGS...]

The snippet is copied into TMPDIR/tree with its lit/FileCheck directive lines
blanked (line numbers are kept, so [[@LINE]] works), given a compile database,
and rewritten with `gup-rewrite --in-place`. Then:
  1. the original must compile against the pre-6.5 headers (-Wall -Werror);
  2. stderr is checked against PREFIX-MESSAGES lines (-implicit-check-not for
     any other warning/error); without such lines stderr must carry none;
  3. the rewritten file is checked against PREFIX-FIXES lines; without such
     lines it must be unchanged;
  4. the rewritten file must compile against the post-6.5 headers
     (-Wall -Werror; API 6.7 with --target-kernel=6.7) unless --no-compile-after;
  5. a second run on the rewritten tree (post-6.5 headers) must change nothing.
The exit status of the tool must be --expect-exit (default 0).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

DIRECTIVE = re.compile(
    r"^\s*//\s*(RUN|REQUIRES|UNSUPPORTED|XFAIL|EXPECTED-DIFF|[A-Z][A-Z0-9]*(-[A-Z0-9]+)*)"
    r"(-(NEXT|NOT|SAME|DAG|LABEL|EMPTY|COUNT-\d+))?\s*:")


def blank_directives(text):
    return "".join("\n" if DIRECTIVE.match(line) else line
                   for line in text.splitlines(keepends=True))


def has_prefix(text, prefix):
    return re.search(r"//\s*" + re.escape(prefix) + r"(-[A-Z]+)?:", text) is not None


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def fail(message, proc=None):
    print("check_rewrite: FAIL: " + message, file=sys.stderr)
    if proc is not None:
        print("--- command: " + " ".join(proc.args), file=sys.stderr)
        print("--- stdout:\n" + proc.stdout, file=sys.stderr)
        print("--- stderr:\n" + proc.stderr, file=sys.stderr)
    sys.exit(1)


def compile_check(args, path, api, what):
    proc = run([args.clang, "-std=gnu11", "-Wall", "-Werror", "-fsyntax-only",
                f"-DGUP_MODEL_API={api}", f"-I{args.include}", path])
    if proc.returncode != 0:
        fail(f"{what} does not compile against the API {api} headers", proc)


def main():
    argv = sys.argv[1:]
    tool_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, tool_args = argv[:split], argv[split + 1:]
    p = argparse.ArgumentParser()
    p.add_argument("--tool", required=True)
    p.add_argument("--include", required=True)
    p.add_argument("--clang", required=True)
    p.add_argument("--llvm-bin", required=True)
    p.add_argument("--prefix", default="CHECK")
    p.add_argument("--expect-exit", type=int, default=0)
    p.add_argument("--no-compile-after", action="store_true")
    p.add_argument("--no-compile-before", action="store_true")
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

    if not args.no_compile_before:
        compile_check(args, target, 604, "the original snippet")

    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "mkdb.py"),
                    tree, name, "--", f"-I{args.include}"], check=True)
    tool = run([args.tool, "-p", tree, "--in-place", *tool_args])
    with open(os.path.join(args.tmpdir, "stderr.txt"), "w") as out:
        out.write(tool.stderr)
    if tool.returncode != args.expect_exit:
        fail(f"gup-rewrite exited {tool.returncode}, expected {args.expect_exit}", tool)

    messages = args.prefix + "-MESSAGES"
    if has_prefix(source, messages):
        check = run([filecheck, args.testfile, f"--check-prefix={messages}",
                     "--implicit-check-not=warning:", "--implicit-check-not=error:",
                     "--allow-empty", "--dump-input=fail"], input=tool.stderr)
        if check.returncode != 0:
            fail("stderr does not match " + messages, check)
    elif re.search(r"\b(warning|error):", tool.stderr):
        fail("unexpected diagnostics (the test has no " + messages + " lines)", tool)

    rewritten = open(target).read()
    fixes = args.prefix + "-FIXES"
    if has_prefix(source, fixes):
        check = run([filecheck, args.testfile, f"--check-prefix={fixes}", "--strict-whitespace",
                     "--dump-input=fail"], input=rewritten)
        if check.returncode != 0:
            fail("the rewritten file does not match " + fixes, check)
    elif rewritten != original:
        fail("the file changed but the test has no " + fixes + " lines:\n" + rewritten)

    if args.no_compile_after:
        return 0
    api = 607 if any(a.startswith("--target-kernel=6.7") or
                     a.startswith("--target-kernel=6.8") for a in tool_args) else 605
    compile_check(args, target, api, "the rewritten snippet")
    own = tool_args[:tool_args.index("--")] if "--" in tool_args else tool_args
    extra = tool_args[tool_args.index("--") + 1:] if "--" in tool_args else []
    again = run([args.tool, "-p", tree, *own, "--", *extra, f"-DGUP_MODEL_API={api}"])
    if again.returncode != 0 or again.stdout:
        fail("a second run on the rewritten tree is not a no-op", again)
    return 0


if __name__ == "__main__":
    sys.exit(main())
