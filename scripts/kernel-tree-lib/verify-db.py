#!/usr/bin/env python3
"""Check that every entry of a compile DB parses: `clang -fsyntax-only` with the
entry's own flags, run from the entry's directory.

Used by scripts/kernel-tree.sh. The entry's arguments are reused as they are,
except that `-c`, `-o OUT` and the dependency-file flag (-Wp,-MMD,...) are
dropped and -fsyntax-only is added, so nothing is written into the build tree.

Exit status: 0 if every entry parses, 1 otherwise. Failures are listed with
the first error lines; --report writes the full list (JSON) to a file.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time


def syntax_args(entry):
    args = entry.get("arguments")
    if args is None:
        import shlex
        args = shlex.split(entry["command"])
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c" or a.startswith("-Wp,-MMD,") or a.startswith("-Wp,-MD,"):
            continue
        out.append(a)
    # The source file is the last word; put -fsyntax-only before it.
    return out[:-1] + ["-fsyntax-only", out[-1]]


def check(entry):
    args = syntax_args(entry)
    t = time.monotonic()
    p = subprocess.run(args, cwd=entry["directory"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace")
    errors = [l for l in p.stdout.splitlines() if ": error:" in l or "fatal error:" in l]
    return entry, p.returncode, errors, p.stdout, time.monotonic() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--report", help="write failures (JSON) here")
    ap.add_argument("--src", help="print file names relative to this tree")
    ap.add_argument("--only", help="check only the entries listed in this --report file")
    args = ap.parse_args()

    with open(args.db) as fh:
        db = json.load(fh)
    if args.only:
        with open(args.only) as fh:
            wanted = {(f["file"], f["output"]) for f in json.load(fh)}
        db = [e for e in db if (e["file"], e.get("output")) in wanted]
    failures = []
    t0 = time.monotonic()
    cpu = 0.0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for entry, rc, errors, output, secs in ex.map(check, db):
            cpu += secs
            if rc != 0:
                failures.append({"file": entry["file"], "output": entry.get("output"),
                                 "rc": rc, "errors": errors[:20], "log": output[-4000:]})
    wall = time.monotonic() - t0

    def rel(p):
        return os.path.relpath(p, args.src) if args.src else p

    for f in failures:
        print("  FAIL %s (%s)" % (rel(f["file"]), f["output"]))
        for line in (f["errors"] or f["log"].splitlines()[-3:])[:5]:
            print("       " + line[:300])
    if args.report:
        with open(args.report, "w") as fh:
            json.dump(failures, fh, indent=1)
    print("verify-db: %d/%d entries parse (%.0f s wall, %.0f s summed, -j%d)"
          % (len(db) - len(failures), len(db), wall, cpu, args.jobs))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
