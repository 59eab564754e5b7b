#!/usr/bin/env python3
"""Write a compile_commands.json for test files.

usage: mkdb.py DIR FILE... [--compiler=NAME] [--command] [--out=BUILD_DIR]
               [-- FLAG...]

Each FILE (relative to DIR) gets one entry compiled with
`NAME -std=gnu11 FLAG... -c FILE` in DIR. --command writes the "command"
string form instead of "arguments" (both exist in real databases).
The database goes into DIR, or into BUILD_DIR with --out (one build
directory per configuration of the same tree).
"""
import json
import os
import shlex
import sys


def main(argv):
    if "--" in argv:
        split = argv.index("--")
        own, flags = argv[:split], argv[split + 1:]
    else:
        own, flags = argv, []
    compiler = "clang"
    as_command = False
    out_dir = None
    positional = []
    for arg in own:
        if arg.startswith("--compiler="):
            compiler = arg.split("=", 1)[1]
        elif arg.startswith("--out="):
            out_dir = os.path.abspath(arg.split("=", 1)[1])
        elif arg == "--command":
            as_command = True
        else:
            positional.append(arg)
    if len(positional) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = os.path.abspath(positional[0])
    entries = []
    for name in positional[1:]:
        args = [compiler, "-std=gnu11", *flags, "-c", name]
        entry = {"directory": directory, "file": name}
        if as_command:
            entry["command"] = shlex.join(args)
        else:
            entry["arguments"] = args
        entries.append(entry)
    with open(os.path.join(out_dir or directory, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=1)
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
