#!/usr/bin/env python3
"""Equivalence harness: run a snippet before and after gup-rewrite on the GUP
reference model and compare the traces.

usage (through lit's %model-run substitution):
  %model-run [options] SNIPPET TMPDIR [-- TOOL-ARGS...]

The scenario is the snippet's own `main` inside `#ifdef GUP_MODEL_SCENARIO`,
or separate files given with --driver (compiled unchanged on both sides, so
they must be API-neutral: test GUP_MODEL_API where they differ).

  1. SNIPPET (+ drivers) is built for API 604 under ASan+UBSan and run: the
     "before" trace.
  2. SNIPPET is copied to TMPDIR/after, given a compile database (with
     -DGUP_MODEL_SCENARIO, so the scenario is migrated like any other caller)
     and rewritten with `gup-rewrite -p TMPDIR/after --in-place TOOL-ARGS`;
     --rewritten=FILE uses FILE instead (to test the harness itself).
  3. The result is built for API 605 (607 with --target-kernel=6.7 or later,
     or --api-after, which may also be 604 for --compat output) and run:
     the "after" trace.
  4. Either run failing (non-zero exit: model error, leaked reference, held
     lock, sanitizer report) fails; the traces must then be identical except
     for the lines the snippet declares:

       // EXPECTED-DIFF: -LINE         LINE only in the before trace
       // EXPECTED-DIFF: +LINE         LINE only in the after trace
       // EXPECTED-DIFF: -OLD +NEW     both (split at the first " +")

       // EXPECTED-DIFF(607): ...    only when the after side is API 607
                                    (also (605), or (605,607))

     Lines compare exactly after trimming surrounding whitespace. Each
     directive stands for one occurrence; a declared difference that does not
     happen is a failure too. --diff-prefix=NAME reads `// NAME:` lines
     instead, for snippets whose expected differences depend on the tool's
     options. A rewritten run that dies before its summary is
     reported without a trace comparison.

Exit status 0 on success; 1 with a "model_run: FAIL: ..." report otherwise.
"""
import argparse
import collections
import difflib
import os
import re
import shutil
import subprocess
import sys

RUN_TIMEOUT = 120


class Failure(Exception):
    pass


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def parse_expected(source, api_after, prefix="EXPECTED-DIFF"):
    directive = re.compile(r"^\s*//\s*" + re.escape(prefix) + r"(?:\(([0-9, ]+)\))?:\s?(.*)$")
    removed, added = collections.Counter(), collections.Counter()
    for number, line in enumerate(source.splitlines(), 1):
        m = directive.match(line)
        if not m:
            continue
        if m.group(1) is not None:
            apis = {int(a) for a in re.split(r"[, ]+", m.group(1).strip()) if a}
            if not apis <= {605, 607}:
                raise Failure(f"line {number}: {prefix}(...) takes 605 and/or 607")
            if api_after not in apis:
                continue
        payload = m.group(2).strip()
        old = new = None
        if payload.startswith("-"):
            sep = payload.find(" +")
            if sep >= 0:
                old, new = payload[1:sep], payload[sep + 2:]
            else:
                old = payload[1:]
        elif payload.startswith("+"):
            new = payload[1:]
        else:
            raise Failure(f"line {number}: {prefix} needs '-LINE', '+LINE' "
                          f"or '-OLD +NEW', got: {payload!r}")
        if old is not None:
            removed[old.strip()] += 1
        if new is not None:
            added[new.strip()] += 1
    return removed, added


def tail(text, lines=40):
    parts = text.rstrip("\n").splitlines()
    if len(parts) > lines:
        parts = ["[... %d lines ...]" % (len(parts) - lines)] + parts[-lines:]
    return "\n".join("  | " + p for p in parts)


def sanitizer_summary(stderr):
    for pattern in (r"SUMMARY: (AddressSanitizer: [^\n]*)",
                    r"SUMMARY: (UndefinedBehaviorSanitizer: [^\n]*)",
                    r"ERROR: (LeakSanitizer: [^\n]*)",
                    r"(runtime error: [^\n]*)"):
        m = re.search(pattern, stderr)
        if m:
            return m.group(1).strip()
    return None


