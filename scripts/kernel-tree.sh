#!/usr/bin/env bash
# Prepare a real pre-migration Linux kernel tree (Debian's linux-source-6.1)
# with clang compile databases for x86_64, arm64, powerpc and s390, in a cache
# directory outside the repository. Used by `make kernel-check` and `make bench`.
#
# Usage: scripts/kernel-tree.sh [--serial] [--force] [--cross-check] [--clean] [-h]
#
# The cache is ${GUP_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gup-rewrite}.
# Every stage leaves a stamp there, so an interrupted run resumes where it
# stopped and a run over a complete cache only prints where things are.
# See docs/kernel-tree.md for the layout, the variables and the pitfalls.

set -euo pipefail

# ---------------------------------------------------------------- settings --
# The Debian package version of linux-source-6.1 / linux-config-6.1. Empty
# (the default): whatever is installed when both packages are installed at one
# version, otherwise the newest version apt offers for both (point releases
# vanish from the archive, so none is pinned; no stage depends on the 6.1.y
# patch level). GUP_KERNEL_SOURCE_VERSION=V insists on V.
KERNEL_SOURCE_VERSION="${GUP_KERNEL_SOURCE_VERSION:-}"
LLVM_SUFFIX=-19
CC_NAME="clang${LLVM_SUFFIX}"
read -r -a ARCHES <<<"${GUP_KERNEL_ARCHES:-x86_64 arm64 powerpc s390}"
CACHE="${GUP_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gup-rewrite}"
JOBS="${GUP_KERNEL_JOBS:-$(nproc)}"

PACKAGES=(clang-19 lld-19 llvm-19 make gcc libc6-dev flex bison bc libelf-dev
          libssl-dev cpio python3 git xz-utils)
SOURCE_TARBALL=/usr/src/linux-source-6.1.tar.xz
DEBIAN_CONFIG_DIR=/usr/src/linux-config-6.1

# A .c file belongs to the GUP DB when it names one of these as a whole token.
GUP_NAMES=(get_user_pages pin_user_pages get_user_pages_remote pin_user_pages_remote
           __get_user_pages __get_user_pages_locked __gup_longterm_locked
           is_valid_gup_args follow_hugetlb_page __get_user_pages_remote)

declare -A KARCH=([x86_64]=x86 [arm64]=arm64 [powerpc]=powerpc [s390]=s390)
# Starting config. "debian:FILE": a config of linux-config-6.1. Otherwise the
# defconfig files (relative to the source tree) that `make defconfig` (arm64,
# s390) or `make ppc64le_defconfig` (= ppc64_defconfig + le.config) would read:
# loading them as .config and running olddefconfig gives a byte-identical
# .config (checked), in one Kconfig pass instead of two or three.
declare -A BASE_CONFIG=(
  [x86_64]="debian:config.amd64_none_amd64.xz"
  [arm64]="arch/arm64/configs/defconfig"
  [powerpc]="arch/powerpc/configs/ppc64_defconfig arch/powerpc/configs/le.config"
  [s390]="arch/s390/configs/defconfig"
)

# Options switched on (if not already =y/=m) after the base config, then
# checked in the final .config. Dependencies come first and are listed too, so
# that the check proves the whole chain.
X86_OPTS="PCI NUMA EFI KEXEC_CORE X86_X2APIC X86_SGX DRM DRM_RADEON INFINIBAND
  INFINIBAND_RDMAVT INFINIBAND_QIB INFINIBAND_USNIC RDMA_SIW VIDEO_BT848
  VIDEOBUF_DMA_SG X86_EXTENDED_PLATFORM X86_UV SGI_GRU VDPA VDPA_USER VFIO
  VFIO_IOMMU_TYPE1 VHOST VHOST_VDPA IO_URING UPROBES XDP_SOCKETS SECURITY
  SECURITY_TOMOYO KVM KVM_INTEL KVM_AMD KVM_ASYNC_PF HUGETLBFS HUGETLB_PAGE
  DEBUG_FS GUP_TEST CROSS_MEMORY_ATTACH"
