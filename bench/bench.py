#!/usr/bin/env python3
"""make bench: how fast gup-rewrite is on Debian's 6.1 x86_64 tree, next to
clang's own parse time and to Coccinelle, measured in one run at one -j.

  (a) floor: clang-19 -fsyntax-only over exactly the TUs that contain a
      site (the TUs the prefilter keeps from the full DB; each is checked
      to hold a site of (c)'s report), with their own flags;
  (b) gup-rewrite over those TUs;
  (c) gup-rewrite over the full DB (every TU the config enables) with the
      prefilter, warm: its cache (a directory of the work dir) was filled by
      one run before, which is reported on its own as the cold run;
  (d) gup-rewrite --no-prefilter over a fixed random sample of TUs of the
      full DB (per-TU cost without the prefilter);
  (e) spatch (Debian's coccinelle) with bench/drop-null-vmas.cocci over the
      whole tree with --use-gitgrep: the NULL drop alone;
  (e2) spatch with bench/gup-migration.cocci (headers included): the tool's
      whole job as far as Coccinelle can do it, the fair comparison.

Each figure is the median of --runs runs, in wall time and in CPU time (user
+ system of the whole process tree: what a loaded machine does not
distort); peak RSS is the largest single process of the run (a worker, a
clang, spatch). Prints a table and the ratios b/a, c/b, c/e, c/e2 against
their targets; writes results.json and results.md into the work directory.
Never fails on a number: timings are not assertions (they swing with machine
load; compare ratios of one run).

The tree is shared: everything runs under ~/.cache/gup-rewrite/tree.lock
on the pristine baseline, and nothing in it is written.
"""
import argparse
import fcntl
import json
import os
import random
import shlex
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SAMPLE_SEED = 20230517  # the date of the series' v6: a fixed, arbitrary seed


def load_env(cache):
    env_file = os.path.join(cache, "kernel-tree.env")
    if not os.path.exists(env_file):
        sys.exit("bench: no kernel cache at %s: run `make kernel-check` first" % cache)
    out = subprocess.run(["bash", "-c", 'set -a && source "$1" && env -0', "_", env_file],
                         stdout=subprocess.PIPE, check=True).stdout
    return dict(item.split("=", 1) for item in out.decode().split("\0") if "=" in item)


