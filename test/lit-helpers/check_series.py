#!/usr/bin/env python3
"""Check a patch series written by gup-rewrite --series.

usage: check_series.py DIR [--am TREE] [--compile CMD]

Structure (always): DIR holds 0000-cover-letter.patch and 0001..N patches,
numbered without gaps; each starts with a `From <sha> Mon Sep 17 00:00:00
2001` line and From:, Date: and `Subject: [PATCH k/N] prefix: summary`
headers (subject at most 75 characters, a `prefix:` before the summary),
then a body whose lines are at most 75 columns, a `---` line, a diffstat
whose per-file counts and totals match the diff below it, and the diff.

--am TREE: TREE is a git work tree at the series' base; the patches are
applied one by one with `git am`, and after each, CMD (a shell command run
in TREE, `{}` replaced by the C files the patch touched, or by every C file
when it touched a header) must succeed: every prefix of the series builds.

Prints one line per patch: `k/N subject` then `  file | count`.
"""
import os
import re
import subprocess
import sys


def fail(msg):
    print(f"check_series: error: {msg}", file=sys.stderr)
    sys.exit(1)


def parse(path, number, total):
    with open(path) as f:
        text = f.read()
    lines = text.split("\n")
    if not re.match(r"^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$", lines[0]):
        fail(f"{path}: first line is not a format-patch 'From <sha>' line")
    headers = {}
    i = 1
    while lines[i] != "":
        key, _, value = lines[i].partition(": ")
        headers[key] = value
        i += 1
    for key in ("From", "Date", "Subject"):
        if key not in headers:
            fail(f"{path}: no {key}: header")
    if not re.match(r"^.+ <[^ @<>]+@[^ @<>]+>$", headers["From"]):
        fail(f"{path}: From: '{headers['From']}' is not 'Name <address>'")
    m = re.match(r"^\[PATCH (\d+)/(\d+)\] (.*)$", headers["Subject"])
    if not m or int(m.group(1)) != number or int(m.group(2)) != total:
        fail(f"{path}: Subject: '{headers['Subject']}' is not [PATCH {number}/{total}]")
    subject = m.group(3)
    if len(subject) > 75:
        fail(f"{path}: subject is {len(subject)} characters (at most 75)")
    if not re.match(r"^[A-Za-z0-9_./-]+: \S", subject):
        fail(f"{path}: subject '{subject}' has no 'prefix: ' before the summary")
    body = lines[i + 1:]
    if number == 0:
        return subject, None, None
    try:
        dashes = body.index("---")
    except ValueError:
        fail(f"{path}: no '---' line")
    for line in body[:dashes]:
        if len(line.expandtabs(8)) > 75:
            fail(f"{path}: body line over 75 columns: {line}")
    if not any(l.strip() for l in body[:dashes]):
        fail(f"{path}: empty commit message body")
    stat = []
    j = dashes + 1
    while body[j].startswith(" ") and "|" in body[j]:
        name, _, rest = body[j].partition("|")
        stat.append((name.strip(), int(rest.split()[0])))
        j += 1
    summary = body[j]
    diff = "\n".join(body[j + 1:])
    counts = {}
    current = None
    for line in diff.split("\n"):
        if line == "-- ":
            break  # the signature
        if line.startswith("diff --git a/"):
            current = line.split(" b/", 1)[1]
            counts[current] = 0
        elif line.startswith(("+++ ", "--- ")):
            continue
        elif current and line[:1] in ("+", "-"):
            counts[current] += 1
    if dict(stat) != counts:
        fail(f"{path}: diffstat {stat} does not match the diff {counts}")
    m = re.match(r"^ (\d+) files? changed", summary)
    if not m or int(m.group(1)) != len(stat):
        fail(f"{path}: diffstat summary '{summary}' does not match")
    return subject, stat, sorted(counts)


def main(argv):
    args = argv[1:]
    tree = compile_cmd = None
    if "--am" in args:
        k = args.index("--am")
        tree = args[k + 1]
        del args[k:k + 2]
    if "--compile" in args:
        k = args.index("--compile")
        compile_cmd = args[k + 1]
        del args[k:k + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    directory = args[0]
    names = sorted(n for n in os.listdir(directory) if n.endswith(".patch"))
    if not names or names[0] != "0000-cover-letter.patch":
        fail(f"{directory}: no 0000-cover-letter.patch")
    total = len(names) - 1
    for k, name in enumerate(names):
        if not name.startswith(f"{k:04d}-"):
            fail(f"{directory}: patch {k} missing (found {name})")
    parse(os.path.join(directory, names[0]), 0, total)
    env = dict(os.environ, GIT_COMMITTER_NAME="check", GIT_COMMITTER_EMAIL="check@example.invalid")
    for k, name in enumerate(names[1:], 1):
        path = os.path.join(directory, name)
        subject, stat, files = parse(path, k, total)
        print(f"{k}/{total} {subject}")
        for file, count in stat:
            print(f"  {file} | {count}")
        if tree is None:
            continue
        am = subprocess.run(["git", "am", "-q", os.path.abspath(path)], cwd=tree,
                            env=env, capture_output=True, text=True)
        if am.returncode:
            fail(f"git am {name} failed:\n{am.stdout}{am.stderr}")
        if compile_cmd:
            if any(not f.endswith(".c") for f in files):
                units = sorted(os.path.relpath(os.path.join(d, f), tree)
                               for d, _, fs in os.walk(tree) if ".git" not in d
                               for f in fs if f.endswith(".c"))
            else:
                units = files
            cmd = compile_cmd.replace("{}", " ".join(units))
            run = subprocess.run(cmd, shell=True, cwd=tree, capture_output=True, text=True)
            if run.returncode:
                fail(f"the tree does not compile after {name}:\n{run.stdout}{run.stderr}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