# What the core migration files need on every other arch: mm/gup.c (MMU),
# mm/hugetlb.c (HUGETLBFS), mm/gup_test.c (GUP_TEST), kernel/events/uprobes.c
# (UPROBES, only selectable through UPROBE_EVENTS, which sits under FTRACE),
# io_uring/rsrc.c, mm/process_vm_access.c, net/xdp/xdp_umem.c,
# security/tomoyo/domain.c.
COMMON_OPTS="HUGETLBFS HUGETLB_PAGE DEBUG_FS GUP_TEST FTRACE UPROBE_EVENTS UPROBES
  IO_URING CROSS_MEMORY_ATTACH BPF_SYSCALL XDP_SOCKETS SECURITY SECURITY_TOMOYO"
declare -A ARCH_OPTS=(
  [x86_64]="$X86_OPTS"
  [arm64]="ARM64_MTE UPROBES IO_URING KVM $COMMON_OPTS"
  [powerpc]="SPAPR_TCE_IOMMU VFIO VFIO_IOMMU_SPAPR_TCE KVM_BOOK3S_64 KVM_BOOK3S_64_HV $COMMON_OPTS"
  [s390]="KVM $COMMON_OPTS"
)
# Files that must end up in an arch's DB (checked, reported if absent).
CORE_FILES="mm/gup.c mm/hugetlb.c mm/memory.c fs/exec.c kernel/events/uprobes.c
  mm/gup_test.c io_uring/rsrc.c"
declare -A ARCH_CORE_FILES=(
  [x86_64]="arch/x86/kernel/cpu/sgx/ioctl.c virt/kvm/kvm_main.c virt/kvm/async_pf.c"
  [arm64]="arch/arm64/kernel/mte.c virt/kvm/kvm_main.c"
  [powerpc]="arch/powerpc/mm/book3s64/iommu_api.c arch/powerpc/kvm/book3s_hv.c"
  [s390]="arch/s390/kvm/interrupt.c virt/kvm/kvm_main.c"
)

SRC="$CACHE/src/linux-6.1"
BUILD="$CACHE/build"
STAMPS="$CACHE/stamps"
LOGS="$CACHE/logs"
ENV_FILE="$CACHE/kernel-tree.env"
GUP_LIST="$CACHE/gup-files.txt"
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/kernel-tree-lib"

# A parent make (e.g. `make kernel-check QUICK=1 -j4`) exports MAKEFLAGS with
# its command-line variables and jobserver; kbuild must not inherit them.
unset MAKEFLAGS MFLAGS GNUMAKEFLAGS MAKELEVEL MAKEOVERRIDES \
      KBUILD_OUTPUT KCONFIG_CONFIG CROSS_COMPILE ARCH LLVM LLVM_IAS CC LD AR \
      CFLAGS KCFLAGS KCPPFLAGS KBUILD_EXTRA_SYMBOLS O V W C 2>/dev/null || true
export LC_ALL=C

# ----------------------------------------------------------------- helpers --
log()  { printf '[kernel-tree %s] %s\n' "$(date +%T)" "$*"; }
warn() { printf '[kernel-tree %s] WARNING: %s\n' "$(date +%T)" "$*" >&2; }
die()  { printf '[kernel-tree] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<EOF
Usage: $0 [options]
Prepares \$GUP_KERNEL_CACHE (now: $CACHE):
  a pristine, git-committed linux-source-6.1 tree and, for each of
  ${ARCHES[*]}, a configured + prepared O= build dir with compile_commands.json
  (the .c files naming a GUP-family function) and compile_commands.full.json
  (every kernel C TU of the config). Writes $ENV_FILE.
Options:
  --serial       one job at a time (default: GUP_KERNEL_LANES jobs, = nproc)
  --force        redo every stage (the package step is always checked)
  --no-verify    skip the parse check of each GUP DB on the pristine tree
                 (make kernel-check compiles every GUP TU after the migration
                 anyway, and checks the pristine tree only for TUs that fail)
  --cross-check  also build mm/gup.o and one module object per arch for real
                 and compare kbuild's recorded command (.o.cmd) with the DB
  --clean        delete the cache and exit
  -h, --help     this text
Environment: GUP_KERNEL_CACHE, GUP_KERNEL_ARCHES, GUP_KERNEL_JOBS (make -j and
  parse-check jobs, default nproc), GUP_KERNEL_LANES (jobs run side by side),
  GUP_KERNEL_SOURCE_VERSION (default: the installed linux-source-6.1 when
  linux-config-6.1 has the same version, else the newest both are offered at).
EOF
}

