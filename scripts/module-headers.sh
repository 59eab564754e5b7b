#!/bin/bash
# Installs (when missing) Debian's kernel headers for one kernel before the
# GUP change of 6.5 and one after, and prints where they are, for `eval`:
#
#   eval "$(scripts/module-headers.sh)"
#   make -C "$MODULE_HEADERS_OLD" M=$PWD modules    # 6.1.0-NN-amd64
#   make -C "$MODULE_HEADERS_NEW" M=$PWD modules    # 6.12.NNN+deb12-amd64
#
# The 6.1 tree is whatever linux-headers-amd64 depends on (bookworm's
# kernel); the 6.12 tree is the newest linux-headers-6.12.*+deb12-amd64 the
# archive offers. Both pull in gcc-12 and kbuild; the 6.12 one also puts a
# few files under /boot, which is harmless. Needs root for apt-get.
set -euo pipefail

apt_install() {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		-o DPkg::Lock::Timeout=600 --no-install-recommends "$@" >&2
}

old_pkg=$(apt-cache depends linux-headers-amd64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-headers-6\.1\.[^ ]*-amd64\)$/\1/p' | head -1)
new_pkg=$(apt-cache search --names-only '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' |
	awk '{print $1}' | sort -V | tail -1)
if [ -z "$old_pkg" ] || [ -z "$new_pkg" ]; then
	echo "module-headers: cannot find linux-headers packages for 6.1 and 6.12 (apt-get update?)" >&2
	exit 2
fi
missing=()
for pkg in "$old_pkg" "$new_pkg"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "module-headers: installing ${missing[*]}" >&2
	apt_install "${missing[@]}" || { apt-get update -q >&2 && apt_install "${missing[@]}"; }
fi
for pkg in "$old_pkg" "$new_pkg"; do
	dir=/usr/src/${pkg}
	[ -f "$dir/Makefile" ] || { echo "module-headers: $dir/Makefile missing after installing $pkg" >&2; exit 2; }
done
echo "MODULE_HEADERS_OLD=/usr/src/$old_pkg"
echo "MODULE_HEADERS_NEW=/usr/src/$new_pkg"
