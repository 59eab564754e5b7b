#!/usr/bin/env python3
"""Print the one-line total of every suite `make check` ran and fail if any failed.

Each suite leaves its results in the results directory:
  *.xml     JUnit XML (lit's --xunit-xml-output)
  *.counts  one line "PASSED FAILED" (suites that are not lit, e.g. the kernel check)
A suite that was supposed to run but left nothing is not silently counted as green:
an empty results directory is itself a failure.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET


def junit_counts(path):
    passed = failed = 0
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            continue
        else:
            passed += 1
    return passed, failed


def main():
    results = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build/test-results")
    passed = failed = 0
    found = False
    for path in sorted(results.glob("*.xml")):
        p, f = junit_counts(path)
        passed, failed, found = passed + p, failed + f, True
    for path in sorted(results.glob("*.counts")):
        p, f = (int(x) for x in path.read_text().split()[:2])
        passed, failed, found = passed + p, failed + f, True
    if not found:
        print(f"no test results under {results}", file=sys.stderr)
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
