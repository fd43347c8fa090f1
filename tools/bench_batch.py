#!/usr/bin/env python3
"""Batch benchmark of issue 7: ringkas over folders of news articles beside the floor.

The floor (`examples/floor.rs`) reads every file and counts aho-corasick matches of the place
lexicon's aliases: read + match, no NLP. This script builds corpora of article files from the
`text` fields of ../shared/data/sum-{id,en}-dev.jsonl (600 texts, copied round-robin into
subfolders of 1,000 files, as an archive by day would be), then, in the same run and with a warm
page cache, measures for each corpus:

- floor, on every core and on one;
- `ringkas --format jsonl -q DIR > /dev/null`;
- the same with `--no-entities`: sentences and summaries only, no lexicon scan (what the rest of
  the pipeline costs beside the floor's own work);
- `ringkas -q --out-dir OUT DIR` (a fresh OUT each time, all removed at the end).

The runs are interleaved (each round runs every command once) and the median of the rounds kept.

For each it reports wall time, articles/s, MB/s (input bytes), peak RSS (`ru_maxrss` of the
child, from `os.wait4`), CPU time (user + system), and the ratios to the floor on every core. The
1-minute load average is printed after each corpus: above about 0.5, other work shared the cores
and the wall times are inflated (the CPU times much less). Python standard library only.

    python3 tools/bench_batch.py                 # 2,000, 20,000 and 200,000 articles
    python3 tools/bench_batch.py --sizes 2000,20000 --repeat 3 --work /tmp/ringkas-bench
    python3 tools/bench_batch.py --startup-only  # start-up on one short article, median of 11

Corpora go under --work (default /tmp/ringkas-bench), never into the repository; they are kept
between runs (pass --clean to remove them at the end). The binaries are built with
`cargo build --release` in $CARGO_TARGET_DIR (default ./target).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PER_FOLDER = 1000


def texts():
    out = []
    for name in ("sum-id-dev.jsonl", "sum-en-dev.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            out.extend(json.loads(line)["text"] for line in f if line.strip())
    return out


def corpus(work, n, pool):
    """A folder of n article files; made once, reused while its marker says it is complete."""
    root = work / f"corpus-{n}"
    marker = root / ".complete"
    if marker.exists():
        return root, int(marker.read_text())
    shutil.rmtree(root, ignore_errors=True)
    total = 0
    for i in range(n):
        folder = root / f"d{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            folder.mkdir(parents=True)
        data = pool[i % len(pool)].encode("utf-8")
        (folder / f"a{i:07d}.txt").write_bytes(data)
        total += len(data)
    marker.write_text(str(total))
    return root, total


def build(target):
    env = dict(os.environ, CARGO_TARGET_DIR=str(target))
    cmd = ["cargo", "build", "--release", "--bin", "ringkas", "--example", "floor"]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    release = target / "release"
    return release / "ringkas", release / "examples" / "floor"


def measure(cmd, stdout=subprocess.DEVNULL):
    """Wall seconds, peak RSS in MB and CPU seconds (user + system) of one run of cmd."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    err = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(map(str, cmd))} exited {code}:\n{err}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def best(runs):
    """The median wall time of the runs, the largest peak RSS, and the median CPU time."""
    return (statistics.median(w for w, _, _ in runs), max(r for _, r, _ in runs),
            statistics.median(c for _, _, c in runs))


