#!/usr/bin/env bash
# make kernel-check: the whole migration on Debian's real linux-source-6.1.
#
#   1. the cached tree and its compile DBs (scripts/kernel-tree.sh; reused);
#   2. the pristine tree (git checkout + clean of the cache's baseline);
#   3. gup-rewrite over the x86_64, arm64, powerpc and s390 DBs at once, with
#      a coverage report; the diff must apply with `git apply`;
#   4. every TU of every arch's GUP DB compiles with clang-19 -fsyntax-only
#      and its own flags on the migrated tree;
#   5. a second run finds nothing: no call of the old API is left in
#      compiled code, and the diff is empty;
#   (stages of scripts/kernel-check.d, e.g. the prefilter's equivalence)
#   6. a summary (TUs, prefilter, sites per rule, time and peak RSS from
#      the first run's --summary), and build/test-results/kernel-check.counts
#      for `make check`.
# The tree is restored to its baseline at the end.
#
# Usage: scripts/kernel-check.sh [BUILD_DIR]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
tool=$build/bin/gup-rewrite
results=$build/test-results
work=$build/kernel-check
mkdir -p "$results" "$work"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "kernel-check: PASS: $*"; }
fail() { failed=$((failed + 1)); echo "kernel-check: FAIL: $*"; }
# use_kernel_tree, reset_tree, present_entries.
# shellcheck source=kernel-tree-lib/use-tree.sh
source "$repo/scripts/kernel-tree-lib/use-tree.sh"
finish() {
	echo "$passed $failed" > "$results/kernel-check.counts"
	if [ -n "${KERNEL_SRC:-}" ] && [ -d "$KERNEL_SRC/.git" ]; then
		reset_tree
	fi
}
trap finish EXIT
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

# 1. The tree, under its lock (this script patches and resets it).
use_kernel_tree kernel-check "$work/kernel-tree.log" || {
	fail "kernel tree set-up (see $work/kernel-tree.log)"; exit 1; }
pass "kernel tree $KERNEL_SOURCE_VERSION ready in $KERNEL_SRC"

# 2. Pristine tree.
reset_tree

# 3. The migration over every arch at once.
dbs=()
declare -A tus=()
total_tus=0
for arch in $KERNEL_ARCHES; do
	var=KERNEL_BUILD_$arch
	dbs+=(-p "${!var}")
	tus[$arch]=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "${!var}/compile_commands.json")
	total_tus=$((total_tus + tus[$arch]))
done
t0=$(now)
status=0
"$tool" "${dbs[@]}" --root "$KERNEL_SRC" --coverage-report="$work/coverage.txt" --summary \
	> "$work/migration.diff" 2> "$work/migration.err" || status=$?
t1=$(now)
run_time=$(secs "$t0" "$t1")
if [ "$status" -eq 0 ]; then
	pass "gup-rewrite over $total_tus TUs of 4 arches: exit 0 in ${run_time}s"
else
	fail "gup-rewrite exited $status (see $work/migration.err)"
	grep -E 'warning|error' "$work/migration.err" | head -20 || true
fi
files=$(grep -c '^diff --git' "$work/migration.diff" || true)
if (cd "$KERNEL_SRC" && git apply "$work/migration.diff"); then
	pass "the diff ($files files) applies with git apply"
else
	fail "the diff does not apply"
fi

# 4. Every TU of every arch compiles on the migrated tree. The same pass is
# the floor the tool is compared with: clang-19 -fsyntax-only over the TUs.
syntax_total=0
for arch in $KERNEL_ARCHES; do
	var=KERNEL_BUILD_$arch
	t0=$(now)
	if python3 "$repo/scripts/kernel-tree-lib/verify-db.py" --src "$KERNEL_SRC" \
		--report "$work/compile-$arch.json" "${!var}/compile_commands.json" \
		> "$work/compile-$arch.log" 2>&1; then
		t1=$(now)
		pass "$arch: ${tus[$arch]} TUs compile after the migration ($(secs "$t0" "$t1")s of clang-19 -fsyntax-only)"
	else
		t1=$(now)
		# Ours, or the tree's? The same TUs on the pristine tree tell.
		git -C "$KERNEL_SRC" stash -q
		why="the migration broke them"
		if ! python3 "$repo/scripts/kernel-tree-lib/verify-db.py" --src "$KERNEL_SRC" \
			--only "$work/compile-$arch.json" --report "$work/pristine-$arch.json" \
			"${!var}/compile_commands.json" > "$work/pristine-$arch.log" 2>&1; then
			why="some fail on the pristine tree too (see $work/pristine-$arch.log)"
		fi
		git -C "$KERNEL_SRC" stash pop -q
		fail "$arch: TUs fail to compile after the migration; $why:"
		tail -20 "$work/compile-$arch.log"
	fi
	syntax_total=$(python3 -c "print(f'{$syntax_total + $t1 - $t0:.1f}')")
done

# 5. Nothing of the old API is left in compiled code; a second run is a no-op.
status=0
"$tool" "${dbs[@]}" --root "$KERNEL_SRC" --report > "$work/second.report" 2> "$work/second.err" || status=$?
if [ "$status" -eq 0 ] && [ ! -s "$work/second.report" ]; then
	pass "second run: no site of the old API left (exit 0, empty report)"
else
	fail "second run found sites (exit $status):"; head -20 "$work/second.report" "$work/second.err"
fi

# Further stages (one file per concern, sourced in name order): they see
# $tool, $repo, $build, $work, $KERNEL_SRC, the dbs array and the kernel-tree
# variables, count with pass/fail, and leave the tree at its baseline.
for stage in "$repo"/scripts/kernel-check.d/*.sh; do
	[ -e "$stage" ] || continue
	reset_tree
	# shellcheck disable=SC1090
	source "$stage"
done
reset_tree

# 6. Summary.
echo "== kernel-check summary"
echo "files changed: $files"
echo "the migration run's own summary (TUs, prefilter, sites per rule, time, RSS):"
# --summary ends the run's stderr.
sed -n '/^gup-rewrite: summary$/,$p' "$work/migration.err" | tail -n +2
echo "diagnostics left for a human:"
grep -E ': warning: ' "$work/migration.err" | sed 's/^/  /' || echo "  (none)"
echo "coverage report ($work/coverage.txt):"
sed 's/^/  /' "$work/coverage.txt"
echo "time: gup-rewrite ${run_time}s, clang-19 -fsyntax-only ${syntax_total}s, over the same $total_tus TUs"
echo "kernel-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
