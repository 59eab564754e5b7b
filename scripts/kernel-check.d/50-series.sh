# shellcheck shell=bash
# Stage (sourced by kernel-check.sh): the migration as a patch series.
#
#   gup-rewrite --series over the x86_64 DB (SERIES_ARCHES="x86_64 arm64 ..."
#   for more; the other arches' directories are --ignore-unread) writes a
#   format-patch series of the pristine tree; then, patch
#   by patch, scripts/kernel-tree-lib/series-check.py runs the tree's
#   checkpatch.pl --strict (no ERROR, no WARNING the replaced lines did not
#   have), applies it with `git am` (HEAD detached at the baseline; restored
#   afterwards) and compiles the x86_64 TUs it can break, two at a time.
#
# Cost on 2 cores: ~40 s to generate, ~15 s of include lists, then seconds
# per patch (checkpatch, and the few TUs each patch touches or that call a
# function whose prototype it changed): about 1.5-2.5 minutes in all.
series_dir=$work/series
rm -rf "$series_dir"
series_dbs=()
for arch in ${SERIES_ARCHES:-x86_64}; do
	var=KERNEL_BUILD_$arch
	series_dbs+=(-p "${!var}")
done
# The arches left out are left out on purpose: their own files (which no
# TU of these DBs reads) are acknowledged, not warned about.
for arch in $KERNEL_ARCHES; do
	case " ${SERIES_ARCHES:-x86_64} " in *" $arch "*) continue ;; esac
	var=KERNEL_KARCH_$arch
	series_dbs+=(--ignore-unread="arch/${!var}/*")
done
t0=$(now)
status=0
"$tool" "${series_dbs[@]}" --root "$KERNEL_SRC" --series="$series_dir" \
	--from="gup-rewrite kernel-check <kernel-check@gup-rewrite.invalid>" --signoff \
	2> "$work/series.err" || status=$?
t1=$(now)
patches=$(find "$series_dir" -name '[0-9][0-9][0-9][0-9]-*.patch' ! -name '0000-*' 2>/dev/null | wc -l)
if [ "$status" -eq 0 ] && [ "$patches" -gt 0 ]; then
	pass "series: $patches patches and a cover letter in $(secs "$t0" "$t1")s"
else
	fail "series: gup-rewrite --series exited $status with $patches patches (see $work/series.err)"
fi

if [ "$patches" -gt 0 ]; then
	series_head=$(git -C "$KERNEL_SRC" symbolic-ref -q --short HEAD || git -C "$KERNEL_SRC" rev-parse HEAD)
	series_restore() {
		git -C "$KERNEL_SRC" am --abort > /dev/null 2>&1 || true
		git -C "$KERNEL_SRC" checkout -q -f "$series_head"
		git -C "$KERNEL_SRC" clean -fdqx
	}
	# The commits `git am` makes go on a detached HEAD; the branch is never
	# moved, and it is checked out again whatever happens.
	trap 'series_restore; finish' EXIT
	git -C "$KERNEL_SRC" checkout -q --detach
	t0=$(now)
	if python3 "$repo/scripts/kernel-tree-lib/series-check.py" --src "$KERNEL_SRC" \
		--db "$KERNEL_DB_x86_64" --series "$series_dir" -j 2 \
		--report "$work/series-check.json" > "$work/series-check.log" 2>&1; then
		pass "series: each patch is checkpatch-clean, applies with git am and builds (x86_64, $(secs "$t0" "$(now)")s)"
	else
		fail "series: see $work/series-check.log"
	fi
	sed 's/^/  /' "$work/series-check.log"
	series_restore
	trap finish EXIT
	echo "series ($series_dir):"
	for p in "$series_dir"/[0-9][0-9][0-9][0-9]-*.patch; do
		sed -n 's/^Subject: /  /p' "$p"
		sed -n '/^---$/,/^$/p' "$p" | sed -e '1d' -e '$d' | sed 's/^/  /'
	done
fi
