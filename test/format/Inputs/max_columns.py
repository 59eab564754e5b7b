#!/usr/bin/env python3
"""usage: max_columns.py DIFF LIMIT -- fail when an added line of DIFF is
wider than LIMIT columns (tabs to multiples of 8), naming the line."""
import sys


def columns(text):
    col = 0
    for ch in text:
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    return col


def main():
    path, limit = sys.argv[1], int(sys.argv[2])
    bad = 0
    with open(path) as diff:
        for number, line in enumerate(diff, 1):
            line = line.rstrip("\n")
            if line.startswith("+") and not line.startswith("+++"):
                if columns(line[1:]) > limit:
                    print(f"{path}:{number}: {columns(line[1:])} columns: {line[1:]}")
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
