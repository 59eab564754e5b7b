#!/usr/bin/env bash
# pick-version.sh PACKAGE...: print the newest Debian version that apt offers
# for every PACKAGE (the packages must be installed at one version: the
# kernel source and its config come from one build of Debian's kernel).
#
# A point release vanishes from the archive when the next one lands, and the
# two packages need not move together (linux-config-6.1 6.1.192-2 was gone
# while linux-source-6.1 6.1.192-2 was still offered), so nothing is pinned:
# the versions are read off `apt-cache madison` and intersected.
#
# APT_CACHE names the apt-cache to run (tests put a fake one there).
# Exit 0 and the version on stdout; exit 1 with a message naming what each
# package offers when they have no version in common.
set -euo pipefail
APT_CACHE="${APT_CACHE:-apt-cache}"
[[ $# -ge 1 ]] || { echo "usage: $0 PACKAGE..." >&2; exit 2; }

offered() {  # the versions apt offers for $1, one per line, deduplicated
  "$APT_CACHE" madison "$1" 2>/dev/null |
    awk -F'|' -v p="$1" '{gsub(/ /, "", $1); gsub(/ /, "", $2)} $1 == p && $2 != "" {print $2}' |
    sort -u
}

declare -A count=()
summary=()
for p in "$@"; do
  list="$(offered "$p")"
  summary+=("$p: ${list//$'\n'/ }")
  [[ -n "$list" ]] || continue
  while read -r v; do count[$v]=$((${count[$v]:-0} + 1)); done <<<"$list"
done

best=
for v in "${!count[@]}"; do
  [[ ${count[$v]} == $# ]] || continue
  if [[ -z "$best" ]] || dpkg --compare-versions "$v" gt "$best"; then best="$v"; fi
done
if [[ -z "$best" ]]; then
  echo "pick-version: apt offers no version common to $*:" >&2
  printf '  %s\n' "${summary[@]/%: /: (none)}" >&2
  exit 1
fi
echo "$best"
