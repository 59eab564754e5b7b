#!/usr/bin/env python3
"""Check that a .deb's Depends covers what its binary needs on this system.

usage: check_deb_deps.py PACKAGE.deb UNPACKED_BINARY

Each shared library the binary names (DT_NEEDED) is looked up where the
loader finds it (ldd) and its owner asked of dpkg -S; the owner must be in
the package's Depends, or one of the base system's C and C++ runtimes. The
same for the resource directory the binary reports (<stddef.h> in it).
"""
import os
import re
import subprocess
import sys

# Always there: libc, and the C++ runtime every LLVM library needs too.
BASE = {"libc6", "libstdc++6", "libgcc-s1"}


def fail(msg):
    print(f"check_deb_deps: error: {msg}", file=sys.stderr)
    sys.exit(1)


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def owner(path):
    """The package that ships the file PATH is (symlinks resolved: LLVM's own
    lib/ links to the multiarch libraries, through a -dev package), also
    across the /usr merge."""
    real = os.path.realpath(path)
    candidates = [real, path]
    if real.startswith("/usr/"):
        candidates.append(real[len("/usr"):])
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    fail(f"no package ships {path}")


def main():
    deb, binary = sys.argv[1:3]
    depends = {re.sub(r"\s*\(.*\)", "", d).strip()
               for d in run("dpkg-deb", "-f", deb, "Depends").split(",")}
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+)\]",
                        run("llvm-readelf", "-d", binary))
    found = dict(re.findall(r"^\s*(\S+) => (\S+)", run("ldd", binary), re.M))
    if not needed:
        fail(f"{binary} needs no library?")
    for soname in needed:
        if soname not in found:
            fail(f"{soname} not found by the loader")
        package = owner(found[soname])
        if package not in depends and package not in BASE:
            fail(f"{soname} comes from {package}, which Depends does not name")
    resource = run(binary, "--print-resource-dir").strip()
    package = owner(os.path.join(resource, "include", "stddef.h"))
    if package not in depends:
        fail(f"the resource directory {resource} comes from {package}, "
             "which Depends does not name")
    print("every library and the resource directory come from Depends or the base system")


if __name__ == "__main__":
    main()
