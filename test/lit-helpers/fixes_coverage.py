"""Every line a rewrite changed must be one a FIXES line asserts.

FileCheck on its own only proves that the lines a test lists are present: an
edit elsewhere in the file (a stray deletion, a second copy of a call, a
reformatted neighbour) passes unnoticed. So after a successful FileCheck run
the rewritten file is compared with the original, line by line (difflib), and
  - every line of the rewritten file that is new or changed must be matched by
    a positive FIXES directive (plain, -NEXT, -SAME, -EMPTY, -DAG, -LABEL,
    -COUNT): the test states its content;
  - where lines disappeared (a hunk with more old lines than new ones), the
    test must pin the gap: the lines on both sides of it, and the new lines
    in it, must follow each other through -NEXT (or -EMPTY) directives, so
    that the test states which lines now touch. A line the test never
    mentions cannot vanish unnoticed.

Which lines a directive matched is read from FileCheck's own annotated input
dump (-v --dump-input=always), so the checks stay plain FileCheck.

Why this and not a whole expected file: the tests stay self-describing (input
and the intended result in one file, as style.md asks), the intent of each
changed line is written by a person next to the input, and there is no golden
copy of every snippet to regenerate blindly when a comment changes; yet any
edit the test does not mention fails it.
"""
import difflib
import re

# "         12: text" is an input line of the dump; "next:7'2    ^~~" an
# annotation of the input line above it.
DUMP_INPUT_LINE = re.compile(r"^\s+(\d+): ")
DUMP_ANNOTATION = re.compile(r"^([a-z]+):[0-9a-z']+\s+([\^~X!?])")
# Directive kinds whose match asserts the content of the line.
POSITIVE = {"check", "next", "same", "empty", "dag", "label", "count"}
# Kinds whose match also asserts that the line follows the previous match.
ADJACENT = {"next", "empty"}


def filecheck_args():
    """The flags that make FileCheck print what each directive matched."""
    return ["-v", "--dump-input=always", "--dump-input-filter=all"]


def matched_lines(dump):
    """(lines matched by a positive directive, lines matched by -NEXT/-EMPTY),
    1-based line numbers of the checked input, read from FileCheck's dump."""
    matched, adjacent = set(), set()
    inside = False
    current = None
    for line in dump.splitlines():
        if line.startswith("<<<<<<"):
            inside = True
            continue
        if line.startswith(">>>>>>"):
            inside = False
            continue
        if not inside:
            continue
        m = DUMP_INPUT_LINE.match(line)
        if m:
            current = int(m.group(1))
            continue
        m = DUMP_ANNOTATION.match(line)
        if m and current is not None and m.group(2) in "^~":
            kind = m.group(1)
            if kind in POSITIVE:
                matched.add(current)
            # Only the first line of a match (^) follows the previous one.
            if kind in ADJACENT and m.group(2) == "^":
                adjacent.add(current)
    return matched, adjacent


def uncovered_changes(original, rewritten, dump):
    """Messages naming each change of `rewritten` the FIXES lines do not assert
    (empty when every change is asserted)."""
    matched, adjacent = matched_lines(dump)
    old = original.splitlines()
    new = rewritten.splitlines()
    problems = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for j in range(j1, j2):
            if j + 1 not in matched:
                problems.append(f"line {j + 1} of the rewritten file is new or changed but no "
                                f"FIXES line matches it: {new[j]!r}")
        if i2 - i1 > j2 - j1:
            # Lines vanished between rewritten lines j1 and j2 (1-based: the
            # line before the gap is j1, the first after it j2 + 1).
            first = max(j1, 1)
            last = min(j2 + 1, len(new))
            gone = "; ".join(repr(text) for text in old[i1:i2])
            for line in range(first + 1, last + 1):
                if line not in adjacent:
                    problems.append(
                        f"lines {i1 + 1}-{i2} of the original ({gone}) changed into "
                        f"{j2 - j1} line(s), but the FIXES lines do not pin the gap: rewritten "
                        f"line {line} ({new[line - 1]!r}) must be matched by a -NEXT (or "
                        f"-EMPTY) directive right after one matching line {line - 1}")
                    break
    return problems
