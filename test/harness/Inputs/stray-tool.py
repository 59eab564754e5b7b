#!/usr/bin/env python3
"""A stand-in for gup-rewrite in stray-edit.test.

usage: stray-tool.py -p TREE [--in-place] [--stray=KIND] [-- FLAGS...]

With --in-place it makes the one rewrite Inputs/stray-edit.c asks for (the
NULL vmas argument of its call goes) and, with --stray=KIND, one more edit
that the snippet's CHECK-FIXES lines do not mention:
  change-far           a line far from the call changes
  delete-far           a line far from the call goes
  delete-next-to-edit  the line right after the call goes
Without --in-place it changes nothing and prints nothing (the second run).
"""
import glob
import os
import sys

STRAY = {
    "none": ("", ""),
    "change-far": ("\tlong unrelated = 0;\n", "\tlong unrelated = 1;\n"),
    "delete-far": ("\tunrelated++;\n", ""),
    "delete-next-to-edit": ("\tunrelated += ret;\n", ""),
}


def main(argv):
    own = argv[:argv.index("--")] if "--" in argv else argv
    tree = own[own.index("-p") + 1]
    stray = next((a.split("=", 1)[1] for a in own if a.startswith("--stray=")), "none")
    if "--in-place" not in own:
        return 0
    for path in glob.glob(os.path.join(tree, "*.c")):
        text = open(path).read()
        text = text.replace("pages, NULL);", "pages);")
        old, new = STRAY[stray]
        if old:
            text = text.replace(old, new)
        with open(path, "w") as out:
            out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
