#!/usr/bin/env python3
"""A stand-in for gup-rewrite that misbehaves on purpose, for testing
lit-helpers/parse_equivalence.py: it prints its arguments, and with
FAKE_DIFFER=1 prints something else when given --full-parse; with
--export-fixes=FILE it writes its arguments (minus --full-parse) there,
differently under FAKE_DIFFER_FILE=1."""
import os
import sys

args = sys.argv[1:]
full = "--full-parse" in args
shown = [a for a in args if a != "--full-parse"]
if full and os.environ.get("FAKE_DIFFER") == "1":
    print("bodies skipped")
print(" ".join(shown))
sys.stderr.write("took 1.5 s\n" if full else "took 0.2 s\n")
for a in args:
    if a.startswith("--export-fixes="):
        with open(a.split("=", 1)[1], "w") as f:
            f.write(" ".join(shown) + ("+" if full and os.environ.get("FAKE_DIFFER_FILE") == "1" else ""))
sys.exit(3)