def sanitizer_excerpt(stderr, limit=45):
    """The report from its ERROR line to SUMMARY, without the shadow map."""
    lines = stderr.splitlines()
    start = next((i for i, l in enumerate(lines)
                  if re.search(r"ERROR: (Address|Leak)Sanitizer|runtime error:", l)), None)
    if start is None:
        return tail(stderr, 30)
    keep = []
    for l in lines[start:]:
        if l.startswith("Shadow bytes around") or l.startswith("SUMMARY:"):
            keep.append(l) if l.startswith("SUMMARY:") else None
            break
        keep.append(l)
    if len(keep) > limit:
        keep = keep[:limit] + ["[... %d more lines ...]" % (len(keep) - limit)]
    return "\n".join("  | " + l for l in keep)


def build_and_run(args, side, api, sources, out_dir):
    exe = os.path.join(out_dir, "scenario")
    cmd = [sys.executable, args.model_cc_script, f"--clang={args.clang}",
           f"--include={args.include}", f"--libdir={args.libdir}",
           f"-DGUP_MODEL_API={api}", "-DGUP_MODEL_SCENARIO", *args.cflags,
           *sources, "-o", exe]
    proc = run(cmd)
    if proc.returncode != 0:
        raise Failure(f"the {side} snippet does not build for API {api}:\n"
                      + tail(proc.stderr))
    try:
        proc = run([exe], timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Failure(f"the {side} snippet (API {api}) did not finish in {RUN_TIMEOUT} s")
    with open(os.path.join(out_dir, "trace.txt"), "w") as f:
        f.write(proc.stdout)
    with open(os.path.join(out_dir, "stderr.txt"), "w") as f:
        f.write(proc.stderr)
    return proc


def check_clean(side, api, proc):
    """A run must exit 0 and report no model error or leak."""
    problems = [l for l in proc.stdout.splitlines()
                if re.match(r"(MODEL-ERROR|MODEL-FATAL|LEAK|BUG):", l)]
    san = sanitizer_summary(proc.stderr)
    if proc.returncode == 0 and not problems and not san:
        return None
    what = san or (problems[0] if problems else f"exit status {proc.returncode}")
    msg = f"the {side} snippet (API {api}) fails under the model: {what}"
    if problems:
        msg += "\n" + "\n".join("  " + p for p in problems)
    if san:
        msg += "\n  stderr:\n" + sanitizer_excerpt(proc.stderr)
    elif proc.returncode != 0 and proc.stderr.strip():
        msg += "\n  stderr:\n" + tail(proc.stderr, 30)
    return msg


def compare(before, after, removed_exp, added_exp):
    a = [l.strip() for l in before.splitlines()]
    b = [l.strip() for l in after.splitlines()]
    removed, added = collections.Counter(), collections.Counter()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            removed.update(a[i1:i2])
        if tag in ("insert", "replace"):
            added.update(b[j1:j2])
    problems = []
    for line, n in sorted((removed - removed_exp).items()):
        problems.append(f"unexpected: -{line}" + (f" (x{n})" if n > 1 else ""))
    for line, n in sorted((added - added_exp).items()):
        problems.append(f"unexpected: +{line}" + (f" (x{n})" if n > 1 else ""))
    for line, n in sorted((removed_exp - removed).items()):
        problems.append(f"expected but missing: -{line}" + (f" (x{n})" if n > 1 else ""))
    for line, n in sorted((added_exp - added).items()):
        problems.append(f"expected but missing: +{line}" + (f" (x{n})" if n > 1 else ""))
    diff = "".join(difflib.unified_diff(
        [l + "\n" for l in before.splitlines()], [l + "\n" for l in after.splitlines()],
        "before (API 604)", "after (rewritten)", n=2))
    return problems, diff, sum(removed.values()) + sum(added.values())


def main():
    argv = sys.argv[1:]
    tool_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, tool_args = argv[:split], argv[split + 1:]
    p = argparse.ArgumentParser(usage=__doc__)
    p.add_argument("--tool", required=True)
    p.add_argument("--model-cc-script", required=True)
    p.add_argument("--clang", required=True)
    p.add_argument("--include", required=True)
    p.add_argument("--libdir", required=True)
    p.add_argument("--driver", action="append", default=[],
                   help="scenario source compiled unchanged on both sides")
    p.add_argument("--rewritten", help="use this file as the rewritten snippet")
    # 604: --compat output must also behave the same on the old API.
    p.add_argument("--api-after", type=int, choices=(604, 605, 607))
    p.add_argument("--tool-exit", type=int, default=0,
                   help="exit status gup-rewrite must have (default 0)")
    p.add_argument("--cflag", dest="cflags", action="append", default=[],
                   help="extra compiler flag for both builds")
    p.add_argument("--diff-prefix", default="EXPECTED-DIFF",
                   help="directive name to read instead of EXPECTED-DIFF (one "
                        "snippet, several tool modes)")
    p.add_argument("--print-traces", action="store_true",
                   help="print the before trace (and the after trace if it differs)")
    p.add_argument("snippet")
    p.add_argument("tmpdir")
    args = p.parse_args(argv)
    for key in ("tool", "model_cc_script", "include", "libdir"):
        setattr(args, key, os.path.abspath(getattr(args, key)))

    api_after = args.api_after
    if api_after is None:
        api_after = 605
        for a in tool_args:
            m = re.match(r"--target-kernel=(\d+)\.(\d+)", a)
            if m and (int(m.group(1)), int(m.group(2))) >= (6, 7):
                api_after = 607

    name = os.path.basename(args.snippet)
    try:
        source = open(args.snippet).read()
        removed_exp, added_exp = parse_expected(source, api_after, args.diff_prefix)
        drivers = [os.path.abspath(d) for d in args.driver]
        shutil.rmtree(args.tmpdir, ignore_errors=True)
        before_dir = os.path.join(args.tmpdir, "before")
        after_dir = os.path.join(args.tmpdir, "after")
        os.makedirs(before_dir)
        os.makedirs(after_dir)
        before_src = os.path.join(before_dir, name)
        after_src = os.path.join(after_dir, name)
        shutil.copyfile(args.snippet, before_src)

        # (a) the original on the pre-6.5 API
        before = build_and_run(args, "original", 604, [before_src, *drivers], before_dir)
        bad = check_clean("original", 604, before)
        if bad:
            raise Failure(bad + "\n  (the test itself is wrong: the original must run clean)")

        # (b) the rewrite
        if args.rewritten:
            shutil.copyfile(args.rewritten, after_src)
            how = f"hand-written {os.path.basename(args.rewritten)}"
        else:
            shutil.copyfile(args.snippet, after_src)
            subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "mkdb.py"),
                            after_dir, name, "--", f"-I{args.include}",
                            "-DGUP_MODEL_SCENARIO"], check=True)
            tool = run([args.tool, "-p", after_dir, "--in-place", *tool_args])
            with open(os.path.join(args.tmpdir, "tool-stderr.txt"), "w") as f:
                f.write(tool.stderr)
            if tool.returncode != args.tool_exit:
                raise Failure(f"gup-rewrite exited {tool.returncode}, expected "
                              f"{args.tool_exit}:\n" + tail(tool.stderr + tool.stdout))
            how = "gup-rewrite " + " ".join(tool_args) if tool_args else "gup-rewrite"
        if open(after_src).read() == open(before_src).read():
            print(f"model_run: note: {how} left {name} unchanged")

        # (c) the rewrite on the post-6.5 API
        after = build_and_run(args, "rewritten", api_after, [after_src, *drivers], after_dir)
        failures = []
        bad = check_clean("rewritten", api_after, after)
        if bad:
            failures.append(bad)

        # (d) the traces (a run that died early has a truncated trace)
        problems, diff, changed = compare(before.stdout, after.stdout, removed_exp, added_exp)
        if "== gup-model summary ==" not in after.stdout:
            failures.append("  (traces not compared: the rewritten run did not reach its summary)")
        elif problems:
            failures.append("traces differ beyond the EXPECTED-DIFF lines:\n"
                            + "\n".join("  " + p for p in problems)
                            + "\n  diff of the traces:\n" + tail(diff, 60))
        if failures:
            raise Failure("\n".join(failures))
    except Failure as e:
        print(f"model_run: FAIL: {name}: {e}")
        return 1

    expected = sum(removed_exp.values()) + sum(added_exp.values())
    print(f"model_run: PASS: {name}: API 604 and API {api_after} traces agree"
          + (f" up to {expected} expected difference line(s)" if expected else "")
          + f" ({len(before.stdout.splitlines())} lines; rewrite by {how})")
    if args.print_traces:
        print("--- before trace ---")
        sys.stdout.write(before.stdout)
        if changed:
            print("--- after trace ---")
            sys.stdout.write(after.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
