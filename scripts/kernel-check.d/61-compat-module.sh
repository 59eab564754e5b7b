# shellcheck shell=bash
# Stage (sourced by kernel-check.sh after 60-modules.sh, whose module_stage
# it uses; scripts/module-check.sh runs both): examples/compat-module, a
# module written for 6.1 that meets six API changes on the way to 6.12 (GUP's
# vmas, <asm/unaligned.h>, pud_large()/pmd_large(), no_llseek, strlcpy(),
# class_create()'s owner), migrated with every built-in spec at once.
#
# The same checks as for examples/gup-module, with --migration=all, and one
# site the migration must report rather than edit: the strlcpy() in
# compatdemo_dev.c whose result is tested (strscpy() returns -E2BIG, not the
# source length). So each first run exits 1 with exactly that warning, its
# output still fails on 6.12 only on that line, and the maintainer's fix
# (examples/compat-module/strscpy-by-hand.patch) is applied before the
# builds; the second runs then find nothing. Cost: about as much as the GUP
# module's (the build under bear ~55 s, each plain build ~15 s).
if [ -n "${module_headers_ready:-}" ]; then
	t_compat=$(now)
	module_stage compat-module "$repo/examples/compat-module" "$mods/compat-module" \
		--expect-warning=compatdemo_dev.c:strlcpy \
		--by-hand="$repo/examples/compat-module/strscpy-by-hand.patch" \
		-- --migration=all
	echo "compat-module: stage took $(secs "$t_compat" "$(now)")s"
fi
