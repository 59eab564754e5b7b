# shellcheck shell=bash
# Stage (sourced by kernel-check.sh; scripts/module-check.sh runs it alone):
# the out-of-tree module of examples/gup-module across Linux 6.5.
#
#   - Debian's linux-headers for 6.1 and 6.12 (scripts/module-headers.sh,
#     installed when missing: ~4 min the first time, then nothing);
#   - the untouched module builds against 6.1 (the baseline, its warnings
#     recorded) and does not build against 6.12 (the reason for all this);
#   - its compile DB comes from the 6.1 build through bear (gcc-12 commands);
#   - for --compat=guard and --compat=header: gup-rewrite --in-place on a
#     fresh copy (exit 0, only the module's files change), then the module
#     builds against 6.1 AND 6.12 with no warning the baseline did not have,
#     and a second run changes nothing, parsed against 6.1 (the bear DB) and
#     against 6.12 (a DB from the commands kbuild saved in the 6.12 build).
#
# Uses $tool, $work, $repo, pass, fail, now, secs; not the kernel tree (no
# lock needed). Cost on 2 cores with the headers installed: about 1.5
# minutes on a loaded machine (the build under bear ~40 s, each plain build
# ~12 s, each gup-rewrite run ~3 s).
mod_src=$repo/examples/gup-module
mods=$work/modules
rm -rf "$mods"
mkdir -p "$mods"
t_modules=$(now)

if ! headers_env=$("$repo/scripts/module-headers.sh" 2> "$mods/headers.log"); then
	fail "modules: cannot install the 6.1 and 6.12 kernel headers (see $mods/headers.log)"