LANES="${GUP_KERNEL_LANES:-$JOBS}" FORCE=0 CROSS_CHECK=0 VERIFY=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --serial) LANES=1 ;;
    --force) FORCE=1 ;;
    --cross-check) CROSS_CHECK=1 ;;
    --no-verify) VERIFY=0 ;;
    --clean) log "removing $CACHE"; rm -rf -- "$CACHE"; exit 0 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done
for a in "${ARCHES[@]}"; do
  [[ -n "${KARCH[$a]:-}" ]] || die "unsupported arch '$a' (known: ${!KARCH[*]})"
done

now() { echo "${EPOCHREALTIME/,/.}"; }
hash_of() { printf '%s\n' "$@" | sha256sum | cut -c1-16; }
# Key of a stage: its upstream key plus the text of the functions it runs, so
# editing this script invalidates exactly the stages whose recipe changed.
recipe_key() { local up="$1"; shift; hash_of "$up" "$(declare -f "$@")"; }

stamp_ok() { [[ $FORCE == 0 && -f "$STAMPS/$1.done" && "$(cat "$STAMPS/$1.done")" == "$2" ]]; }

# run_stage NAME KEY FUNCTION [ARGS...]: run FUNCTION unless NAME's stamp
# carries KEY. Output goes to logs/NAME.log; wall and CPU seconds to
# stamps/NAME.secs. `set -e` is void inside a function that is called from a
# conditional (`f || x`), so FUNCTION runs in a plain subshell with errexit
# and its status is read afterwards; callers must not put run_stage itself in
# a conditional either.
run_stage() {
  local name="$1" key="$2"; shift 2
  if stamp_ok "$name" "$key"; then
    log "$name: up to date"
    return 0
  fi
  rm -f "$STAMPS/$name.done" "$STAMPS/$name.secs"
  log "$name: running (log: $LOGS/$name.log)"
  local t0 rc secs cpu
  t0=$(now)
  set +e
  ( set -e; "$@"; times >"$STAMPS/$name.times" ) >"$LOGS/$name.log" 2>&1
  rc=$?
  set -e
  secs=$(awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')
  if [[ $rc != 0 ]]; then
    warn "$name failed after ${secs}s (exit $rc); last lines of $LOGS/$name.log:"
    tail -n 25 "$LOGS/$name.log" | sed 's/^/    /' >&2
    return "$rc"
  fi
  # `times` prints "XmY.YYYs XmY.YYYs" for the shell and for its children.
  cpu=$(tr ' ' '\n' <"$STAMPS/$name.times" |
        awk -F'[ms]' 'NF>1 {t += $1*60 + $2} END {printf "%.1f", t}')
  rm -f "$STAMPS/$name.times"
  echo "$secs $cpu" >"$STAMPS/$name.secs"
  echo "$key" >"$STAMPS/$name.done"
  log "$name: done in ${secs}s (CPU ${cpu}s)"
}

kmake() {  # kmake ARCH ARGS...: make in the source tree for ARCH's O= dir
  local a="$1"; shift
  make -C "$SRC" O="$BUILD/$a" ARCH="${KARCH[$a]}" LLVM="$LLVM_SUFFIX" "$@"
}

# ------------------------------------------------------ stage 1: packages ---
pkg_installed_version() {
  dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null |
    awk '$1=="install" && $3=="installed" {print $4}'
}

stage_packages() {
  command -v dpkg-query >/dev/null || die "needs a Debian system (dpkg/apt)"
  local missing=() p v
  # One dpkg-query for all packages ("name installed-version" per line).
  local -A have=()
  while read -r p v; do have[$p]=$v; done < <(
    dpkg-query -W -f='${Package} ${Status} ${Version}\n' "${PACKAGES[@]}" \
      linux-source-6.1 linux-config-6.1 2>/dev/null |
      awk '$2=="install" && $4=="installed" {sub(/:.*/, "", $1); print $1, $5}')
  for p in "${PACKAGES[@]}"; do
    [[ -n "${have[$p]:-}" ]] || missing+=("$p")
  done
  local src_v="${have[linux-source-6.1]:-}" cfg_v="${have[linux-config-6.1]:-}"
  # The source and its config must be one version; any version will do
  # unless GUP_KERNEL_SOURCE_VERSION asks for one.
  local kernel_ok=0
  if [[ -n "$src_v" && "$src_v" == "$cfg_v" ]] &&
     [[ -z "$KERNEL_SOURCE_VERSION" || "$src_v" == "$KERNEL_SOURCE_VERSION" ]]; then
    kernel_ok=1
  fi
  if [[ ${#missing[@]} == 0 && $kernel_ok == 1 ]]; then
    log "packages: all present (linux-source-6.1 and linux-config-6.1 $src_v)"
    return 0
  fi
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]} linux-source-6.1 linux-config-6.1"
    sudo=(sudo)
  fi
  log "packages: running apt-get update (missing: ${missing[*]:-none}; linux-source-6.1: ${src_v:-none}, linux-config-6.1: ${cfg_v:-none}${KERNEL_SOURCE_VERSION:+, want $KERNEL_SOURCE_VERSION})"
  "${sudo[@]}" apt-get update -qq
  if [[ $kernel_ok == 0 ]]; then
    local want
    if [[ -n "$KERNEL_SOURCE_VERSION" ]]; then
      want="$KERNEL_SOURCE_VERSION"
      for p in linux-source-6.1 linux-config-6.1; do
        apt-cache madison "$p" | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$want" ||
          die "GUP_KERNEL_SOURCE_VERSION=$want: apt does not offer $p $want (offered: $(apt-cache madison "$p" | awk -F'|' '{gsub(/ /,"",$2); printf "%s ", $2}')); unset it to use the newest version offered for both packages"
      done
    else
      want="$("$LIB/pick-version.sh" linux-source-6.1 linux-config-6.1)" ||
        die "no version of linux-source-6.1 and linux-config-6.1 can be installed together (see above)"
    fi
    log "packages: linux-source-6.1 and linux-config-6.1 at $want"
    [[ "$src_v" == "$want" ]] || missing+=("linux-source-6.1=$want")
    [[ "$cfg_v" == "$want" ]] || missing+=("linux-config-6.1=$want")
  fi
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "packages: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --allow-downgrades \
      --no-install-recommends "${missing[@]}"
  fi
}

# --------------------------------------------------------- stage 2: source --
stage_unpack() {
  rm -rf "$SRC" "$CACHE/src/.unpack"
  mkdir -p "$CACHE/src/.unpack"
  tar -xf "$SOURCE_TARBALL" -C "$CACHE/src/.unpack"
  local top
  top="$(find "$CACHE/src/.unpack" -mindepth 1 -maxdepth 1 -type d)"
  [[ -f "$top/Makefile" && -f "$top/mm/gup.c" ]] || die "unexpected tarball layout: $top"
  mv "$top" "$SRC"
  rmdir "$CACHE/src/.unpack"
}

stage_git() {
  cd "$SRC"
  rm -rf .git
  git -c init.defaultBranch=main init -q
  git config gc.auto 0
  git config core.untrackedCache true
  # -f: the tarball contains files that the kernel's own .gitignore matches;
  # the baseline must hold every file so that `git checkout -f` restores all.
  # zlib level 1 for the 83k loose objects: 1/3 less CPU than the default
  # level, .git 10% bigger (~500 MB).
  git -c core.looseCompression=1 add -A -f
  git -c user.name="gup-rewrite kernel-tree.sh" -c user.email="kernel-tree@gup-rewrite.invalid" \
    commit -q --no-verify -m "linux-source-6.1 $SOURCE_VERSION (pristine, unpacked by scripts/kernel-tree.sh)"
  git tag -f pristine >/dev/null
  git status --porcelain | head -n 5 | grep -q . && die "tree not clean right after the baseline commit"
  true
}

# ------------------------------------------------------ stage 3: configure --
opt_on() { grep -qE "^CONFIG_$1=[ym]\$" "$2"; }

stage_configure() {
  local a="$1" b="$BUILD/$1" base="${BASE_CONFIG[$1]}"
  rm -rf "$b"
  mkdir -p "$b"
  local cfg=("$SRC/scripts/config" --file "$b/.config")
  if [[ "$base" == debian:* ]]; then
    xz -dc "$DEBIAN_CONFIG_DIR/${base#debian:}" >"$b/.config"
    # Debian's config is made for gcc + its signing keys + pahole: switch off
    # what needs those (BTF needs pahole, DWARF makes TUs slower, MODVERSIONS
    # and the Debian cert paths do not exist here).
    local d dbg=()
    # shellcheck disable=SC2013  # option names are single words
    for d in $(grep -oE '^CONFIG_DEBUG_INFO[A-Z0-9_]*=' "$b/.config" | sed 's/^CONFIG_//; s/=$//'); do
      dbg+=(-d "$d")
    done
    "${cfg[@]}" -d MODVERSIONS "${dbg[@]}" -e DEBUG_INFO_NONE \
      --set-str SYSTEM_TRUSTED_KEYS "" --set-str SYSTEM_REVOCATION_KEYS ""
  else
    local f
    for f in $base; do cat "$SRC/$f"; done >"$b/.config"
  fi
  local o round want
  # shellcheck disable=SC2206  # option names: plain words, no globs
  want=(${ARCH_OPTS[$a]})
  # One olddefconfig normally; a second round only if an option was refused
  # (e.g. because a dependency listed after it was still off).
  for round in 1 2; do
    local en=()
    for o in "${want[@]}"; do opt_on "$o" "$b/.config" || en+=(-e "$o"); done
    [[ $round == 2 && ${#en[@]} == 0 ]] && break
    echo "round $round: enabling ${en[*]:-nothing}"
    [[ ${#en[@]} == 0 ]] || "${cfg[@]}" "${en[@]}"
    kmake "$a" -s olddefconfig
  done
  local off=()
  for o in "${want[@]}"; do opt_on "$o" "$b/.config" || off+=("$o"); done
  printf '%s\n' "${off[@]}" | grep . >"$b/options-off.txt" || true
  if [[ ${#off[@]} -gt 0 ]]; then
    echo "options still off on $a: ${off[*]}"
  fi
  grep -E "^CONFIG_($(echo "${want[@]}" | tr ' ' '|'))=" "$b/.config" >"$b/options-on.txt" || true
}

# -------------------------------------------------------- stage 4: prepare --
stage_prepare() {
  kmake "$1" -s -j"$JOBS" prepare
}

# -------------------------------------------- stage 5a: dry run -> full DB ---
# kbuild prints every command it would run; each compile command carries the
# exact per-directory flags (-I, KBUILD_MODNAME, -DMODULE) of its Makefile.
# -k: the final link needs objects a dry run never makes; everything before
# it is still printed. -j1: parallel sub-makes could interleave long lines.
stage_dryrun() {
  local a="$1" b="$BUILD/$1" rc=0
  kmake "$a" -n -k all >"$b/dryrun.log" 2>"$b/dryrun.err" || rc=$?
  echo "make -n -k exit status: $rc (expected 2: vmlinux.a is never made in a dry run)"
  # Expected: the link steps' inputs ("needed by 'vmlinux.o'" etc.) and the
  # "Error 2" lines of the parent makes.
  local skip=(-e "needed by 'vmlinux" -e "\] Error 2\$")
  if grep -v "${skip[@]}" "$b/dryrun.err" | grep -q .; then
    echo "unexpected messages from the dry run (see $b/dryrun.err):"
    grep -v "${skip[@]}" "$b/dryrun.err" | head -n 20
  fi
  python3 "$LIB/dryrun2db.py" --dryrun "$b/dryrun.log" --build-dir "$b" --src "$SRC" \
    --cc "$CC_NAME" --full "$b/compile_commands.full.json" --min-entries 1000
  rm -f "$b/dryrun.log"
}

# --------------------------------------------- stage 5b: GUP file list ------
stage_gup_list() {
  local re
  re="($(IFS='|'; echo "${GUP_NAMES[*]}"))"
  git -C "$SRC" grep -lwE "$re" -- '*.c' ':!tools/' ':!Documentation/' | sort >"$GUP_LIST.tmp"
  mv "$GUP_LIST.tmp" "$GUP_LIST"
  echo "$(wc -l <"$GUP_LIST") .c files name a GUP-family function"
}

# ------------------------------------------ stage 5c: GUP DB + verification --
stage_db() {
  local a="$1" b="$BUILD/$1"
  python3 "$LIB/dryrun2db.py" --from-db "$b/compile_commands.full.json" --build-dir "$b" \
    --src "$SRC" --gup "$b/compile_commands.json" --gup-list "$GUP_LIST" \
    --present "$b/gup-files.present.txt"
  comm -23 "$GUP_LIST" "$b/gup-files.present.txt" >"$b/gup-files.absent.txt"
  local f missing=()
  for f in $CORE_FILES ${ARCH_CORE_FILES[$a]}; do
    grep -qxF "$f" "$b/gup-files.present.txt" || missing+=("$f")
  done
  printf '%s\n' "${missing[@]}" | grep . >"$b/core-files-absent.txt" || true
  [[ ${#missing[@]} == 0 ]] || echo "core files not built on $a: ${missing[*]}"
}

stage_verify() {
  local a="$1" b="$BUILD/$1" rc=0
  local verify=(python3 "$LIB/verify-db.py" -j "$JOBS" --src "$SRC" "$b/compile_commands.json")
  "${verify[@]}" --report "$b/verify-failures.json" || rc=$?
  [[ $rc != 0 ]] || return 0
  # 1) A generated header of `make prepare` may be missing (e.g. the build
  #    dir was touched): redo prepare (a no-op when complete), check again.
  echo "re-running make prepare, then checking the failures again"
  kmake "$a" -s -j"$JOBS" prepare
  cp "$b/verify-failures.json" "$b/verify-failures.prev.json"
  rc=0
  "${verify[@]}" --only "$b/verify-failures.prev.json" --report "$b/verify-failures.json" || rc=$?
  [[ $rc != 0 ]] || return 0
  # 2) A TU that includes a header made by its own directory's Makefile (not
  #    by prepare) needs that header built: build the object itself, one per
  #    make call (kbuild then descends with the right per-directory context).
  local o
  for o in $(python3 -c 'import json,sys; print(" ".join(f["output"] for f in json.load(open(sys.argv[1]))))' \
               "$b/verify-failures.json"); do
    echo "building $o to create the headers it needs"
    kmake "$a" -s "$o" || echo "building $o failed"
  done
  cp "$b/verify-failures.json" "$b/verify-failures.prev.json"
  "${verify[@]}" --only "$b/verify-failures.prev.json" --report "$b/verify-failures.json"
}

cross_check() {
  # Build a few objects for real, one per make call, and compare kbuild's own
  # record of the command (.o.cmd) with the DB entry: mm/gup.o (built-in) and
  # the first module object of the GUP DB.
  local a="$1" b="$BUILD/$1" o objs
  objs="mm/gup.o $(python3 -c '
import json, sys
for e in json.load(open(sys.argv[1])):
    if "-DMODULE" in e["arguments"] and "/../" not in e["output"]:
        print(e["output"]); break' "$b/compile_commands.json")"
  for o in $objs; do
    kmake "$a" -s "$o"
    python3 "$LIB/dryrun2db.py" --compare-cmd "$b/$(dirname "$o")/.$(basename "$o").cmd" \
      --from-db "$b/compile_commands.json" --build-dir "$b" --src "$SRC"
  done
}

# ------------------------------------------------------------- pipeline -----
# Two kinds of job: "git" (baseline commit, then the GUP file list) and one
# per arch (configure, prepare, dry run, then - once the GUP list exists - the
# GUP DB and its parse check). kbuild with O= writes nothing into the source
# tree, so all of them can run side by side on the same tree.
job_git() {
  run_stage git "$K_GIT" stage_git
  run_stage gup-list "$K_LIST" stage_gup_list
}

wait_for_gup_list() {
  until stamp_ok gup-list "$K_LIST"; do
    [[ -e "$RUN_DIR/git.failed" ]] && die "the git job failed; no GUP list"
    sleep 1
  done
}

job_arch() {
  local a="$1" k_cfg k_prep k_dry k_db k_ver
  k_cfg=$(recipe_key "$K_SRC:${BASE_CONFIG[$a]}:${ARCH_OPTS[$a]}" stage_configure opt_on kmake)
  run_stage "configure-$a" "$k_cfg" stage_configure "$a"
  k_prep=$(recipe_key "$k_cfg" stage_prepare)
  run_stage "prepare-$a" "$k_prep" stage_prepare "$a"
  k_dry=$(recipe_key "$k_prep:$(sha256sum <"$LIB/dryrun2db.py")" stage_dryrun)
  run_stage "dryrun-$a" "$k_dry" stage_dryrun "$a"
  wait_for_gup_list
  # Keyed on the list's content, so redoing the git stage alone does not
  # force a new parse check.
  k_db=$(recipe_key "$k_dry:$(sha256sum <"$GUP_LIST"):$CORE_FILES:${ARCH_CORE_FILES[$a]}" stage_db)
  run_stage "db-$a" "$k_db" stage_db "$a"
  k_ver=$(recipe_key "$k_db:$(sha256sum <"$LIB/verify-db.py")" stage_verify)
  if [[ $VERIFY == 1 ]]; then
    run_stage "verify-$a" "$k_ver" stage_verify "$a"
  fi
  if [[ $CROSS_CHECK == 1 ]]; then
    run_stage "cross-check-$a" "$k_ver:$RANDOM$RANDOM" cross_check "$a"
  fi
}

# run_jobs LANES JOB...: run the jobs, at most LANES at a time, in this order.
run_jobs() {
  local lanes="$1"; shift
  local -A pid_of=()
  local j failed=()
  for j in "$@"; do
    while [[ $(jobs -rp | wc -l) -ge $lanes ]]; do wait -n || true; done
    if [[ $j == git ]]; then
      ( trap '[[ $? == 0 ]] || touch "$RUN_DIR/git.failed"' EXIT; job_git ) &
    else
      ( job_arch "$j" ) &
    fi
    pid_of[$j]=$!
  done
  for j in "$@"; do
    wait "${pid_of[$j]}" || failed+=("$j")
  done
  [[ ${#failed[@]} == 0 ]] || die "failed: ${failed[*]} (logs in $LOGS)"
}

write_env() {
  local a tmp="$ENV_FILE.tmp"
  {
    echo "# Written by scripts/kernel-tree.sh; source it from bash."
    printf 'GUP_KERNEL_CACHE=%q\n' "$CACHE"
    printf 'KERNEL_SRC=%q\n' "$SRC"
    printf 'KERNEL_SOURCE_PACKAGE=%q\n' "linux-source-6.1"
    printf 'KERNEL_SOURCE_VERSION=%q\n' "$SOURCE_VERSION"
    printf 'KERNEL_BASELINE=%q\n' "$(git -C "$SRC" rev-parse HEAD)"
    printf 'KERNEL_LLVM=%q\n' "$LLVM_SUFFIX"
    printf 'KERNEL_CC=%q\n' "$CC_NAME"
    printf 'KERNEL_ARCHES=%q\n' "${ARCHES[*]}"
    printf 'KERNEL_GUP_FILES=%q\n' "$GUP_LIST"
    for a in "${ARCHES[@]}"; do
      printf 'KERNEL_BUILD_%s=%q\n' "$a" "$BUILD/$a"
      printf 'KERNEL_KARCH_%s=%q\n' "$a" "${KARCH[$a]}"
      printf 'KERNEL_DB_%s=%q\n' "$a" "$BUILD/$a/compile_commands.json"
      printf 'KERNEL_DB_FULL_%s=%q\n' "$a" "$BUILD/$a/compile_commands.full.json"
    done
  } >"$tmp"
  mv "$tmp" "$ENV_FILE"
}

db_count() {  # entries of a DB written by dryrun2db.py (one "directory" key each)
  if [[ -f "$1" ]]; then grep -c '"directory":' "$1" || true; else echo -; fi
}
lines_of() { if [[ -f "$1" ]]; then wc -l <"$1"; else echo -; fi; }
stage_time() {  # "wall/cpu" seconds of the stage's last run
  [[ -f "$STAMPS/$1.secs" ]] || return 0
  local w c; read -r w c <"$STAMPS/$1.secs"
  printf ' %s=%s/%s' "$2" "$w" "${c:-?}"
}

summary() {
  local a s line n_gup
  n_gup=$(lines_of "$GUP_LIST")
  echo
  echo "== kernel tree: linux-source-6.1 $SOURCE_VERSION"
  echo "   source (git, tag 'pristine'): $SRC"
  echo "   env file:                     $ENV_FILE"
  echo "   .c files naming a GUP name:   $n_gup ($GUP_LIST)"
  printf '   %-8s %-44s %7s %8s %10s\n' arch "build dir" "GUP DB" "full DB" "GUP files"
  for a in "${ARCHES[@]}"; do
    printf '   %-8s %-44s %7s %8s %6s/%-3s\n' "$a" "$BUILD/$a" \
      "$(db_count "$BUILD/$a/compile_commands.json")" \
      "$(db_count "$BUILD/$a/compile_commands.full.json")" \
      "$(lines_of "$BUILD/$a/gup-files.present.txt")" "$n_gup"
    if [[ -s "$BUILD/$a/options-off.txt" ]]; then
      echo "            options left off: $(tr '\n' ' ' <"$BUILD/$a/options-off.txt")"
    fi
    if [[ -s "$BUILD/$a/core-files-absent.txt" ]]; then
      echo "            core files not built: $(tr '\n' ' ' <"$BUILD/$a/core-files-absent.txt")"
    fi
  done
  echo "   stage times, wall/CPU seconds, from the run that did the stage:"
  line="$(stage_time unpack unpack)$(stage_time git git)$(stage_time gup-list gup-list)"
  echo "     $line"
  for a in "${ARCHES[@]}"; do
    line=""
    for s in configure prepare dryrun db verify; do line+="$(stage_time "$s-$a" "$s")"; done
    printf '     %-8s%s\n' "$a" "$line"
  done
}

# ----------------------------------------------------------------- main -----
T_START=$(now)
mkdir -p "$CACHE" "$STAMPS" "$LOGS" "$BUILD" "$CACHE/src"
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  log "another kernel-tree.sh run holds $CACHE/.lock; waiting"
  flock 9
fi

stage_packages
[[ -f "$SOURCE_TARBALL" ]] || die "$SOURCE_TARBALL is missing after the package step"
SOURCE_VERSION="$(pkg_installed_version linux-source-6.1)"
[[ "$SOURCE_VERSION" == "$(pkg_installed_version linux-config-6.1)" ]] ||
  die "linux-source-6.1 $SOURCE_VERSION and linux-config-6.1 $(pkg_installed_version linux-config-6.1) differ after the package step"

avail_kb=$(df -Pk "$CACHE" | awk 'NR==2 {print $4}')
if [[ ! -f "$STAMPS/unpack.done" && "$avail_kb" -lt $((6 * 1024 * 1024)) ]]; then
  warn "less than 6 GiB free under $CACHE; the tree and build dirs need about 4 GiB"
fi

# Fast path: the last run completed with this very script, library, source
# version and arch list, so every stage is up to date; only report.
K_ALL=$(hash_of "$SOURCE_VERSION" "${ARCHES[*]}" "verify=$VERIFY" "$(cat "${BASH_SOURCE[0]}" "$LIB"/*.py)")
all_stamps() {  # every stage stamp exists (someone may delete one to redo it)
  local a s
  for s in unpack git gup-list; do [[ -f "$STAMPS/$s.done" ]] || return 1; done
  for a in "${ARCHES[@]}"; do
    for s in configure prepare dryrun db; do [[ -f "$STAMPS/$s-$a.done" ]] || return 1; done
    [[ $VERIFY == 0 || -f "$STAMPS/verify-$a.done" ]] || return 1
  done
}
if [[ $FORCE == 0 && $CROSS_CHECK == 0 && -f "$ENV_FILE" ]] && stamp_ok complete "$K_ALL" && all_stamps; then
  log "cache complete (stamps/complete.done matches this script): nothing to do"
  summary
  if [[ -n "$(git -C "$SRC" status --porcelain --untracked-files=no | head -n 1)" ]]; then
    warn "$SRC has local changes; restore with: git -C $SRC checkout -f -- . && git -C $SRC clean -fdqx"
  fi
  log "total $(awk -v a="$T_START" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')s wall; ready: source $ENV_FILE"
  exit 0
fi
rm -f "$STAMPS/complete.done"

K_SRC=$(hash_of "linux-source-6.1 $SOURCE_VERSION $(declare -f stage_unpack)")
run_stage unpack "$K_SRC" stage_unpack
K_GIT=$(recipe_key "$K_SRC" stage_git)
K_LIST=$(recipe_key "$K_GIT:${GUP_NAMES[*]}" stage_gup_list)

rm -rf "$CACHE"/.run.*   # left by a killed run (we hold the lock)
RUN_DIR=$(mktemp -d "$CACHE/.run.XXXXXX")
trap 'rm -rf "$RUN_DIR"' EXIT
# Longest job first: the x86_64 dry run is the biggest single step.
order=(git)
for a in x86_64 arm64 powerpc s390; do
  for b in "${ARCHES[@]}"; do [[ $a == "$b" ]] && order+=("$a"); done
done
run_jobs "$LANES" "${order[@]}"

write_env
echo "$K_ALL" >"$STAMPS/complete.done"
summary
if [[ -n "$(git -C "$SRC" status --porcelain --untracked-files=no | head -n 1)" ]]; then
  warn "$SRC has local changes; restore with: git -C $SRC checkout -f -- . && git -C $SRC clean -fdqx"
fi
log "total $(awk -v a="$T_START" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')s wall; ready: source $ENV_FILE"
