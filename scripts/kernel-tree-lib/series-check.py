#!/usr/bin/env python3
"""Check a gup-rewrite --series on a real kernel tree.

usage: series-check.py --src TREE --db compile_commands.json --series DIR
                       [-j N] [--report FILE]

TREE is a git work tree at the series' base, HEAD detached (the caller
restores it). For each patch 0001.. in order:

1. checkpatch: TREE/scripts/checkpatch.pl --strict on the patch must report
   no ERROR, and no WARNING that the lines it replaces did not already
   have: the same check run on the reverse diff (whose added lines are the
   original ones) gives the baseline, per file and warning type.
2. bisectability: `git am` applies it, and the TUs it can break compile
   (clang -fsyntax-only with their own flags, N at a time): those whose
   source it touches, and for each header it touches, the TUs including it
   that name a function whose declaration lines it changed (a caller the
   patch missed) plus the first TU including it (the header's new code).

Headers are mapped to TUs once, before the first patch, with the
preprocessor's dependency list (-M) of every TU (the series adds no
#include). Prints one line per patch and exits 1 if any check failed.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

verify_db = import_module("verify-db")

FINDING = re.compile(r"^(?:#\d+: )?(?:FILE: )?(?P<file>[^:\s]+):(?P<line>\d+): "
                     r"(?P<level>ERROR|WARNING|CHECK):(?P<type>\w+): (?P<msg>.*)$")


def checkpatch(src, patch_text, extra):
    p = subprocess.run(["perl", os.path.join(src, "scripts", "checkpatch.pl"), "--strict",
                        "--terse", "--show-types", "--showfile", "--no-summary",
                        "--color=never", *extra, "-"],
                       cwd=src, input=patch_text, capture_output=True, text=True,
                       errors="replace")
    found = []
    for line in p.stdout.splitlines():
        m = FINDING.match(line)
        if m:
            found.append(m.groupdict())
    return found


def git(src, *args, **kw):
    return subprocess.run(["git", "-C", src, *args], capture_output=True, text=True,
                          errors="replace", **kw)


def dependencies(entries, jobs):
    """TU source path -> set of absolute paths of the headers it includes."""
    def deps(entry):
        args = verify_db.syntax_args(entry)
        args = [a for a in args if a != "-fsyntax-only"]
        args = args[:-1] + ["-M", "-MG", args[-1]]
        p = subprocess.run(args, cwd=entry["directory"], capture_output=True, text=True,
                           errors="replace")
        words = p.stdout.replace("\\\n", " ").split()
        paths = set()
        for w in words[1:]:
            if not w.endswith(":"):
                paths.add(os.path.realpath(os.path.join(entry["directory"], w)))
        return entry, paths
    out = {}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for entry, paths in pool.map(deps, entries):
            out[id(entry)] = paths
    return out


KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "typeof", "defined"}


def affected(src, entries, deps, touched, source_of):
    """The TUs a patch can break: those whose source it changes; for each
    header it changes, the TUs including it that name a function whose
    declaration lines it changed (a missed caller), and the first TU that
    includes it (the header's own new code)."""
    units = [e for e in entries if source_of(e) in touched]
    for header in sorted(p for p in touched if not p.endswith(".c")):
        diff = git(src, "diff", "-U0", "HEAD~1", "HEAD", "--", header).stdout
        names = set()
        for line in diff.splitlines():
            if line.startswith("-") and not line.startswith("---"):
                names.update(n for n in re.findall(r"\b([A-Za-z_]\w*)\s*\(", line)
                             if n not in KEYWORDS)
        includers = sorted((e for e in entries if header in deps[id(e)]), key=source_of)
        for i, e in enumerate(includers):
            if e in units:
                continue
            if i == 0:
                units.append(e)
                continue
            with open(source_of(e), errors="replace") as f:
                text = f.read()
            if any(re.search(r"\b" + re.escape(n) + r"\b", text) for n in names):
                units.append(e)
    return units


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--series", required=True)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--report")
    args = ap.parse_args()
    src = os.path.realpath(args.src)
    with open(args.db) as f:
        entries = json.load(f)

    def source_of(entry):
        return os.path.realpath(os.path.join(entry["directory"], entry["file"]))

    t0 = time.monotonic()
    deps = dependencies(entries, args.jobs)
    dep_time = time.monotonic() - t0
    print(f"series-check: include lists of {len(entries)} TUs in {dep_time:.1f}s")

    patches = sorted(p for p in os.listdir(args.series)
                     if re.match(r"^\d{4}-.*\.patch$", p) and not p.startswith("0000-"))
    env = dict(os.environ, GIT_COMMITTER_NAME="kernel-check",
               GIT_COMMITTER_EMAIL="kernel-check@gup-rewrite.invalid")
    failures = 0
    report = []
    for name in patches:
        path = os.path.join(args.series, name)
        with open(path) as f:
            text = f.read()
        subject = re.search(r"^Subject: (.*)$", text, re.M).group(1)
        item = {"patch": name, "subject": subject}
        problems = []

        # 1. checkpatch, forward and (after am) on the reverse diff.
        forward = checkpatch(src, text, [])
        errors = [f for f in forward if f["level"] == "ERROR"]
        am = subprocess.run(["git", "-C", src, "am", "-q", path], env=env,
                            capture_output=True, text=True)
        if am.returncode:
            problems.append("git am failed: " + (am.stdout + am.stderr).strip())
            git(src, "am", "--abort")
            failures += 1
            print(f"{name}: FAIL: {problems[-1]}")
            item["problems"] = problems
            report.append(item)
            break
        reverse = checkpatch(src, git(src, "diff", "HEAD", "HEAD~1").stdout, ["--no-signoff"])

        def count(found):
            c = {}
            for f in found:
                if f["level"] == "WARNING":
                    key = (os.path.normpath(f["file"]), f["type"])
                    c[key] = c.get(key, 0) + 1
            return c
        before, after = count(reverse), count(forward)
        new = {k: n - before.get(k, 0) for k, n in after.items() if n > before.get(k, 0)}
        for e in errors:
            problems.append(f"checkpatch ERROR {e['file']}:{e['line']}: {e['type']}: {e['msg']}")
        for f in forward:
            if f["level"] == "WARNING" and (os.path.normpath(f["file"]), f["type"]) in new:
                problems.append(f"checkpatch new WARNING {f['file']}:{f['line']}: "
                                f"{f['type']}: {f['msg']}")
        checks = sum(1 for f in forward if f["level"] == "CHECK")

        # 2. The TUs this patch can affect compile.
        touched = {os.path.realpath(os.path.join(src, p))
                   for p in git(src, "diff", "--name-only", "HEAD~1", "HEAD").stdout.split()}
        units = affected(src, entries, deps, touched, source_of)
        t = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(verify_db.check, units))
        compile_time = time.monotonic() - t
        for entry, rc, errs, _out, _secs in results:
            if rc:
                problems.append(f"{os.path.relpath(source_of(entry), src)} does not compile: "
                                + "; ".join(errs[:3]))
        status = "FAIL" if problems else "ok"
        print(f"{name}: {status}: {len(units)} TUs compile in {compile_time:.1f}s; "
              f"checkpatch --strict: {len(errors)} errors, {sum(new.values())} new warnings "
              f"({sum(after.values())} in all, {sum(before.values())} on the original lines), "
              f"{checks} checks")
        for p in problems:
            print(f"  {p}")
        failures += bool(problems)
        item.update(units=len(units), compile_seconds=round(compile_time, 1),
                    errors=len(errors), new_warnings=sum(new.values()),
                    warnings=sum(after.values()), original_warnings=sum(before.values()),
                    checks=checks, problems=problems)
        report.append(item)
    if args.report:
        with open(args.report, "w") as f:
            json.dump(report, f, indent=2)
    return 1 if failures or not patches else 0


if __name__ == "__main__":
    sys.exit(main())
