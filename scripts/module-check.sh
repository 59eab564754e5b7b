#!/usr/bin/env bash
# The module stages of make kernel-check (scripts/kernel-check.d/60-modules.sh,
# 61-compat-module.sh) on their own: they need neither the kernel source tree
# nor its lock.
# Usage: scripts/module-check.sh [BUILD_DIR]; exit 1 if a check failed.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
tool=$build/bin/gup-rewrite
work=$build/kernel-check
mkdir -p "$work"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "module-check: PASS: $*"; }
fail() { failed=$((failed + 1)); echo "module-check: FAIL: $*"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
# shellcheck source=kernel-check.d/60-modules.sh
source "$repo/scripts/kernel-check.d/60-modules.sh"
# shellcheck source=kernel-check.d/61-compat-module.sh
source "$repo/scripts/kernel-check.d/61-compat-module.sh"
echo "module-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
