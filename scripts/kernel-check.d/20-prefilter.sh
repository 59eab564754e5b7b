# shellcheck shell=bash
# Sourced by kernel-check.sh (see there for the variables). ~90 s on 2 cores.
#
# The prefilter never loses a site on the real tree:
#   1. gup-rewrite --no-prefilter over the same four DBs (every TU parsed)
#      prints the same diff as the prefiltered migration run;
#   2. over the full x86_64 DB (every TU of the config, ~13,600), the
#      prefilter alone (--list-tus) keeps every TU it keeps from the GUP DB,
#      in seconds. Entries of generated files that only a full build writes
#      are left out of that DB first (the tool rejects missing files).

t0=$(now)
status=0
"$tool" "${dbs[@]}" --root "$KERNEL_SRC" --no-prefilter \
	> "$work/no-prefilter.diff" 2> "$work/no-prefilter.err" || status=$?
t1=$(now)
if [ "$status" -le 1 ] && cmp -s "$work/migration.diff" "$work/no-prefilter.diff"; then
	pass "--no-prefilter over $total_tus TUs prints the prefiltered run's diff ($(secs "$t0" "$t1")s)"
else
	fail "--no-prefilter (exit $status) differs from the prefiltered run:"
	diff "$work/migration.diff" "$work/no-prefilter.diff" | head -20 || true
fi

full_db=${KERNEL_DB_FULL_x86_64:-}
if [ -n "$full_db" ] && [ -f "$full_db" ]; then
	mkdir -p "$work/full-x86_64"
	present_entries "$full_db" "$work/full-x86_64/compile_commands.json"
	t0=$(now)
	status=0
	"$tool" -p "$work/full-x86_64" --root "$KERNEL_SRC" --list-tus \
		> "$work/full-x86_64.tus" 2> "$work/full-x86_64.err" || status=$?
	t1=$(now)
	"$tool" -p "$KERNEL_BUILD_x86_64" --root "$KERNEL_SRC" --list-tus > "$work/gup-x86_64.tus" 2>&1 || true
	lost=$(sort "$work/full-x86_64.tus" | comm -13 - <(sort "$work/gup-x86_64.tus"))
	n_full=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/full-x86_64/compile_commands.json")
	if [ "$status" -eq 0 ] && [ -s "$work/full-x86_64.tus" ] && [ -z "$lost" ]; then
		pass "prefilter over the full x86_64 DB: $(wc -l < "$work/full-x86_64.tus") of $n_full TUs kept in $(secs "$t0" "$t1")s, none of the GUP DB's lost"
	else
		fail "prefilter over the full x86_64 DB (exit $status) loses: ${lost:-(see $work/full-x86_64.err)}"
	fi
fi
