#!/bin/sh
# make demo: run gup-rewrite on the bundled example tree and print its diff.
# The tree itself is never modified; the diff is checked with `git apply`
# on a scratch copy before it is shown.
set -eu
build=${1:-build}
tree=examples/kernel-tree
db=$build/examples
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

status=0
"$build/bin/gup-rewrite" -p "$db" --root "$tree" > "$out/demo.diff" || status=$?
if [ "$status" -ge 2 ]; then
	echo "demo: gup-rewrite failed (exit $status)" >&2
	exit 1
fi

cp -r "$tree" "$out/tree"
(cd "$out/tree" && git init -q . && git apply "$out/demo.diff")
# The migrated tree must still build (kernel-style flags, -Werror).
(cd "$out/tree" && for f in $(find . -name '*.c' | sort); do
	clang-19 -std=gnu11 -nostdinc -I./include -D__KERNEL__ -Wall -Werror \
		-fsyntax-only "$f" || { echo "demo: $f does not compile after the rewrite" >&2; exit 1; }
done)

echo "== gup-rewrite -p $db --root $tree"
cat "$out/demo.diff"
echo "== $(grep -c '^diff --git' "$out/demo.diff") files changed; the diff applies with git apply and the result compiles (exit status $status)"
