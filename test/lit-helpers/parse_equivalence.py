#!/usr/bin/env python3
"""Stands in for gup-rewrite when lit runs with --param parse-equivalence=1.

Every invocation runs the real tool (GUP_REAL_TOOL) twice, with --full-parse
and without (function bodies that cannot hold a site skipped), and fails
loudly unless both give the same stdout, stderr, exit status and written
files. The test then sees the default run's results, so the whole suite
doubles as a proof that skipping bodies changes nothing.

Options that write (--export-fixes, --coverage-report, --series) are pointed
at one scratch path for both runs and compared there; --in-place is compared
as the diff it would write. Such an invocation then runs once more, as
given, for the test to see what it wrote.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Options whose value is a path the tool writes.
WRITES = ("--export-fixes", "--coverage-report", "--series")
# What legitimately differs between two runs: clocks, CPU times, RSS, the
# body counts, the progress line.
TIMING = [
    (re.compile(r"\d+(\.\d+)? s\b"), "N s"),
    (re.compile(r"\d+ MiB"), "N MiB"),
    (re.compile(r"\d\d:\d\d"), "MM:SS"),
    (re.compile(r"(?m)^  function bodies .*\n"), ""),
    # A crashing worker's stack dump (--test-crash-on): addresses, and the
    # command line that has --full-parse once.
    (re.compile(r"0x[0-9a-f]+"), "0xN"),
    (re.compile(r" --full-parse"), ""),
    # The first run fills the prefilter's cache and run record the second
    # one reads.
    (re.compile(r"(?m)^  (prefilter|scanned by the prefilter) .*\n"), ""),
]


def normalize(text):
    for pattern, replacement in TIMING:
        text = pattern.sub(replacement, text)
    return text


def split_args(args):
    """(args before `--`, the rest)."""
    if "--" in args:
        i = args.index("--")
        return args[:i], args[i:]
    return args, []


def probe_args(args, scratch):
    """The invocation with every written path replaced by scratch paths and
    --in-place turned into the diff it would write; and those paths."""
    own, rest = split_args(args)
    out, paths = [], []
    skip_next = False
    for i, a in enumerate(own):
        if skip_next:
            skip_next = False
            continue
        if a == "--in-place":
            continue
        name = next((w for w in WRITES if a == w or a.startswith(w + "=")), None)
        if name is None:
            out.append(a)
            continue
        path = os.path.join(scratch, name.lstrip("-"))
        paths.append(path)
        out.append(f"{name}={path}")
        if a == name:
            skip_next = True
    return out + rest, paths


# A patch's date is the time it was written.
PATCH_DATE = re.compile(rb"(?m)^Date: .*$")


def read_written(path):
    with open(path, "rb") as f:
        return PATCH_DATE.sub(b"Date: N", f.read())


def snapshot(path):
    """The files at path (a file or a directory), as {relative: bytes}."""
    if os.path.isfile(path):
        return {"": read_written(path)}
    found = {}
    if os.path.isdir(path):
        for base, _, names in os.walk(path):
            for n in names:
                full = os.path.join(base, n)
                found[os.path.relpath(full, path)] = read_written(full)
    return found


def remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)


def run(tool, args, stdin=subprocess.DEVNULL):
    p = subprocess.run([tool] + args, stdin=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def compare(tool, args, paths):
    results = []
    for extra in (["--full-parse"], []):
        for p in paths:
            remove(p)
        own, rest = split_args(args)
        status, out, err = run(tool, own + extra + rest)
        files = {p: snapshot(p) for p in paths}
        results.append((status, out, err, files))
    (s1, o1, r1, f1), (s2, o2, r2, f2) = results
    e1 = normalize(r1.decode("utf-8", "replace"))
    e2 = normalize(r2.decode("utf-8", "replace"))
    problems = []
    if s1 != s2:
        problems.append(f"exit status {s1} with --full-parse, {s2} without")
    if o1 != o2:
        problems.append("stdout differs")
    if e1 != e2:
        problems.append("stderr differs:\n--- --full-parse\n" + e1 + "--- default\n" + e2)
    if f1 != f2:
        problems.append("written files differ: " + ", ".join(
            p for p in paths if f1[p] != f2[p]))
    return problems, results[1]


def main():
    tool = os.environ.get("GUP_REAL_TOOL")
    if not tool:
        sys.exit("parse_equivalence.py: GUP_REAL_TOOL is not set")
    args = sys.argv[1:]
    own, _ = split_args(args)
    writes = any(a == "--in-place" or any(a == w or a.startswith(w + "=") for w in WRITES)
                 for a in own)
    with tempfile.TemporaryDirectory(prefix="gup-equivalence-") as scratch:
        probe, paths = probe_args(args, scratch) if writes else (args, [])
        problems, (status, out, err, _) = compare(tool, probe, paths)
        if problems:
            sys.stderr.write("parse-equivalence: gup-rewrite " + " ".join(args) +
                             "\nparse-equivalence: --full-parse and the default "
                             "disagree: " + "\n".join(problems) + "\n")
            sys.exit(99)
    if writes:
        # The test sees what the invocation itself writes and prints.
        os.execv(tool, [tool] + args)
    # The default run's own bytes.
    sys.stdout.buffer.write(out)
    sys.stderr.buffer.write(err)
    sys.exit(status)


if __name__ == "__main__":
    main()
