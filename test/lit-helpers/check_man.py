#!/usr/bin/env python3
"""Check that a man page lists exactly the options --help lists.

usage: check_man.py HELP_OUTPUT MAN_PAGE

HELP_OUTPUT is what `gup-rewrite --help` printed; MAN_PAGE is gup-rewrite.1
(man(7) source). Every option line of the help (`  --name=<value>  - text`)
must be an entry of the page's OPTIONS section (`.TP` then the option as
`\\fB\\-\\-name\\fR=<\\fIvalue\\fR>`), spelled the same way and with the same
value, and the page must list no option the help does not show. Prints the
number of options checked.
"""
import re
import sys

HELP_OPTION = re.compile(r"^  (-{1,2}[A-Za-z0-9][^ ]*(?: <[^>]*>)?)\s+- ")


def fail(msg):
    print(f"check_man: error: {msg}", file=sys.stderr)
    sys.exit(1)


def plain(roff):
    """The text man(1) shows for one line of man(7) source."""
    text = re.sub(r"\\f[BIRP]", "", roff)
    return text.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")


def help_options(path):
    with open(path) as f:
        return [m.group(1) for m in map(HELP_OPTION.match, f) if m]


def man_options(path):
    with open(path) as f:
        lines = f.read().split("\n")
    try:
        start = lines.index(".SH OPTIONS")
    except ValueError:
        fail(f"{path}: no .SH OPTIONS section")
    options = []
    for i in range(start + 1, len(lines) - 1):
        if lines[i].startswith(".SH"):
            break
        if lines[i] == ".TP":
            options.append(plain(lines[i + 1]))
    return options


def main():
    if len(sys.argv) != 3:
        fail("usage: check_man.py HELP_OUTPUT MAN_PAGE")
    in_help = help_options(sys.argv[1])
    in_man = man_options(sys.argv[2])
    if not in_help:
        fail(f"{sys.argv[1]}: no option lines")
    missing = [o for o in in_help if o not in in_man]
    extra = [o for o in in_man if o not in in_help]
    if missing:
        fail("the man page does not list " + ", ".join(missing))
    if extra:
        fail("the man page lists options --help does not: " + ", ".join(extra))
    print(f"{len(in_help)} options, the same in --help and the man page")


if __name__ == "__main__":
    main()
