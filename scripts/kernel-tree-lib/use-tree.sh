# Sourced by the scripts that patch the cached kernel tree (kernel-check.sh,
# kernel-check-specs.sh). use_kernel_tree NAME LOG: takes the tree's lock
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
