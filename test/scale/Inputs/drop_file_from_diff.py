#!/usr/bin/env python3
"""Print a `diff --git` stream from stdin without the sections of one path.

usage: drop_file_from_diff.py PATH < DIFF
"""
import sys

path = sys.argv[1]
keep = True
for line in sys.stdin:
    if line.startswith("diff --git "):
        keep = line.rstrip("\n") != f"diff --git a/{path} b/{path}"
    if keep:
        sys.stdout.write(line)
