"""Load + save time of the cross-run index at a given size (the issue's bound: 100 ms at 10,000 patterns).

    python bench/index_io.py [--patterns 10000] [--runs 30] [--repeat 5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tokenopt import index as store
from tokenopt.fingerprint import pattern_key
from tokenopt.model import Event, Pattern, Priority


def build(patterns: int, runs: int) -> store.Index:
    index = store.Index()
    for run in range(runs):
        batch = []
        for n in range(run, patterns, runs):  # each run sees its share, so every entry has history
            event = Event(Priority.HIGH, "error", f"ValueError: record {n} of batch failed at step {n % 17}",
                          "job.log", n, location=f"src/module_{n % 97}.py:{n % 400}")
            event.key = pattern_key(event) + f"|{n}"
            batch.append(Pattern(event.key, event, 1 + n % 5))
        index.record(batch, now=f"2026-11-{1 + run % 28:02d}T{run % 24:02d}:00:00Z", max_patterns=patterns)
    return index


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patterns", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    index = build(args.patterns, args.runs)
    path = Path(tempfile.mkdtemp()) / "index.json"
    store.save(index, path)
    loads, saves = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        loaded = store.load(path)
        loads.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.save(loaded, path)
        saves.append(time.perf_counter() - started)
    load, save = statistics.median(loads) * 1000, statistics.median(saves) * 1000
    print(f"index: {len(index.entries):,} patterns, {len(index.runs)} runs, {path.stat().st_size / 1e6:.1f} MB")
    print(f"load {load:.0f} ms, save {save:.0f} ms, load+save {load + save:.0f} ms "
          f"(median of {args.repeat}; bound 100 ms at 10,000 patterns)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
