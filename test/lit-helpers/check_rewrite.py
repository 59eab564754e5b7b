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
  3. the rewritten file is checked against PREFIX-FIXES lines, and every line
     the rewrite changed must be one of the lines they match (deleted lines:
     the lines around the gap tied by -NEXT), see fixes_coverage.py; without
     such lines it must be unchanged;
  4. the rewritten file must compile against the post-6.5 headers
     (-Wall -Werror; API 6.7 with --target-kernel=6.7) unless --no-compile-after;
     with --compat=..., against the 6.4, 6.5 and 6.7 headers; in every case
     it must preprocess against the pre-6.5 headers (no #if group broken);
  5. a second run on the rewritten tree (post-6.5 headers; with --compat, the
     6.4 and the 6.5 headers) must change nothing.
The exit status of the tool must be --expect-exit (default 0).

With --clang-tidy and --plugin (lit passes them when the feature
"tidy-plugin" is available), the same snippet also goes through
`clang-tidy -fix` with the gup-* checks, on a second copy (TMPDIR/tidy) with
its own compile database, and the fixed file must be byte-identical to what
the tool wrote, and every warning the tool gives at a place must come from
clang-tidy too, at that place with the same message (step 6, before 4 and 5). The tool options map onto the
checks' options: --target-kernel=X.Y -> TargetKernel, --drop-vma-checks ->
DropVmaChecks, --disable-rule=NAME -> DisabledRules; the extra compiler flags after the tool's own `--` go to
clang-tidy as --extra-arg. The header filter is the copy itself, as --root
is the tree for the tool.
  - The tool holds every edit of an API back when one of its sites needs a
    human (a policy over the whole tree); clang-tidy fixes each site on its
    own. When the tool reports held-back APIs, the reference is therefore a
    third run of the tool on a third copy with --force-api for each of them
    (the other sites migrated, the blocking ones left alone), which is what
    the checks produce.
  - The comparison is skipped, with a note on stdout, when the tool gets an
    option clang-tidy has no counterpart for (--force-api is the tool's
    policy).

Mutation runs (scripts/mutation.py through lit parameters, see lit.cfg.py):
--disable-rule=NAME adds that option to every run of the tool (and
DisabledRules to clang-tidy's), --mutation-log=FILE then records whether
it changed the tool's output; --disable-check=NAME leaves the check out of the
clang-tidy run.
"""
import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from fixes_coverage import filecheck_args, uncovered_changes  # noqa: E402

DIRECTIVE = re.compile(
    r"^\s*//\s*(RUN|REQUIRES|UNSUPPORTED|XFAIL|EXPECTED-DIFF|[A-Z][A-Z0-9]*(-[A-Z0-9]+)*)"
    r"(-(NEXT|NOT|SAME|DAG|LABEL|EMPTY|COUNT-\d+))?\s*:")


def blank_directives(text):
    return "".join("\n" if DIRECTIVE.match(line) else line
                   for line in text.splitlines(keepends=True))


def has_prefix(text, prefix):
    return re.search(r"//\s*" + re.escape(prefix) + r"(-[A-Z]+)?:", text) is not None


def numbered(text):
    return "".join(f"{n:5}: {line}" for n, line in enumerate(text.splitlines(keepends=True), 1))


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


# "FILE:LINE:COL: warning: MESSAGE [gup-...]", as (basename:LINE:COL, MESSAGE).
LOCATED_WARNING = re.compile(r"^(?:.*/)?([^/\s:]+:\d+:\d+): warning: (.*) \[gup-[\w-]+\]$", re.M)
HELD_BACK = re.compile(r"^gup-rewrite: warning: (\w+)\(\) was not migrated", re.M)


def split_tool_args(tool_args):
    """The tool's own options and the compiler flags after its `--`."""
    if "--" in tool_args:
        split = tool_args.index("--")
        return tool_args[:split], tool_args[split + 1:]
    return tool_args, []


def tidy_check_options(own_args):
    """gup-* check options for the tool's options, or (None, why not)."""
    options = {}
    for arg in own_args:
        if arg.startswith("--target-kernel="):
            options["TargetKernel"] = arg.split("=", 1)[1]
        elif arg == "--drop-vma-checks":
            options["DropVmaChecks"] = "true"
        elif arg.startswith("--disable-rule="):
            rules = options.get("DisabledRules", "")
            options["DisabledRules"] = ";".join(filter(None, [rules, arg.split("=", 1)[1]]))
        else:
            return None, f"the tool option {arg} has no clang-tidy counterpart"
    return options, None


def write_tree(tree, name, text, args):
    os.makedirs(tree)
    with open(os.path.join(tree, name), "w") as out:
        out.write(text)
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "mkdb.py"),
                    tree, name, "--", f"-I{args.include}"], check=True)


