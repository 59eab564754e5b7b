#!/usr/bin/env bash
# make kernel-check-specs: the shipped migrations other than gup-vmas on
# Debian's real linux-source-6.1 (x86_64). Not part of `make check` (about
# ten minutes on 2 cores); what it shows is that code the specs' tests never
# saw is edited or named, never broken:
#
#   1. the cached tree and its full x86_64 DB (scripts/kernel-tree.sh);
#   2. gup-rewrite with every built-in spec but gup-vmas, --target-kernel
#      6.12, over the full DB (the prefilter keeps the TUs that name one of
#      their APIs): exit 0 or 1 (sites reported), no TU crashed, and the
#      diff applies with git apply;
#   3. every TU whose file changed compiles with clang-19 -fsyntax-only on
#      the migrated 6.1 tree: a kernel tree keeps only the edits that are
#      right for itself (`.llseek = no_llseek` means what NULL means on 6.1),
#      while the tree's own strlcpy(), pmd_large(), class_create() and
#      asm/unaligned.h are reported, not changed;
#   4. a second run over the migrated tree changes nothing;
#   5. sites per rule and the time, from the first run's --summary.
# The tree is restored to its baseline at the end.
#
# Usage: scripts/kernel-check-specs.sh [BUILD_DIR]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
tool=$build/bin/gup-rewrite
work=$build/kernel-check-specs
mkdir -p "$work"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "kernel-check-specs: PASS: $*"; }
fail() { failed=$((failed + 1)); echo "kernel-check-specs: FAIL: $*"; }
# use_kernel_tree, reset_tree, present_entries.
# shellcheck source=kernel-tree-lib/use-tree.sh
source "$repo/scripts/kernel-tree-lib/use-tree.sh"
finish() {
	if [ -n "${KERNEL_SRC:-}" ] && [ -d "$KERNEL_SRC/.git" ]; then
		reset_tree
	fi
	echo "kernel-check-specs: $passed passed, $failed failed"
}
trap finish EXIT

# 1. The tree, under its lock, and the full DB.
use_kernel_tree kernel-check-specs "$work/kernel-tree.log" || {
	fail "kernel tree set-up (see $work/kernel-tree.log)"; exit 1; }
reset_tree
# Entries of generated files that only a full build writes (the vDSO images)
# are left out, as in kernel-check's prefilter stage.
mkdir -p "$work/db"
present_entries "$KERNEL_DB_FULL_x86_64" "$work/db/compile_commands.json"
specs=$("$tool" --list-migrations | cut -f1 | grep -vx gup-vmas | paste -sd, -)
pass "kernel tree $KERNEL_SOURCE_VERSION, full x86_64 DB; migrations $specs"

# 2. The run.
run() {
	"$tool" -p "$work/db" --root "$KERNEL_SRC" --migration="$specs" --target-kernel=6.12 "$@"
}
status=0
run --summary > "$work/specs.diff" 2> "$work/specs.err" || status=$?
if [ "$status" -le 1 ] && ! grep -qE '^  parsed .* [1-9][0-9]* crashed' "$work/specs.err"; then
	pass "gup-rewrite exits $status, no TU crashed"
else
	fail "gup-rewrite exited $status (see $work/specs.err)"
	exit 1
fi
grep '^diff --git' "$work/specs.diff" | awk '{print $3}' | sed 's|^a/||' > "$work/changed.txt" || true
if (cd "$KERNEL_SRC" && git apply "$work/specs.diff"); then
	pass "the diff ($(wc -l < "$work/changed.txt") files) applies with git apply"
else
	fail "the diff does not apply"
	exit 1
fi

# 3. The TUs of the changed files compile.
python3 - "$work/db/compile_commands.json" "$work/changed.txt" "$KERNEL_SRC" "$work/changed-db" <<'EOF'
import json, os, sys
db, changed, src, out = sys.argv[1:]
names = {line.strip() for line in open(changed) if line.strip()}
entries = [e for e in json.load(open(db))
           if os.path.relpath(os.path.join(e["directory"], e["file"]), src) in names]
os.makedirs(out, exist_ok=True)
json.dump(entries, open(os.path.join(out, "compile_commands.json"), "w"))
EOF
if python3 "$repo/scripts/kernel-tree-lib/verify-db.py" --src "$KERNEL_SRC" \
	--report "$work/compile.json" "$work/changed-db/compile_commands.json" \
	> "$work/compile.log" 2>&1; then
	pass "$(tail -1 "$work/compile.log")"
else
	fail "TUs of changed files do not compile (see $work/compile.log)"
fi

# 4. A second run changes nothing.
run > "$work/again.diff" 2> "$work/again.err" || true
if [ ! -s "$work/again.diff" ]; then
	pass "a second run changes nothing"
else
	fail "a second run still changes $(grep -c '^diff --git' "$work/again.diff") files"
fi

# 5. What the run did.
echo "kernel-check-specs: the first run:"
sed -n '/^  TUs in the compile DBs/p;/^  kept by the prefilter/p;/^  sites per rule/,/^  wall time/p' \
	"$work/specs.err" | sed 's/^/  /'
[ "$failed" -eq 0 ]
