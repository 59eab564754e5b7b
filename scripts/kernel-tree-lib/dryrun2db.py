#!/usr/bin/env python3
"""Turn the output of a kbuild dry run (`make -n -k`) into clang compile databases.

Used by scripts/kernel-tree.sh. kbuild runs every compiler command from the
object tree (the O= directory), so every entry gets that as "directory". A
compile command is recognised as a shell segment that starts with the C
compiler (e.g. `clang-19`), contains `-c`, and names a `.c` input as its last
word. Only kernel translation units are kept (those compiled with
-D__KERNEL__); host tools (scripts/, tools/) and assembler files are dropped.

Inputs: --dryrun LOG (a dry run's stdout) or --from-db DB (a DB this script
wrote before).
Outputs:
  --full OUT   every kernel C translation unit of the dry run
  --gup OUT    only the entries whose source file (relative to the source
               tree) is listed in --gup-list
Both use the JSON compilation database format with "directory", "file",
"arguments", "command" (the same argv, shell-quoted) and "output".

--compare-cmd FILE checks a DB entry against kbuild's own record of a real
compile (the .o.cmd file next to a built object) and exits 1 on a mismatch.
"""

import argparse
import json
import os
import re
import shlex
import sys


def tokenize(segment):
    """Split a shell command segment into words (quotes removed).

    Kernel compile commands only use simple quoting (e.g.
    -DKBUILD_MODNAME='"gup"'), so a regex split is enough; words that carry
    quotes are handed to shlex for the exact unquoting.
    """
    words = re.findall(r"""(?:[^\s'"\\]+|'[^']*'|"(?:[^"\\]|\\.)*"|\\.)+""", segment)
    out = []
    for w in words:
        if "'" in w or '"' in w or "\\" in w:
            parts = shlex.split(w)
            out.extend(parts)
        else:
            out.append(w)
    return out


def parse(dryrun, cc, build_dir):
    # A compile command is one ';'-separated segment starting with the
    # compiler. Kernel flags never contain ';', so splitting there is safe.
    seg_re = re.compile(r"(?:^|;)\s*(" + re.escape(cc) + r"\s[^;]*?\s-c\s[^;]*?)\s*(?=;|$)")
    entries = {}
    host = asm = 0
    with open(dryrun, errors="replace") as fh:
        for line in fh:
            if cc not in line or " -c " not in line:
                continue
            for m in seg_re.finditer(line.rstrip("\n")):
                args = tokenize(m.group(1))
                src = args[-1]
                if not src.endswith(".c"):
                    asm += 1
                    continue
                if "-D__KERNEL__" not in args:
                    host += 1
                    continue
                try:
                    obj = args[args.index("-o") + 1]
                except (ValueError, IndexError):
                    continue
                path = os.path.normpath(os.path.join(build_dir, src))
                key = os.path.normpath(os.path.join(build_dir, obj))
                # The same object can be printed twice (e.g. listed as a
                # prerequisite of two targets); the command is identical.
                entries[key] = {
                    "directory": build_dir,
                    "file": path,
                    "arguments": args,
                    "command": shlex.join(args),
                    "output": obj,
                }
    return entries, host, asm


def compare_cmd(cmd_file, entries, build_dir):
    """Compare kbuild's recorded command (first line of a .o.cmd file:
    `savedcmd_OBJ := COMMAND` or `cmd_OBJ := COMMAND`) with the DB entry."""
    with open(cmd_file) as fh:
        first = fh.readline()
    lhs, _, cmd = first.partition(" := ")
    obj = re.sub(r"^(saved)?cmd_", "", lhs.strip())
    real = tokenize(cmd.split(";")[0].strip())
    by_out = {e["output"]: e for e in entries}
    entry = by_out.get(obj)
    if entry is None:
        print("compare: %s is not in the DB" % obj)
        return 1
    if entry["arguments"] == real:
        print("compare: %s: DB entry == kbuild's real command (%d words)" % (obj, len(real)))
        return 0
    print("compare: %s differs; only in DB: %s; only in kbuild: %s"
          % (obj, sorted(set(entry["arguments"]) - set(real)), sorted(set(real) - set(entry["arguments"]))))
    return 1


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dryrun", help="output of make -n -k")
    ap.add_argument("--from-db", help="read entries from this DB instead of a dry run")
    ap.add_argument("--compare-cmd", help="a kbuild .o.cmd file to compare with its DB entry")
    ap.add_argument("--build-dir", required=True, help="the O= directory")
    ap.add_argument("--src", required=True, help="the kernel source tree")
    ap.add_argument("--cc", default="clang-19")
    ap.add_argument("--full", help="write the full DB here")
    ap.add_argument("--gup", help="write the GUP-only DB here")
    ap.add_argument("--gup-list", help="file with source paths relative to --src, one per line")
    ap.add_argument("--present", help="write the GUP files present in the DB here")
    ap.add_argument("--min-entries", type=int, default=1,
                    help="fail if the dry run yields fewer kernel TUs (a broken dry run)")
    args = ap.parse_args()

    build_dir = os.path.abspath(args.build_dir)
    src = os.path.abspath(args.src)
    if args.from_db:
        with open(args.from_db) as fh:
            ordered = json.load(fh)
        host = asm = 0
    elif args.dryrun:
        entries, host, asm = parse(args.dryrun, args.cc, build_dir)
        ordered = sorted(entries.values(), key=lambda e: (e["file"], e["output"]))
    else:
        sys.exit("dryrun2db: give --dryrun or --from-db")
    if len(ordered) < args.min_entries:
        sys.exit("dryrun2db: only %d kernel compile commands found (expected at least %d);"
                 " the dry run probably stopped early" % (len(ordered), args.min_entries))
    if args.compare_cmd:
        sys.exit(compare_cmd(args.compare_cmd, ordered, build_dir))

    def write(path, data):
        tmp = path + ".tmp"
        with open(tmp, "w") as fh:
            json.dump(data, fh, indent=1)
            fh.write("\n")
        os.replace(tmp, path)

    if args.full:
        write(args.full, ordered)
    n_gup = 0
    if args.gup:
        wanted = set()
        with open(args.gup_list) as fh:
            for line in fh:
                line = line.strip()
                if line:
                    wanted.add(os.path.join(src, line))
        gup = [e for e in ordered if e["file"] in wanted]
        n_gup = len(gup)
        write(args.gup, gup)
        if args.present:
            present = sorted({os.path.relpath(e["file"], src) for e in gup})
            with open(args.present, "w") as fh:
                fh.write("".join(p + "\n" for p in present))
    print("dryrun2db: %d kernel C TUs (skipped %d host, %d asm)%s"
          % (len(ordered), host, asm, ", %d GUP entries" % n_gup if args.gup else ""))


if __name__ == "__main__":
    main()