def startup(ringkas, runs=11):
    """Median wall time in ms of `ringkas samples/seed-article.txt` (text output), with and
    without entities."""
    article = ROOT / "samples" / "seed-article.txt"
    for extra in ([], ["--no-entities"]):
        times = sorted(measure([ringkas, *extra, article])[0] * 1000 for _ in range(runs))
        what = " ".join(["ringkas", *extra, "samples/seed-article.txt"])
        print(f"# start-up: {what}: median {statistics.median(times):.1f} ms of {runs} "
              f"(min {times[0]:.1f}, max {times[-1]:.1f}); load {os.getloadavg()[0]:.2f}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="2000,20000,200000")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is kept); 1 above 50,000")
    ap.add_argument("--work", type=Path, default=Path("/tmp/ringkas-bench"))
    ap.add_argument("--clean", action="store_true", help="remove the corpora at the end")
    ap.add_argument("--startup-only", action="store_true", help="only the start-up figure")
    ap.add_argument("--target", type=Path, default=Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")))
    args = ap.parse_args()

    ringkas, floor = build(args.target.resolve())
    startup(ringkas)
    if args.startup_only:
        return
    pool = texts()
    args.work.mkdir(parents=True, exist_ok=True)
    cores = os.cpu_count()
    print(f"# {len(pool)} texts; {cores} cores; warm page cache; median of {args.repeat} runs below 50,000 articles")
    header = (f"{'articles':>8} {'MB':>7}  {'what':<26} {'wall s':>8} {'art/s':>8} {'MB/s':>7} {'RSS MB':>7}"
              f" {'/floor':>6} {'cpu s':>8} {'/floor':>6}")
    print(header)
    rows = []
    # Result folders are removed only at the end: on ext4, creating files just after deleting many
    # costs several times more system time (the inode allocator steps over recently freed inodes),
    # and removing each run's folder before the next would measure that, not ringkas.
    outs = []
    try:
        measure_sizes(args, ringkas, floor, pool, cores, rows, outs)
    finally:
        for out in outs:
            shutil.rmtree(out, ignore_errors=True)
    (args.work / "results.json").write_text(json.dumps(rows, indent=1) + "\n")
    print(f"# written {args.work / 'results.json'}")
    if args.clean:
        for n in args.sizes.split(","):
            shutil.rmtree(args.work / f"corpus-{n}", ignore_errors=True)


def measure_sizes(args, ringkas, floor, pool, cores, rows, outs):
    """Every measurement of every corpus size, appended to `rows`; `--out-dir` folders to `outs`."""
    for n in (int(s) for s in args.sizes.split(",")):
        root, total = corpus(args.work, n, pool)
        mb = total / 1e6
        repeat = args.repeat if n <= 50_000 else 1
        subprocess.run([floor, root], stdout=subprocess.DEVNULL, check=True)  # warm the cache

        def out_dir_run():
            out = args.work / f"out-{os.getpid()}-{n}-{len(outs)}"
            outs.append(out)
            return measure([ringkas, "-q", "--out-dir", out, root])

        commands = {
            f"floor (-j {cores})": lambda: measure([floor, "--jobs", str(cores), root]),
            "floor (-j 1)": lambda: measure([floor, "--jobs", "1", root]),
            "ringkas --format jsonl": lambda: measure([ringkas, "--format", "jsonl", "-q", root]),
            "ringkas --no-entities": lambda: measure(
                [ringkas, "--no-entities", "--format", "jsonl", "-q", root]
            ),
            "ringkas --out-dir": out_dir_run,
        }
        # Interleaved: each round runs every command once, so that the machine's drift (10-35%
        # within minutes on the shared machine this was written on) falls on all of them alike.
        runs = {what: [] for what in commands}
        for _ in range(repeat):
            for what, run in commands.items():
                runs[what].append(run())
        results = {what: best(r) for what, r in runs.items()}
        load = os.getloadavg()[0]
        base, _, base_cpu = results[f"floor (-j {cores})"]
        for what, (wall, rss, cpu) in results.items():
            line = (f"{n:>8} {mb:>7.1f}  {what:<26} {wall:>8.2f} {n / wall:>8.0f} {mb / wall:>7.2f} {rss:>7.1f}"
                    f" {wall / base:>6.2f} {cpu:>8.2f} {cpu / base_cpu:>6.2f}")
            print(line, flush=True)
            rows.append({"articles": n, "mb": round(mb, 2), "what": what, "wall_s": round(wall, 3),
                         "articles_per_s": round(n / wall, 1), "mb_per_s": round(mb / wall, 3),
                         "peak_rss_mb": round(rss, 1), "ratio_to_floor": round(wall / base, 3),
                         "cpu_s": round(cpu, 3), "cpu_ratio_to_floor": round(cpu / base_cpu, 3),
                         "load_1min_after": load})
        print(f"# load average (1 min) after the {n} runs: {load:.2f}; above 0.5 other work shared the cores", flush=True)


if __name__ == "__main__":
    main()
