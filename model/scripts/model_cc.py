#!/usr/bin/env python3
"""Compile and link a test driver against the GUP reference model.

usage: model_cc.py --clang=CLANG --include=DIR --libdir=DIR [CLANG-ARGS...]

Adds -std=gnu11 -Wall, the kernel-like include directory, ASan+UBSan and
-g -O1, and links the model archive of the API side named by
-DGUP_MODEL_API=N among CLANG-ARGS (604 when absent): libgupmodel.a for 604,
libgupmodel605.a for 605 and 607. With -c/-S/-E/-fsyntax-only nothing is
linked.
"""
import os
import re
import subprocess
import sys

SAN = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all",
       "-g", "-O1", "-fno-omit-frame-pointer", "-fno-optimize-sibling-calls"]


def main(argv):
    opts = {}
    rest = list(argv)
    while rest:
        m = re.match(r"--(clang|include|libdir)=(.*)", rest[0])
        if not m:
            break
        opts[m.group(1)] = m.group(2)
        rest.pop(0)
    for key in ("clang", "include", "libdir"):
        if key not in opts:
            print(__doc__, file=sys.stderr)
            return 2
    api = 604
    for arg in rest:
        m = re.match(r"-DGUP_MODEL_API=(\d+)$", arg)
        if m:
            api = int(m.group(1))
    if api not in (604, 605, 607):
        print(f"model_cc.py: unknown GUP_MODEL_API={api}", file=sys.stderr)
        return 2
    link = not any(a in ("-c", "-S", "-E", "-fsyntax-only") for a in rest)
    cmd = [opts["clang"], "-std=gnu11", "-Wall", f"-I{opts['include']}", *SAN, *rest]
    if link:
        lib = "libgupmodel.a" if api == 604 else "libgupmodel605.a"
        path = os.path.join(opts["libdir"], lib)
        if not os.path.exists(path):
            print(f"model_cc.py: {path} is missing: build the gupmodel target",
                  file=sys.stderr)
            return 2
        cmd.append(path)
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
