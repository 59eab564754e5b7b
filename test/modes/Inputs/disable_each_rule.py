#!/usr/bin/env python3
"""--disable-rule honours every rule name it accepts, in the tool and in the
clang-tidy checks.

usage: disable_each_rule.py --tool=GUP_REWRITE --tree=DIR --files=F1,F2,...
       --cc="CLANG -std=gnu11 -Wall -Werror -fsyntax-only" --tmp=DIR
       [--clang-tidy=BIN --plugin=LIB]

The tree exercises every rule. For each name `gup-rewrite --list-rules`
prints, the tool runs with --disable-rule=NAME on a fresh copy, and:
  - it accepts the name (exit 0 or 1, never 2);
  - the result differs from the run with every rule on (files or
    diagnostics): the name is not ignored;
  - every file of the result compiles against the tree's own headers
    (-Wall -Werror): a disabled rule never leaves a half-migrated API;
  - every warning of the default run stays (but those of vma-after-unlock,
    which only reports): a site the rule no longer edits goes to the next
    rule of its table, or is named in a warning.
With --clang-tidy and --plugin, the checks get DisabledRules=NAME and must
differ from their run without it, with no configuration error.
Prints one line per rule; exits 1 on the first failure.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def fresh_tree(args, name):
    tree = os.path.join(args.tmp, name)
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(args.tree, tree)
    entries = [{"directory": tree, "file": f,
                "arguments": ["clang", "-std=gnu11", f"-I{tree}/include", "-c", f]}
               for f in args.files]
    with open(os.path.join(tree, "compile_commands.json"), "w") as out:
        json.dump(entries, out)
    return tree


def snapshot(tree):
    files = {}
    for root, _, names in os.walk(tree):
        for n in names:
            if n.endswith((".c", ".h")):
                path = os.path.join(root, n)
                files[os.path.relpath(path, tree)] = open(path).read()
    return files


WARNING = re.compile(r"^(\S+:\d+:\d+): warning: ", re.M)


def tidy_output(args, tree, disabled):
    options = {"DisabledRules": disabled} if disabled else {}
    config = json.dumps({"Checks": "-*,gup-*", "CheckOptions": options})
    out = ""
    for f in args.files:
        proc = run([args.clang_tidy, f"--load={args.plugin}", f"--config={config}",
                    "-p", tree, f"--header-filter=^{re.escape(tree)}/",
                    os.path.join(tree, f)])
        out += proc.stdout
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tool", required=True)
    p.add_argument("--tree", required=True)
    p.add_argument("--files", required=True)
    p.add_argument("--cc", required=True)
    p.add_argument("--tmp", required=True)
    p.add_argument("--clang-tidy")
    p.add_argument("--plugin")
    args = p.parse_args()
    args.files = args.files.split(",")
    shutil.rmtree(args.tmp, ignore_errors=True)
    os.makedirs(args.tmp)

    rules = [line.split("\t")[0] for line in
             run([args.tool, "--list-rules"]).stdout.splitlines() if line]
    base_tree = fresh_tree(args, "all-rules")
    base = run([args.tool, "-p", base_tree, "--in-place"])
    base_files = snapshot(base_tree)
    base_warnings = set(WARNING.findall(base.stderr))
    tidy_base = tidy_output(args, fresh_tree(args, "tidy-all-rules"), "") \
        if args.clang_tidy and args.plugin else None

    for rule in rules:
        tree = fresh_tree(args, rule)
        proc = run([args.tool, "-p", tree, "--in-place", f"--disable-rule={rule}"])
        files = snapshot(tree)
        where = f"--disable-rule={rule}"
        if proc.returncode not in (0, 1):
            print(f"FAIL: {where}: exit {proc.returncode}\n{proc.stderr}")
            return 1
        if files == base_files and proc.stderr == base.stderr:
            print(f"FAIL: {where} changes nothing: the rule is ignored")
            return 1
        for f in args.files:
            built = run(shlex.split(args.cc) + [f"-I{os.path.join(tree, 'include')}",
                                                os.path.join(tree, f)])
            if built.returncode != 0:
                print(f"FAIL: {where}: {f} does not compile:\n{built.stderr}")
                return 1
        # A report-only rule takes its own warnings away; any other keeps
        # every warning (a site it no longer edits goes to the next rule of
        # its table, or is named).
        lost = base_warnings - set(WARNING.findall(proc.stderr))
        if rule != "vma-after-unlock" and lost:
            print(f"FAIL: {where}: warnings lost {sorted(lost)}:\n{proc.stderr}")
            return 1
        status = f"{rule}: honoured, exit {proc.returncode}"
        if tidy_base is not None:
            tidy = tidy_output(args, fresh_tree(args, "tidy-" + rule), rule)
            if "clang-tidy-config" in tidy:
                print(f"FAIL: DisabledRules={rule} is a configuration error:\n{tidy}")
                return 1
            if tidy == tidy_base:
                print(f"FAIL: DisabledRules={rule} changes nothing in clang-tidy")
                return 1
            status += ", clang-tidy too"
        print(status)
    print(f"{len(rules)} rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
