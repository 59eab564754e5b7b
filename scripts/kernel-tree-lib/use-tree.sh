# Sourced by the scripts that patch the cached kernel tree (kernel-check.sh
# and its stages, kernel-check-specs.sh).
#
# use_kernel_tree NAME LOG: takes the tree's lock
# (one user at a time: the caller patches and resets the tree; make bench
# takes the same lock), sets the tree up (scripts/kernel-tree.sh,
# idempotent: seconds when the cache is complete; its output goes to LOG)
# and sources its kernel-tree.env. Returns 1, with LOG's tail shown, when
# the set-up fails.
use_kernel_tree() {
	local name=$1 log=$2 lib
	lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	cache=${GUP_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gup-rewrite}
	mkdir -p "$cache"
	exec 9>"$cache/tree.lock"
	if ! flock -n 9; then
		echo "$name: waiting for another user of $cache (tree.lock)"
		flock 9
	fi
	"$lib/../kernel-tree.sh" --no-verify > "$log" 2>&1 || { tail -20 "$log"; return 1; }
	# shellcheck disable=SC1091
	source "$cache/kernel-tree.env"
}

# reset_tree: back to the baseline commit. `clean -x`: Debian's .gitignore
# ignores every top-level path, so untracked files hide from a plain clean.
reset_tree() {
	git -C "$KERNEL_SRC" checkout -q -f -- . && git -C "$KERNEL_SRC" clean -fdqx
}

# present_entries DB OUT: the entries of compile DB DB whose file exists,
# written to OUT (a full DB names generated files, such as the vDSO images,
# that only a full build writes).
present_entries() {
	python3 - "$1" "$2" <<'PY'
import json, os, sys
entries = json.load(open(sys.argv[1]))
present = [e for e in entries
           if os.path.exists(os.path.join(e["directory"], e["file"]))]
json.dump(present, open(sys.argv[2], "w"))
PY
}
