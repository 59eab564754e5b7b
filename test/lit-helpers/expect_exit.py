#!/usr/bin/env python3
"""Run a command and require an exact exit status (lit's `not` only knows
"non-zero"). stdout and stderr pass through unchanged.

usage: expect_exit.py STATUS COMMAND [ARG...]
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    want = int(sys.argv[1])
    got = subprocess.run(sys.argv[2:]).returncode
    if got != want:
        print(f"expect_exit: {sys.argv[2]} exited {got}, expected {want}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