def compare_with_tidy(args, name, original, rewritten, tool, tool_args):
    """Step 6: clang-tidy -fix with the plugin must write what the tool wrote."""
    own, extra = split_tool_args(tool_args)
    options, why_not = tidy_check_options(own)
    if options is None:
        print(f"check_rewrite: note: clang-tidy comparison skipped: {why_not}")
        return
    expected = rewritten
    held_back = HELD_BACK.findall(tool.stderr)
    if held_back:
        forced_tree = os.path.join(args.tmpdir, "forced")
        write_tree(forced_tree, name, original, args)
        forced = run([args.tool, "-p", forced_tree, "--in-place", *own,
                      *[f"--force-api={api}" for api in held_back], "--", *extra])
        if forced.returncode not in (0, 1):
            fail("the --force-api reference run of gup-rewrite failed", forced)
        expected = open(os.path.join(forced_tree, name)).read()

    tidy_tree = os.path.join(args.tmpdir, "tidy")
    write_tree(tidy_tree, name, original, args)
    checks = "-*,gup-*" + (f",-{args.disable_check}" if args.disable_check else "")
    config = json.dumps({"Checks": checks, "CheckOptions": options})
    tidy = run([args.clang_tidy, f"--load={args.plugin}", f"--config={config}",
                "-p", tidy_tree, f"--header-filter=^{re.escape(tidy_tree)}/", "-fix",
                *[f"--extra-arg={flag}" for flag in extra],
                os.path.join(tidy_tree, name)])
    if tidy.returncode != 0:
        fail(f"clang-tidy exited {tidy.returncode}", tidy)
    for bad in ("overlaps with another fix", "Fix conflicts", "error:"):
        if bad in tidy.stdout or bad in tidy.stderr:
            fail(f"clang-tidy says '{bad}'", tidy)
    # A site the tool names is named by clang-tidy too, at the same place
    # with the same words (under its gup-* check instead of [gup-rewrite]).
    tidy_warnings = set(LOCATED_WARNING.findall(tidy.stdout))
    for where, message in LOCATED_WARNING.findall(tool.stderr):
        if (where, message) not in tidy_warnings:
            fail(f"gup-rewrite warns at {where} and clang-tidy does not: {message}", tidy)
    fixed = open(os.path.join(tidy_tree, name)).read()
    if fixed != expected:
        reference = "gup-rewrite --force-api" if held_back else "gup-rewrite"
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), fixed.splitlines(keepends=True),
            f"{reference}/{name}", f"clang-tidy/{name}"))
        fail(f"clang-tidy -fix and {reference} disagree:\n{diff}", tidy)


def log_mutation_effect(args, name, original, tool, rewritten, tool_args):
    """Mutation run: whether --disable-rule changed anything the tool did on
    this snippet, against a run with every rule on (a third copy). A rule the
    tool does not let one disable changes nothing anywhere."""
    own, extra = split_tool_args(tool_args)
    own = [arg for arg in own if arg != f"--disable-rule={args.disable_rule}"]
    reference_tree = os.path.join(args.tmpdir, "all-rules")
    write_tree(reference_tree, name, original, args)
    reference = run([args.tool, "-p", reference_tree, "--in-place", *own, "--", *extra])
    tree = os.path.join(args.tmpdir, "tree")
    same = (reference.returncode == tool.returncode and
            reference.stderr.replace(reference_tree, tree) == tool.stderr and
            open(os.path.join(reference_tree, name)).read() == rewritten)
    with open(args.mutation_log, "a") as log:
        log.write(f"{args.testfile}\t{args.disable_rule}\t{'unchanged' if same else 'changed'}\n")


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
    p.add_argument("--clang-tidy", help="clang-tidy binary (with --plugin: step 6)")
    p.add_argument("--plugin", help="libGupTidy.so")
    p.add_argument("--disable-rule", help="mutation run: the tool skips this rule")
    p.add_argument("--disable-check", help="mutation run: clang-tidy leaves this check out")
    p.add_argument("--mutation-log", help="with --disable-rule: append to this file whether "
                   "disabling the rule changed the tool's output")
    p.add_argument("testfile")
    p.add_argument("tmpdir")
    args = p.parse_args(argv)

    if args.disable_rule:
        own, extra = split_tool_args(tool_args)
        tool_args = [*own, f"--disable-rule={args.disable_rule}"] + (
            ["--", *extra] if "--" in tool_args else [])

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
    if args.disable_rule and args.mutation_log:
        log_mutation_effect(args, name, original, tool, open(target).read(), tool_args)
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
                     *filecheck_args()], input=rewritten)
        if check.returncode != 0:
            fail("the rewritten file does not match " + fixes, check)
        stray = uncovered_changes(original, rewritten, check.stderr)
        if stray:
            fail(f"the rewritten file has changes no {fixes} line asserts:\n  " +
                 "\n  ".join(stray) + "\n--- rewritten file:\n" + numbered(rewritten))
    elif rewritten != original:
        fail("the file changed but the test has no " + fixes + " lines:\n" + rewritten)

    if args.clang_tidy and args.plugin:
        compare_with_tidy(args, name, original, rewritten, tool, tool_args)

    # Whatever the mode and target, the file keeps the #if groups of every
    # configuration: it must still preprocess with the pre-6.5 headers.
    proc = run([args.clang, "-std=gnu11", "-E", "-o", os.devnull, "-DGUP_MODEL_API=604",
                f"-I{args.include}", target])
    if proc.returncode != 0:
        fail("the rewritten snippet does not preprocess against the API 604 headers", proc)
    if args.no_compile_after:
        return 0
    if any(a.startswith("--compat") for a in tool_args):
        # Out-of-tree output: it must build on both sides of 6.5 (and 6.7,
        # where get_user_page_vma_remote() stopped returning NULL), and a
        # second run, with the module's pre-6.5 headers or with post-6.5
        # ones, finds nothing left to do.
        for api in (604, 605, 607):
            compile_check(args, target, api, "the rewritten snippet")
        own, extra = split_tool_args(tool_args)
        for api in (604, 605):
            again = run([args.tool, "-p", tree, *own, "--", *extra, f"-DGUP_MODEL_API={api}"])
            # Sites only reported stay reported (the same exit status).
            if again.returncode != args.expect_exit or again.stdout:
                fail(f"a second run (API {api} headers) on the rewritten tree is not a no-op",
                     again)
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
