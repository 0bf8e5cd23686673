#!/usr/bin/env python3
"""End-to-end throughput and peak memory of `marsad extract` on generated articles.

    .venv/bin/python bench/throughput.py --articles 1000 [--workers 2 | --dask local] [--append bench/RESULTS.md]

Generates the articles with bench/gen_corpus.py into a JSON Lines file (reused when it is
already there: --corpus-dir), then runs the whole pipeline through `marsad.api.extract` and
writes the `json` export (everything, one line per document) to a null sink, so reading,
extraction, transfer between processes and serialisation are all counted.

Prints, and with --append adds to a Markdown file:
- articles/s (wall clock), and articles/s per core: articles / CPU seconds of this process
  and of all its worker processes (user + system), which is what one core gives whatever
  else runs on the machine;
- peak memory: the largest sum of resident memory over this process and its descendants
  (sampled every 0.2 s from /proc), and the largest single process;
- the load average before and after, since other work on the machine slows the wall clock.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(root: int) -> tuple[int, int]:
    """(sum, largest) resident bytes of `root` and its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
            with open(f"/proc/{entry.name}/statm", "rb") as f:
                pages = int(f.read().split()[1])
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        rss[pid] = pages * _PAGE
    tree, frontier = {root}, [root]
    while frontier:
        kids = [p for p, pp in parents.items() if pp in frontier and p not in tree]
        tree.update(kids)
        frontier = kids
    sizes = [rss.get(p, 0) for p in tree]
    return sum(sizes), max(sizes)


class MemorySampler(threading.Thread):
    def __init__(self, every: float = 0.2):
        super().__init__(daemon=True)
        self.every = every
        self.peak_sum = self.peak_one = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            total, one = _tree_rss(os.getpid())
            self.peak_sum = max(self.peak_sum, total)
            self.peak_one = max(self.peak_one, one)
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()


def corpus_file(n: int, folder: Path, seed: int) -> Path:
    path = folder / f"bench-{n}-seed{seed}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        subprocess.run([sys.executable, str(REPO / "bench" / "gen_corpus.py"), str(n), "-o", str(tmp),
                        "--seed", str(seed)], check=True)
        tmp.rename(path)
    return path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--dask", metavar="ADDRESS", help="a scheduler address, or 'local'")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus-dir", type=Path, default=Path("/tmp"), help="where generated corpora are kept")
    ap.add_argument("--append", type=Path, help="add the result as a row of this Markdown table")
    ap.add_argument("--checkpoint", type=int, default=0, metavar="N",
                    help="every N articles, print the articles done, the rate and the peak memory so far")
    ap.add_argument("--max-minutes", type=float, default=0,
                    help="stop after this long and report how far the run got (0: no limit)")
    args = ap.parse_args()

    from marsad import api
    from marsad.config import Options
    from marsad.model import InputProblem

    corpus = corpus_file(args.articles, args.corpus_dir, args.seed)
    size_mb = corpus.stat().st_size / 1e6
    load_before = os.getloadavg()
    sampler = MemorySampler()
    sampler.start()
    t0 = time.perf_counter()
    failed = 0
    checkpoints: list[str] = []
    # the scale options only when used, so the script also measures versions that lack them
    scale = {k: v for k, v in (("workers", args.workers), ("dask", args.dask)) if v not in (1, None)}
    extracted = api.extract([str(corpus)], Options.load(progress=False), **scale)

    def documents():
        nonlocal failed
        done = 0
        for item in extracted:
            if isinstance(item, InputProblem):
                failed += 1
                print(f"failed: {item.source}: {item.reason}", file=sys.stderr)
                continue
            yield item
            done += 1
            elapsed = time.perf_counter() - t0
            if args.checkpoint and done % args.checkpoint == 0:
                now = _tree_rss(os.getpid())[0]
                checkpoints.append(f"{done:,} articles: {elapsed:,.0f} s, {done / elapsed:,.1f} articles/s, "
                                   f"memory now {now / 2**20:,.0f} MB, peak so far {sampler.peak_sum / 2**20:,.0f} MB "
                                   f"(largest process {sampler.peak_one / 2**20:,.0f} MB), load {os.getloadavg()[0]:.1f}")
                print(checkpoints[-1], flush=True)
            if args.max_minutes and elapsed > args.max_minutes * 60:
                print(f"stopped after {args.max_minutes:g} minutes", flush=True)
                return

    with open(os.devnull, "w", encoding="utf-8") as sink:
        n = api.write_export("json", documents(), sink)
    extracted.close()   # stops the workers of a run cut short
    wall = time.perf_counter() - t0
    sampler.stop()
    load_after = os.getloadavg()
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    mode = f"dask {args.dask}" if args.dask else f"{args.workers} worker(s)"
    print(f"corpus: {corpus} ({args.articles:,} articles, {size_mb:.0f} MB); {n:,} extracted, {failed} failed"
          + (f" (cut short at {args.max_minutes:g} minutes)" if n + failed < args.articles else ""))
    print(f"mode: {mode}")
    print(f"wall: {wall:,.1f} s, {n / wall:,.1f} articles/s")
    print(f"CPU: {cpu:,.1f} s in all processes (start-up included), {n / cpu:,.1f} articles/s per core; "
          f"{me.ru_utime + me.ru_stime:,.1f} s of it in this process (reading, sending, receiving, writing)")
    print(f"peak memory: {sampler.peak_sum / 2**20:,.0f} MB all processes, {sampler.peak_one / 2**20:,.0f} MB "
          f"the largest one")
    print(f"load average (1 min) before/after: {load_before[0]:.2f} / {load_after[0]:.2f} on {os.cpu_count()} cores")
    if args.append:
        row = (f"| {dt.date.today().isoformat()} | {n:,} of {args.articles:,} | {mode} | {n / wall:,.1f} | {n / cpu:,.1f} | "
               f"{sampler.peak_sum / 2**20:,.0f} | {sampler.peak_one / 2**20:,.0f} | "
               f"{load_before[0]:.1f} / {load_after[0]:.1f} | `{' '.join(sys.argv[1:])}` |\n")
        new = not args.append.exists()
        with args.append.open("a", encoding="utf-8") as f:
            if new:
                f.write(f"Machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}\n\n"
                        "| date | articles | mode | articles/s (wall) | articles/s per core (CPU) | peak MB (all) "
                        "| peak MB (largest process) | load avg before / after | arguments |\n"
                        "|---|---|---|---|---|---|---|---|---|\n")
            f.write(row)
            if checkpoints:
                f.write("".join(f"|  | checkpoint: {c} |  |  |  |  |  |  |  |\n" for c in checkpoints))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
