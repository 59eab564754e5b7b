#!/usr/bin/env python3
"""%gup-rewrite in a mutation run (lit --param disable_rule=NAME).

usage: mutation_tool.py --tool=GUP_REWRITE --disable-rule=NAME
                        [--mutation-log=FILE] -- TOOL-ARGS...

Runs the tool with --disable-rule=NAME added and passes its stdout, stderr
and exit status through. With --mutation-log, when the run writes nothing
but its streams (no --in-place, --series, --export-fixes or
--coverage-report), the tool also runs once with every rule on and the log
gets a line saying whether disabling the rule changed anything; a rule the
tool does not let one disable changes nothing.
"""
import argparse
import subprocess
import sys

# Options with which a run writes files: running it twice is not harmless.
WRITES_FILES = ("--in-place", "--series", "--export-fixes", "--coverage-report")


def main():
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    p = argparse.ArgumentParser()
    p.add_argument("--tool", required=True)
    p.add_argument("--disable-rule", required=True)
    p.add_argument("--mutation-log")
    args = p.parse_args(argv[:split])
    tool_args = argv[split + 1:]

    disabled = subprocess.run([args.tool, f"--disable-rule={args.disable_rule}", *tool_args],
                              stdin=subprocess.DEVNULL, capture_output=True)
    sys.stdout.buffer.write(disabled.stdout)
    sys.stderr.buffer.write(disabled.stderr)
    if args.mutation_log and not any(a.startswith(WRITES_FILES) for a in tool_args):
        every_rule = subprocess.run([args.tool, *tool_args], stdin=subprocess.DEVNULL,
                                    capture_output=True)
        same = (every_rule.returncode, every_rule.stdout, every_rule.stderr) == (
            disabled.returncode, disabled.stdout, disabled.stderr)
        with open(args.mutation_log, "a") as log:
            log.write(f"{' '.join(tool_args)}\t{args.disable_rule}\t"
                      f"{'unchanged' if same else 'changed'}\n")
    return disabled.returncode


if __name__ == "__main__":
    sys.exit(main())
