# shellcheck shell=bash
# Stage (sourced by kernel-check.sh): a partial view is never silent.
#
#   The migration run over all four DBs exits 0 (checked above), so no file
#   of the tree that uses the family is left unread by them. Over the x86_64
#   and arm64 DBs only, the same run must name exactly the files only
#   powerpc and s390 build (arch/powerpc/mm/book3s64/iommu_api.c,
#   arch/s390/kvm/interrupt.c) as unread-file warnings, and exit 1.
#
# Cost on 2 cores: one parse of the x86_64 and arm64 GUP TUs, ~1 min.

t0=$(now)
status=0
"$tool" -p "$KERNEL_BUILD_x86_64" -p "$KERNEL_BUILD_arm64" --root "$KERNEL_SRC" --report \
	> "$work/partial.report" 2> "$work/partial.err" || status=$?
t1=$(now)
named=$(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: no translation unit of this run read this file.*/\1/p' \
	"$work/partial.err" | sort | tr '\n' ' ')
reported=$(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: unread-file: .*/\1/p' "$work/partial.report" | sort | tr '\n' ' ')
expected="arch/powerpc/mm/book3s64/iommu_api.c arch/s390/kvm/interrupt.c "
if [ "$status" -eq 1 ] && [ "$named" = "$expected" ] && [ "$reported" = "$expected" ]; then
	pass "partial view (x86_64 + arm64): exit 1, names exactly ${expected}($(secs "$t0" "$t1")s)"
else
	fail "partial view (x86_64 + arm64): exit $status, named '${named}', reported '${reported}'; expected '${expected}' and exit 1 (see $work/partial.err)"
fi