else
	eval "$headers_env"
	old_tag=$(basename "$MODULE_HEADERS_OLD" | sed 's/^linux-headers-//')
	new_tag=$(basename "$MODULE_HEADERS_NEW" | sed 's/^linux-headers-//')

	# build DIR HEADERS LOG: a kbuild external-module build; its warning
	# lines go to LOG.warnings without the module's directory, the header
	# tree's name and line:column (the guards move lines, and a warning in
	# a kernel header is the same one from either tree).
	module_build() {
		local status=0
		make -C "$2" M="$1" modules > "$3" 2>&1 || status=$?
		grep -E '(warning|error):' "$3" |
			sed -E -e "s#$1/##g" -e 's#/usr/src/linux-headers-[^/]+/#<headers>/#g' \
				-e 's#^([^: ]+):[0-9]+:[0-9]+:#\1:#' |
			sort -u > "$3.warnings" || true
		return $status
	}
	module_copy() {
		rm -rf "$2"
		mkdir -p "$2"
		cp "$1"/Kbuild "$1"/*.c "$1"/*.h "$2"/
	}

	module_copy "$mod_src" "$mods/base-old"
	if module_build "$mods/base-old" "$MODULE_HEADERS_OLD" "$mods/base-old.log"; then
		pass "modules: the untouched module builds against $old_tag ($(wc -l < "$mods/base-old.log.warnings") warning lines)"
	else
		fail "modules: the untouched module does not build against $old_tag (see $mods/base-old.log)"
	fi
	module_copy "$mod_src" "$mods/base-new"
	if module_build "$mods/base-new" "$MODULE_HEADERS_NEW" "$mods/base-new.log"; then
		fail "modules: the untouched module builds against $new_tag; it should not (pre-6.5 API)"
	else
		pass "modules: the untouched module does not build against $new_tag ($(grep -c 'error:' "$mods/base-new.log.warnings") errors), as expected"
	fi

	# The compile DB of a 6.1 build, made by bear from gcc's commands; kept
	# outside the module (kbuild's clean removes compile_commands.json).
	module_copy "$mod_src" "$mods/db-build"
	if bear --output "$mods/db-build.json" -- make -C "$MODULE_HEADERS_OLD" \
		M="$mods/db-build" modules > "$mods/bear.log" 2>&1; then
		pass "modules: compile DB from bear ($(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$mods/db-build.json") entries)"
	else
		fail "modules: bear -- make ... modules failed (see $mods/bear.log)"
	fi

	for mode in guard header; do
		dir=$mods/$mode
		module_copy "$mod_src" "$dir"
		# The DB also names kbuild's generated <module>.mod.c, which exists
		# where a maintainer runs bear; it names no GUP function.
		cp "$mods/db-build"/*.mod.c "$dir"/
		mkdir -p "$dir.db"
		sed "s#$mods/db-build#$dir#g" "$mods/db-build.json" > "$dir.db/compile_commands.json"
		touch "$dir.before"
		t0=$(now)
		status=0
		"$tool" -p "$dir.db" --root "$dir" --compat=$mode --in-place \
			> "$dir.out" 2> "$dir.err" || status=$?
		t1=$(now)
		# The ASTs include the kernel headers; none of their files may change.
		written=$(find "$MODULE_HEADERS_OLD"/ "$MODULE_HEADERS_NEW"/ /usr/src/linux-headers-*-common/ \
			-newer "$dir.before" -type f 2> /dev/null | head -3)
		if [ -n "$written" ]; then
			fail "modules: --compat=$mode wrote into the kernel headers: $written"
		fi
		changed=$(cd "$dir" && for f in Kbuild *.c *.h; do
			[ -e "$mod_src/$f" ] || case $f in *.mod.c) continue ;; esac
			cmp -s "$f" "$mod_src/$f" || echo "$f"
		done | tr '\n' ' ')
		if [ "$status" -eq 0 ] && [ -n "$changed" ]; then
			pass "modules: --compat=$mode: exit 0 in $(secs "$t0" "$t1")s; changed: $changed"
		else
			fail "modules: --compat=$mode: exit $status, changed: '${changed}' (see $dir.err)"
			grep -E 'warning|error' "$dir.err" | head -10 || true
		fi
		for side in old new; do
			var=MODULE_HEADERS_${side^^}
			module_copy "$dir" "$dir-$side"
			[ "$mode" = header ] && cp "$dir"/gup_compat.h "$dir-$side"/ 2>/dev/null
			if module_build "$dir-$side" "${!var}" "$dir-$side.log"; then
				new_warnings=$(comm -13 "$mods/base-old.log.warnings" "$dir-$side.log.warnings")
				if [ -z "$new_warnings" ]; then
					pass "modules: --compat=$mode output builds against $(basename "${!var}" | sed 's/^linux-headers-//') with no new warning"
				else
					fail "modules: --compat=$mode output builds against ${!var} with new warnings:"
					echo "$new_warnings" | sed 's/^/  /'
				fi
			else
				fail "modules: --compat=$mode output does not build against ${!var} (see $dir-$side.log)"
				grep -E 'error:' "$dir-$side.log" | head -5 | sed 's/^/  /' || true
			fi
		done
		status=0
		"$tool" -p "$dir.db" --root "$dir" --compat=$mode > "$dir.again.diff" 2> "$dir.again.err" || status=$?
		if [ "$status" -eq 0 ] && [ ! -s "$dir.again.diff" ]; then
			pass "modules: --compat=$mode: a second run changes nothing"
		else
			fail "modules: --compat=$mode: a second run exits $status with $(wc -l < "$dir.again.diff") diff lines (see $dir.again.err)"
		fi
		# Again, parsed against 6.12, where the >= 6.5 branches are the live
		# ones. The DB is read from the commands kbuild saved in the 6.12
		# build's .*.o.cmd files (bear would add ~30 s to that build): the
		# module's own files, not the generated .mod.c nor kbuild's
		# module-common.c.
		python3 - "$dir-new" "$MODULE_HEADERS_NEW" "$dir" "$dir.db-new" <<'EOF'
import glob, json, os, re, shlex, sys

built, headers, target, out = sys.argv[1:]
entries = []
for cmd_file in sorted(glob.glob(os.path.join(built, ".*.o.cmd"))):
    with open(cmd_file) as f:
        m = re.match(r"(?:saved)?cmd_\S+\.o := (.*)", f.readline())
    if not m:
        continue
    args = shlex.split(m.group(1).replace(built + "/", target + "/"))
    src = args[-1]
    if ("-c" in args and src.startswith(target + "/") and src.endswith(".c")
            and not src.endswith(".mod.c")):
        entries.append({"directory": headers, "file": src, "arguments": args})
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
EOF
		status=0
		"$tool" -p "$dir.db-new" --root "$dir" --compat=$mode > "$dir.again-new.diff" \
			2> "$dir.again-new.err" || status=$?
		tus=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$dir.db-new/compile_commands.json")
		if [ "$status" -eq 0 ] && [ "$tus" -gt 0 ] && [ ! -s "$dir.again-new.diff" ]; then
			pass "modules: --compat=$mode: a second run parsed against $new_tag ($tus TUs) changes nothing"
		else
			fail "modules: --compat=$mode: a second run parsed against $new_tag ($tus TUs) exits $status with $(wc -l < "$dir.again-new.diff") diff lines (see $dir.again-new.err)"
		fi
	done
	echo "modules: the --compat=guard diff of examples/gup-module:"
	(cd "$mods" && diff -ru "$mod_src" guard | sed 's/^/  /') || true
fi
echo "modules: stage took $(secs "$t_modules" "$(now)")s"
