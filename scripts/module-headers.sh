#!/bin/bash
# Installs (when missing) Debian's kernel headers for one kernel before the
# GUP change of 6.5 and one after, and prints where they are, for `eval`:
#
#   eval "$(scripts/module-headers.sh)"
#   make -C "$MODULE_HEADERS_OLD" M=$PWD modules    # 6.1.0-NN-amd64
#   make -C "$MODULE_HEADERS_NEW" M=$PWD modules    # 6.12.NNN+deb12-amd64
#
# A 6.1.0-N or 6.12.N headers package that is already installed is used as
# it is (the newest installed of each), so a new point release in the
# archive costs no install and no network. Otherwise the 6.1 tree is
# whatever linux-headers-amd64 depends on (bookworm's kernel) and the 6.12
# tree is the newest linux-headers-6.12.*+deb12-amd64 the archive offers;
# when apt knows neither (no package lists yet), `apt-get update` runs once.
# Both pull in gcc-12 and kbuild; the 6.12 one also depends on its kernel
# image package (~107 MB, files under /boot and an initramfs run). Needs root
# for apt-get.
set -euo pipefail

apt_install() {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		-o DPkg::Lock::Timeout=600 --no-install-recommends "$@" >&2
}

# installed REGEXP: the newest installed headers package whose name matches.
installed() {
	dpkg-query -W -f='${Package} ${Status}\n' 'linux-headers-*' 2>/dev/null |
		awk '$NF == "installed" { print $1 }' | grep -E "$1" | sort -V | tail -1 || true
}
old_archive() {
	apt-cache depends linux-headers-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-headers-6\.1\.[^ ]*-amd64\)$/\1/p' | head -1
}
new_archive() {
	apt-cache search --names-only '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' 2>/dev/null |
		awk '{print $1}' | sort -V | tail -1
}
old_pkg=$(installed '^linux-headers-6\.1\.0-[0-9]+-amd64$')
new_pkg=$(installed '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$')
if { [ -z "$old_pkg" ] && [ -z "$(old_archive)" ]; } ||
	{ [ -z "$new_pkg" ] && [ -z "$(new_archive)" ]; }; then
	echo "module-headers: apt-get update (no headers package known)" >&2
	apt-get update -q >&2 || true
fi
[ -n "$old_pkg" ] || old_pkg=$(old_archive)
[ -n "$new_pkg" ] || new_pkg=$(new_archive)
if [ -z "$old_pkg" ] || [ -z "$new_pkg" ]; then
	echo "module-headers: apt offers no linux-headers package for 6.1 or for 6.12, even after apt-get update; is bookworm (with bookworm-security) in sources.list?" >&2
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
