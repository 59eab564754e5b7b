#!/bin/sh
# make bench: see bench/bench.py (measurements a-e, medians, ratios, RSS).
# Installs Debian's coccinelle (spatch) when it is missing.
set -eu
build=${1:-build}
if ! command -v spatch > /dev/null 2>&1; then
	echo "bench: installing Debian's coccinelle (spatch)"
	SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y coccinelle
fi
exec python3 "$(dirname "$0")/bench.py" "$build"