def measure(cmd, cwd=None, stdout=None, env=None):
    """Wall seconds, CPU seconds (user + system of the process tree), peak
    RSS (KiB) of the largest process, exit status, stderr."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout or subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)
    # wait4's rusage covers the child and the descendants it waited for.
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return (time.monotonic() - start, cpu, usage.ru_maxrss, proc.returncode,
            err.decode(errors="replace"))


def write_db(path, entries):
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "compile_commands.json"), "w") as fh:
        json.dump(entries, fh)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build", help="the build directory (holds bin/gup-rewrite)")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    ap.add_argument("-j", "--jobs", type=int,
                    default=int(os.environ.get("BENCH_JOBS", os.cpu_count() or 1)))
    ap.add_argument("--sample", type=int, default=int(os.environ.get("BENCH_SAMPLE", 300)))
    ap.add_argument("--only", default=os.environ.get("BENCH_ONLY", "a,b,c,d,e,e2"),
                    help="the measurements to make, comma-separated (default a,b,c,d,e,e2)")
    ap.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    build = os.path.abspath(args.build)
    tool = os.path.join(build, "bin", "gup-rewrite")
    work = os.path.join(build, "bench")
    os.makedirs(work, exist_ok=True)
    cache = os.environ.get("GUP_KERNEL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "gup-rewrite")
    env = load_env(cache)
    src = env["KERNEL_SRC"]
    full_path = env.get("KERNEL_DB_FULL_x86_64")
    if not full_path or not os.path.exists(full_path):
        sys.exit("bench: no full x86_64 compile DB in the kernel cache: run `make kernel-check`")

    if args.prepare:  # a child of run_all, under its lock
        prepare(args, tool, work, src, full_path)
        return
    lock = open(os.path.join(cache, "tree.lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("bench: waiting for another user of %s (tree.lock)" % cache, flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)

    def reset():
        subprocess.run(["git", "-C", src, "checkout", "-q", "-f", "--", "."], check=True)
        subprocess.run(["git", "-C", src, "clean", "-fdqx"], check=True)

    reset()
    try:
        results = run_all(args, tool, work, src, full_path)
    finally:
        reset()
    report(args, work, results)


def prepare(args, tool, work, src, full_path):
    """Writes the three DBs; run in a process of its own (see run_all)."""
    with open(full_path) as fh:
        full = json.load(fh)
    # Generated sources only a full build writes are not in the tree: the
    # tool rejects entries naming missing files, so they are left out.
    present = [e for e in full if os.path.exists(os.path.join(e["directory"], e["file"]))]
    write_db(os.path.join(work, "full"), present)
    print("bench: full x86_64 DB: %d TUs (%d generated files absent, left out); -j %d, %d runs"
          % (len(present), len(full) - len(present), args.jobs, args.runs), flush=True)

    kept = subprocess.run([tool, "-p", os.path.join(work, "full"), "--root", src, "--list-tus"],
                          stdout=subprocess.PIPE, check=True, text=True).stdout.split()
    kept_abs = {os.path.realpath(os.path.join(src, k)) for k in kept}
    sites_db = [e for e in present
                if os.path.realpath(os.path.join(e["directory"], e["file"])) in kept_abs]
    write_db(os.path.join(work, "sites"), sites_db)
    rng = random.Random(SAMPLE_SEED)
    sample = sorted(rng.sample(range(len(present)), min(args.sample, len(present))))
    write_db(os.path.join(work, "sample"), [present[i] for i in sample])
    with open(os.path.join(work, "prepared.json"), "w") as fh:
        json.dump({"present": len(present), "sites": len(sites_db), "sample": len(sample),
                   "kept": kept}, fh)


def run_all(args, tool, work, src, full_path):
    # The DBs are prepared by a child: a process that forks the measured
    # commands must stay small, since a child's peak RSS starts from its
    # parent's size at fork (the full DB in Python is ~250 MiB).
    subprocess.run([sys.executable, os.path.abspath(__file__), args.build, "--prepare"],
                   check=True)
    with open(os.path.join(work, "prepared.json")) as fh:
        prepared = json.load(fh)
    present = [None] * prepared["present"]
    sites_db = [None] * prepared["sites"]
    sample = [None] * prepared["sample"]
    kept = prepared["kept"]

    # Do the kept TUs all hold a site? (c)'s report says.
    report_out = subprocess.run([tool, "-p", os.path.join(work, "sites"), "--root", src,
                                 "--report", "-j", str(args.jobs)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    site_files = {line.split(":", 1)[0] for line in report_out.splitlines()}
    without = [k for k in kept if k not in site_files]

    j = str(args.jobs)
    commands = {
        "a": ("clang-19 -fsyntax-only, TUs with a site (%d)" % len(sites_db),
              [sys.executable, os.path.join(REPO, "scripts", "kernel-tree-lib", "verify-db.py"),
               "-j", j, os.path.join(work, "sites", "compile_commands.json")]),
        "b": ("gup-rewrite, TUs with a site (%d)" % len(sites_db),
              [tool, "-p", os.path.join(work, "sites"), "--root", src, "-j", j]),
        "c": ("gup-rewrite, full DB, prefilter (%d)" % len(present),
              [tool, "-p", os.path.join(work, "full"), "--root", src, "-j", j]),
        "d": ("gup-rewrite --no-prefilter, sample (%d)" % len(sample),
              [tool, "-p", os.path.join(work, "sample"), "--root", src, "-j", j,
               "--no-prefilter"]),
        "e": ("spatch --use-gitgrep, whole tree, NULL drop only",
              ["spatch", "--sp-file", os.path.join(HERE, "drop-null-vmas.cocci"), "--dir", src,
               "--use-gitgrep", "--jobs", j, "--very-quiet"]),
        "e2": ("spatch --use-gitgrep, whole tree, the whole migration",
               ["spatch", "--sp-file", os.path.join(HERE, "gup-migration.cocci"), "--dir", src,
                "--use-gitgrep", "--include-headers", "--jobs", j, "--very-quiet"]),
    }
    # (c) and its cold run keep the prefilter's cache here, nowhere else.
    cache_dir = os.path.join(work, "prefilter-cache")
    tool_env = dict(os.environ, GUP_REWRITE_CACHE_DIR=cache_dir)
    results = {"jobs": args.jobs, "runs": args.runs, "tus_full": len(present),
               "tus_sites": len(sites_db), "tus_sample": len(sample),
               "kept_without_site": without, "figures": {}}
    for key in args.only.split(","):
        label, cmd = commands[key]
        if key == "c":
            # The cold run: an empty cache, reported on its own.
            subprocess.run(["rm", "-rf", cache_dir], check=True)
            with open(os.path.join(work, "c-cold.out"), "wb") as out:
                wall, cpu, peak, status, err = measure(cmd + ["--summary"], stdout=out,
                                                       env=tool_env)
            print("bench: (c) cold run: %.1f s, %.1f s CPU, peak RSS %d MiB, exit %d"
                  % (wall, cpu, peak // 1024, status), flush=True)
            results["c_cold"] = {"wall": wall, "cpu": cpu, "peak_rss_kib": peak,
                                 "summary": err[err.find("gup-rewrite: summary"):]}
        walls, cpus, rss, statuses = [], [], [], []
        for run in range(args.runs):
            out_path = os.path.join(work, "%s.out" % key)
            with open(out_path, "wb") as out:
                # spatch --jobs leaves a scratch directory in its cwd.
                wall, cpu, peak, status, err = measure(
                    cmd, cwd=work, stdout=out, env=tool_env if cmd[0] == tool else None)
            walls.append(wall)
            cpus.append(cpu)
            rss.append(peak)
            statuses.append(status)
            print("bench: (%s) run %d: %.1f s, %.1f s CPU, peak RSS %d MiB, exit %d"
                  % (key, run + 1, wall, cpu, peak // 1024, status), flush=True)
            if status not in (0, 1):
                print(err[-2000:], file=sys.stderr)
        results["figures"][key] = {"label": label, "command": shlex.join(cmd),
                                   "walls": walls, "median": statistics.median(walls),
                                   "cpus": cpus, "median_cpu": statistics.median(cpus),
                                   "peak_rss_kib": max(rss), "exit": statuses}
    # Where the time of (b) and (c) goes: one more run each with --summary.
    for key in ("b", "c"):
        if key in results["figures"]:
            _, cmd = commands[key]
            _, _, _, _, err = measure(cmd + ["--summary"], env=tool_env)
            results["figures"][key]["summary"] = err[err.find("gup-rewrite: summary"):]
    results["load_average"] = os.getloadavg()
    return results


def report(args, work, results):
    fig = results["figures"]
    lines = ["| | measurement | median wall (s) | median CPU (s) | runs, wall (s) | peak RSS (MiB) |",
             "|---|---|---|---|---|---|"]
    for key, f in fig.items():
        lines.append("| (%s) | %s | %.1f | %.1f | %s | %d |" % (
            key, f["label"], f["median"], f["median_cpu"],
            ", ".join("%.1f" % w for w in f["walls"]), f["peak_rss_kib"] // 1024))
    if "c_cold" in results:
        c = results["c_cold"]
        lines.append("")
        lines.append("(c) cold, the prefilter's cache empty: %.1f s wall, %.1f s CPU"
                     % (c["wall"], c["cpu"]))
    if "d" in fig:
        lines.append("")
        lines.append("(d) per TU without the prefilter: %.2f s wall at -j %d"
                     % (fig["d"]["median"] / results["tus_sample"], results["jobs"]))
    lines.append("")
    for num, den, target in (("b", "a", 0.7), ("c", "b", 1.05), ("c", "e", 0.5),
                             ("c", "e2", 0.3)):
        if num in fig and den in fig:
            ratio = fig[num]["median"] / fig[den]["median"]
            cpu_ratio = fig[num]["median_cpu"] / max(fig[den]["median_cpu"], 1e-9)
            lines.append("%s/%s = %.2f wall, %.2f CPU (target <= %.2f: %s)" % (
                num, den, ratio, cpu_ratio, target, "met" if ratio <= target else "NOT met"))
    worst = max((f["peak_rss_kib"] for k, f in fig.items() if k in "bcd"), default=0)
    if worst:
        lines.append("peak RSS of gup-rewrite = %d MiB (target <= 1024: %s)"
                     % (worst // 1024, "met" if worst <= 1024 * 1024 else "NOT met"))
    lines.append("load average during the runs: %.1f %.1f %.1f on %d cores"
                 % (tuple(results["load_average"]) + (os.cpu_count() or 1,)))
    for key in ("b", "c"):
        if "summary" in fig.get(key, {}):
            lines.append("")
            lines.append("(%s) --summary:" % key)
            lines.append("```")
            lines.append(fig[key]["summary"].rstrip())
            lines.append("```")
    if results["kept_without_site"]:
        lines.append("kept by the prefilter without a site: " +
                     ", ".join(results["kept_without_site"]))
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    with open(os.path.join(work, "results.md"), "w") as fh:
        fh.write(text)
    with open(os.path.join(work, "results.json"), "w") as fh:
        json.dump(results, fh, indent=1)
    print("bench: results in %s/results.md and results.json" % work)


if __name__ == "__main__":
    main()
