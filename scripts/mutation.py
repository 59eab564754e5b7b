#!/usr/bin/env python3
"""make mutation: does each rule's test folder notice when its rule is gone?

usage: scripts/mutation.py [--build BUILD] [--report FILE] [RULE...]

For every rule of `gup-rewrite --list-rules` (or the RULEs given):
  0. baseline: test/<rule>/ runs as it is; its failing tests, if any, are
     left out of the verdicts below (they would "catch" anything);
  1. tool leg: test/<rule>/ runs with lit --param disable_rule=<rule>: every
     run of gup-rewrite gets --disable-rule=<rule> (test/lit.cfg.py). At
     least one test must fail. When none does, the runs' mutation log tells
     whether disabling the rule changed the tool's output at all: if it never
     did, the tool does not honour --disable-rule for it ("rule cannot be
     disabled yet"); if it did, the tests missed a real change ("NOT CAUGHT");
  2. tidy leg: test/<rule>/ runs with lit --param disable_check=<check>, the
     rule's clang-tidy check left out of every clang-tidy run (%check-rewrite
     compares clang-tidy -fix with the tool, %check-tidy checks its fixes).
     At least one test must fail.
A rule without a test/<rule>/ folder is listed as such. The report (a
Markdown table, also printed) goes to FILE (default BUILD/mutation-report.md).
Exit status 1 when a leg is NOT CAUGHT or a baseline test fails, else 0
(a rule the tool cannot disable yet is reported, not failed).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIT = ["python3", "/usr/lib/llvm-19/build/utils/lit/lit.py"]


def list_rules(build):
    out = subprocess.run([os.path.join(build, "bin", "gup-rewrite"), "--list-rules"],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\t")[:2]) for line in out.splitlines() if line.strip()]


def run_lit(build, folder, params, xml):
    """{test name: passed?} of one lit run over BUILD/test/FOLDER."""
    cmd = [*LIT, "-q", f"--xunit-xml-output={xml}",
           *[f"--param={key}={value}" for key, value in params.items()],
           os.path.join(build, "test", folder)]
    subprocess.run(cmd, capture_output=True, text=True)
    results = {}
    if not os.path.exists(xml):
        return results
    for case in ET.parse(xml).getroot().iter("testcase"):
        if case.find("skipped") is not None:
            continue
        failed = case.find("failure") is not None or case.find("error") is not None
        results[case.get("name")] = not failed
    return results


def verdict_counts(results, usable):
    tests = [name for name in results if name in usable]
    caught = [name for name in tests if not results[name]]
    return tests, caught


def read_log(path):
    if not os.path.exists(path):
        return []
    with open(path) as log:
        return [line.rstrip("\n").split("\t") for line in log if line.strip()]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default=os.path.join(SRC, "build"))
    p.add_argument("--report")
    p.add_argument("rules", nargs="*")
    args = p.parse_args()
    build = os.path.abspath(args.build)
    report_path = args.report or os.path.join(build, "mutation-report.md")

    rows = []
    bad = False
    with tempfile.TemporaryDirectory(prefix="gup-mutation-") as tmp:
        for rule, check in list_rules(build):
            if args.rules and rule not in args.rules:
                continue
            if not os.path.isdir(os.path.join(SRC, "test", rule)):
                rows.append((rule, check, "-", "no test folder", "no test folder"))
                continue
            print(f"mutation: {rule} ...", file=sys.stderr, flush=True)
            baseline = run_lit(build, rule, {}, os.path.join(tmp, f"{rule}.base.xml"))
            usable = {name for name, passed in baseline.items() if passed}
            notes = []
            if len(usable) < len(baseline):
                bad = True
                notes.append(f"{len(baseline) - len(usable)} test(s) fail without any mutation")

            log = os.path.join(tmp, f"{rule}.log")
            tool = run_lit(build, rule, {"disable_rule": rule, "mutation_log": log},
                           os.path.join(tmp, f"{rule}.tool.xml"))
            tests, caught = verdict_counts(tool, usable)
            effects = [entry[2] for entry in read_log(log) if len(entry) == 3]
            if caught:
                tool_verdict = f"caught ({len(caught)} of {len(tests)} tests fail)"
            elif "changed" in effects:
                bad = True
                tool_verdict = (f"NOT CAUGHT: the output changed in {effects.count('changed')} "
                                f"run(s), yet all {len(tests)} tests pass")
            else:
                tool_verdict = ("rule cannot be disabled yet (--disable-rule changes no output "
                                f"of its {len(tests)} tests)")

            tidy = run_lit(build, rule, {"disable_check": check},
                           os.path.join(tmp, f"{rule}.tidy.xml"))
            tests, caught = verdict_counts(tidy, usable)
            if caught:
                tidy_verdict = f"caught ({len(caught)} of {len(tests)} tests fail)"
            else:
                bad = True
                tidy_verdict = f"NOT CAUGHT (all {len(tests)} tests pass without {check})"
            if notes:
                tool_verdict += "; " + "; ".join(notes)
            rows.append((rule, check, str(len(usable)), tool_verdict, tidy_verdict))

    lines = ["# Mutation results (make mutation)", "",
             "Each test/<rule>/ folder run with its rule disabled in the tool "
             "(--disable-rule) and, separately, with its check left out of clang-tidy.", "",
             "| rule | clang-tidy check | tests | rule disabled in the tool | check left out of clang-tidy |",
             "|---|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    report = "\n".join(lines) + "\n"
    with open(report_path, "w") as out:
        out.write(report)
    print(report)
    print(f"mutation: report written to {report_path}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
