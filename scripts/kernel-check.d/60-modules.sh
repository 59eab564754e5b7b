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
# module_stage, defined here, runs those checks on any example module;
# 61-compat-module.sh runs it on examples/compat-module too (and relies on
# this file being sourced first, as the stages' name order does).
#
# Uses $tool, $work, $repo, pass, fail, now, secs; not the kernel tree (no
# lock needed). Cost on 2 cores with the headers installed: about 1.5
# minutes on a loaded machine (the build under bear ~40 s, each plain build
# ~12 s, each gup-rewrite run ~3 s).
mods=$work/modules
rm -rf "$mods"
mkdir -p "$mods"
t_modules=$(now)
module_headers_ready=

# build DIR HEADERS LOG: a kbuild external-module build; its warning
# lines go to LOG.warnings without the module's directory, the header
# tree's name and line:column (the guards move lines, and a warning in
# a kernel header is the same one from either tree). -k: every file's
# errors, not only the first one's.
module_build() {
	local status=0
	make -k -C "$2" M="$1" modules > "$3" 2>&1 || status=$?
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

# module_stage LABEL SRC OUT [--expect-warning=FILE:WORD]... [--by-hand=PATCH]
#              [-- TOOL-ARGS...]
# The checks of this stage on the module in SRC, in the directory OUT;
# messages start with LABEL. TOOL-ARGS go to every gup-rewrite run (e.g.
# --migration=all).
#
# --expect-warning=FILE:WORD: a site the migration must report rather than
# edit: FILE has one line containing WORD, and the first run in each mode
# must exit 1 with exactly one warning there per option, naming WORD. The
# 6.12 build of that output must then fail only on those lines (what the
# tool left for a human is all that is left). --by-hand=PATCH is the human's
# fix (patch -p1 in the module), applied before the builds of each mode; the
# second runs must then find nothing (exit 0).
module_stage() {
	local label=$1 mod_src=$2 out=$3
	shift 3
	local by_hand="" expected=() arg
	while [ $# -gt 0 ]; do
		arg=$1
		shift
		case $arg in
		--expect-warning=*) expected+=("${arg#*=}") ;;
		--by-hand=*) by_hand=${arg#*=} ;;
		--) break ;;
		*) fail "$label: module_stage: unknown option $arg"; return ;;
		esac
	done
	local tool_args=("$@")
	mkdir -p "$out"

	# FILE:LINE:WORD of each expected report, LINE read from the source.
	local want=() spec file word lines
	for spec in "${expected[@]}"; do
		file=${spec%%:*}
		word=${spec#*:}
		lines=$(grep -nF -- "$word" "$mod_src/$file" | cut -d: -f1 || true)
		if [ "$(echo "$lines" | wc -w)" -ne 1 ]; then
			fail "$label: --expect-warning=$spec: $file has $(echo "$lines" | wc -w) lines with '$word', not one"
			return
		fi
		want+=("$file:$lines:$word")
	done

	module_copy "$mod_src" "$out/base-old"
	if module_build "$out/base-old" "$MODULE_HEADERS_OLD" "$out/base-old.log"; then
		pass "$label: the untouched module builds against $old_tag ($(wc -l < "$out/base-old.log.warnings") warning lines)"
	else
		fail "$label: the untouched module does not build against $old_tag (see $out/base-old.log)"
	fi
	module_copy "$mod_src" "$out/base-new"
	if module_build "$out/base-new" "$MODULE_HEADERS_NEW" "$out/base-new.log"; then
		fail "$label: the untouched module builds against $new_tag; it should not (pre-6.5 API)"
	else
		pass "$label: the untouched module does not build against $new_tag ($(grep -c 'error:' "$out/base-new.log.warnings") errors), as expected"
	fi

	# The compile DB of a 6.1 build, made by bear from gcc's commands; kept
	# outside the module (kbuild's clean removes compile_commands.json).
	module_copy "$mod_src" "$out/db-build"
	if bear --output "$out/db-build.json" -- make -C "$MODULE_HEADERS_OLD" \
		M="$out/db-build" modules > "$out/bear.log" 2>&1; then
		pass "$label: compile DB from bear ($(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$out/db-build.json") entries)"
	else
		fail "$label: bear -- make ... modules failed (see $out/bear.log)"
	fi

	local mode dir t0 t1 status written changed side var new_warnings tus
	local want_status=0
	[ "${#want[@]}" -eq 0 ] || want_status=1
	for mode in guard header; do
		dir=$out/$mode
		module_copy "$mod_src" "$dir"
		# The DB also names kbuild's generated <module>.mod.c, which exists
		# where a maintainer runs bear; it names no GUP function.
		cp "$out/db-build"/*.mod.c "$dir"/
		mkdir -p "$dir.db"
		sed "s#$out/db-build#$dir#g" "$out/db-build.json" > "$dir.db/compile_commands.json"
		touch "$dir.before"
		t0=$(now)
		status=0
		"$tool" -p "$dir.db" --root "$dir" "${tool_args[@]}" --compat=$mode --in-place \
			> "$dir.out" 2> "$dir.err" || status=$?
		t1=$(now)
		# The ASTs include the kernel headers; none of their files may change.
		written=$(find "$MODULE_HEADERS_OLD"/ "$MODULE_HEADERS_NEW"/ /usr/src/linux-headers-*-common/ \
			-newer "$dir.before" -type f 2> /dev/null | head -3)
		if [ -n "$written" ]; then
			fail "$label: --compat=$mode wrote into the kernel headers: $written"
		fi
		changed=$(cd "$dir" && for f in Kbuild *.c *.h; do
			[ -e "$mod_src/$f" ] || case $f in *.mod.c) continue ;; esac
			cmp -s "$f" "$mod_src/$f" || echo "$f"
		done | tr '\n' ' ')
		if [ "$status" -eq "$want_status" ] && [ -n "$changed" ]; then
			pass "$label: --compat=$mode: exit $status in $(secs "$t0" "$t1")s; changed: $changed"
		else
			fail "$label: --compat=$mode: exit $status (expected $want_status), changed: '${changed}' (see $dir.err)"
			grep -E 'warning|error' "$dir.err" | head -10 || true
		fi
		if [ "${#want[@]}" -gt 0 ]; then
			module_check_reports "$label: --compat=$mode" "$dir" "${want[@]}"
			module_check_left "$label: --compat=$mode" "$dir" "${want[@]}"
		fi
		if [ -n "$by_hand" ]; then
			if patch -s -p1 --no-backup-if-mismatch -d "$dir" < "$by_hand" > "$dir.by-hand.log" 2>&1; then
				pass "$label: --compat=$mode: the fix by hand ($(basename "$by_hand")) applies to the output"
			else
				fail "$label: --compat=$mode: the fix by hand ($(basename "$by_hand")) does not apply (see $dir.by-hand.log)"
			fi
		fi
		for side in old new; do
			var=MODULE_HEADERS_${side^^}
			module_copy "$dir" "$dir-$side" # with gup_compat.h, in header mode
			if module_build "$dir-$side" "${!var}" "$dir-$side.log"; then
				new_warnings=$(comm -13 "$out/base-old.log.warnings" "$dir-$side.log.warnings")
				if [ -z "$new_warnings" ]; then
					pass "$label: --compat=$mode output builds against $(basename "${!var}" | sed 's/^linux-headers-//') with no new warning"
				else
					fail "$label: --compat=$mode output builds against ${!var} with new warnings:"
					echo "$new_warnings" | sed 's/^/  /'
				fi
			else
				fail "$label: --compat=$mode output does not build against ${!var} (see $dir-$side.log)"
				grep -E 'error:' "$dir-$side.log" | head -5 | sed 's/^/  /' || true
			fi
		done
		status=0
		"$tool" -p "$dir.db" --root "$dir" "${tool_args[@]}" --compat=$mode \
			> "$dir.again.diff" 2> "$dir.again.err" || status=$?
		if [ "$status" -eq 0 ] && [ ! -s "$dir.again.diff" ]; then
			pass "$label: --compat=$mode: a second run changes nothing"
		else
			fail "$label: --compat=$mode: a second run exits $status with $(wc -l < "$dir.again.diff") diff lines (see $dir.again.err)"
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
		"$tool" -p "$dir.db-new" --root "$dir" "${tool_args[@]}" --compat=$mode \
			> "$dir.again-new.diff" 2> "$dir.again-new.err" || status=$?
		tus=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$dir.db-new/compile_commands.json")
		if [ "$status" -eq 0 ] && [ "$tus" -gt 0 ] && [ ! -s "$dir.again-new.diff" ]; then
			pass "$label: --compat=$mode: a second run parsed against $new_tag ($tus TUs) changes nothing"
		else
			fail "$label: --compat=$mode: a second run parsed against $new_tag ($tus TUs) exits $status with $(wc -l < "$dir.again-new.diff") diff lines (see $dir.again-new.err)"
		fi
	done
	echo "$label: the --compat=guard diff of ${mod_src#"$repo"/}:"
	(cd "$out" && diff -ru "$mod_src" guard | sed 's/^/  /') || true
}

# module_check_reports LABEL DIR FILE:LINE:WORD...: the warnings of the run
# (DIR.err) are exactly these sites, at the line of the original file (the
# column is not compared), each naming its WORD.
module_check_reports() {
	local label=$1 dir=$2
	shift 2
	local got want_sites site
	got=$(grep -E ': warning: ' "$dir.err" | sed -E "s#^$dir/##" | sort || true)
	want_sites=$(printf '%s\n' "$@" | cut -d: -f1,2 | sort)
	local ok=1
	[ "$(echo "$got" | sed -E 's#^([^:]+:[0-9]+):.*#\1#' | grep -c .)" -eq "$#" ] || ok=
	for site in "$@"; do
		echo "$got" | grep -qF -- "${site%:*}:" || ok=
		echo "$got" | grep -F -- "${site%:*}:" | grep -qF -- "${site##*:}" || ok=
	done
	if [ -n "$ok" ]; then
		pass "$label: reports exactly $(echo "$want_sites" | tr '\n' ' ')"
	else
		fail "$label: the warnings are not exactly one at each of $(echo "$want_sites" | tr '\n' ' '):"
		echo "${got:-  (none)}" | sed 's/^/  /'
	fi
}

# module_check_left LABEL DIR FILE:LINE:WORD...: the output in DIR, before
# any fix by hand, fails against the new headers only on lines with the
# reported WORDs, in the reported files: nothing else was left behind.
module_check_left() {
	local label=$1 dir=$2
	shift 2
	module_copy "$dir" "$dir-left"
	if module_build "$dir-left" "$MODULE_HEADERS_NEW" "$dir-left.log"; then
		fail "$label: the output builds against $new_tag although sites were reported"
		return
	fi
	local errors unexplained
	errors=$(grep -E '^[^ :]+:[0-9]+:[0-9]+: (fatal )?error:' "$dir-left.log" || true)
	unexplained=$(echo "$errors" | python3 -c '
import sys
base, sites = sys.argv[1], sys.argv[2:]
words = {}
for s in sites:
    f, _, w = s.split(":", 2)
    words.setdefault(f, []).append(w)
for e in sys.stdin.read().splitlines():
    path, line = e.split(":")[:2]
    name = path[len(base) + 1:] if path.startswith(base + "/") else path
    text = open(path).read().splitlines()[int(line) - 1] if name in words else ""
    if not any(w in text for w in words.get(name, [])):
        print(e)
' "$dir-left" "$@" || echo "(could not read the errors of $dir-left.log)")
	if [ -n "$errors" ] && [ -z "$unexplained" ]; then
		pass "$label: before the fix by hand, $new_tag fails only on the reported lines ($(echo "$errors" | wc -l) errors)"
	else
		fail "$label: before the fix by hand, $new_tag fails elsewhere than on the reported lines (see $dir-left.log):"
		echo "${unexplained:-  (no error at all)}" | head -5 | sed 's/^/  /'
	fi
}

if ! headers_env=$("$repo/scripts/module-headers.sh" 2> "$mods/headers.log"); then
	fail "modules: cannot install the 6.1 and 6.12 kernel headers (see $mods/headers.log)"
else
	eval "$headers_env"
	old_tag=$(basename "$MODULE_HEADERS_OLD" | sed 's/^linux-headers-//')
	new_tag=$(basename "$MODULE_HEADERS_NEW" | sed 's/^linux-headers-//')
	module_headers_ready=1
	module_stage modules "$repo/examples/gup-module" "$mods"
fi
echo "modules: stage took $(secs "$t_modules" "$(now)")s"
