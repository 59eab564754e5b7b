# shellcheck shell=bash
# Sourced by kernel-check.sh (see there for the variables). ~2 min on 2 cores.
#
# Skipping the function bodies that cannot hold a site changes nothing on
# the real tree: gup-rewrite --full-parse over the same four DBs prints the
# migration run's diff, the same diagnostics and the same coverage report.
# Both runs' CPU time per phase is printed (from --summary).

status=0
"$tool" "${dbs[@]}" --root "$KERNEL_SRC" --full-parse --summary \
	--coverage-report="$work/full-parse-coverage.txt" \
	> "$work/full-parse.diff" 2> "$work/full-parse.err" || status=$?
# The diagnostics: everything before the summary but the coverage line.
diagnostics() { sed '/^gup-rewrite: summary$/,$d' "$1" | grep -v 'coverage report written to'; }
if [ "$status" -le 1 ] && cmp -s "$work/migration.diff" "$work/full-parse.diff" &&
	cmp -s <(diagnostics "$work/migration.err") <(diagnostics "$work/full-parse.err") &&
	cmp -s "$work/coverage.txt" "$work/full-parse-coverage.txt"; then
	pass "--full-parse gives the same diff, diagnostics and coverage report as skipping bodies"
else
	fail "--full-parse (exit $status) differs from the run that skips bodies:"
	diff "$work/migration.diff" "$work/full-parse.diff" | head -20 || true
	diff <(diagnostics "$work/migration.err") <(diagnostics "$work/full-parse.err") | head -20 || true
	diff "$work/coverage.txt" "$work/full-parse-coverage.txt" | head -20 || true
fi
echo "kernel-check: CPU per phase, bodies skipped (the migration run):"
sed -n '/^  function bodies/p;/^  time per phase/,$p' "$work/migration.err" | sed 's/^/  /'
echo "kernel-check: CPU per phase, --full-parse:"
sed -n '/^  time per phase/,$p' "$work/full-parse.err" | sed 's/^/  /'
