"""Throughput and peak memory on a large log, against a plain read and the naive read-all approach.

The large log is real tool output in the shape of a big CI job: the verbose output of a real pytest
run of 20,000 passing tests (made once, by running pytest here), repeated, with the real failing
fixture logs buried at random places (``--shape buried``, the default), or only the failing
fixture logs back to back (``--shape dense``, a worst case where every line is interesting). Each
approach runs in its own process, so each peak RSS is its own.

    python bench/throughput.py --size-mb 200
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests" / "fixtures" / "logs").glob("*/*.log")) + sorted((ROOT / "examples").glob("*.log"))

PLAIN_READ = """
import sys
lines = 0
with open(sys.argv[1], 'rb') as f:
    for _ in f:
        lines += 1
print(lines)
"""
NAIVE = """
import sys
from tokenopt.tokens import load_counter
from tokenopt.usage import naive_original
print(len(naive_original((sys.argv[1],), int(sys.argv[2]), load_counter('cl100k_base'))))
"""


PASSING_SUITE = """
import pytest

@pytest.mark.parametrize("n", range(20_000))
def test_value_round_trips(n):
    assert int(str(n)) == n
"""


def passing_run(work: Path) -> bytes:
    """The output of a real, green ``pytest -v`` run of 20,000 tests (cached in ``work``)."""
    cached = work / "tokenopt-bench-passing.log"
    if not cached.exists():
        project = work / "tokenopt-bench-project"
        project.mkdir(exist_ok=True)
        (project / "test_roundtrip.py").write_text(PASSING_SUITE)
        done = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "test_roundtrip.py"],
                              cwd=project, capture_output=True, check=False)
        cached.write_bytes(done.stdout + done.stderr)
    return cached.read_bytes()


def build(path: Path, size: int, shape: str, work: Path, seed: int = 7) -> None:
    failures = [p.read_bytes() for p in SOURCES]
    noise = passing_run(work) if shape == "buried" else b""
    rng = random.Random(seed)
    written = 0
    with open(path, "wb") as out:
        while written < size:
            chunk = noise + rng.choice(failures) if noise else rng.choice(failures)
            out.write(chunk if chunk.endswith(b"\n") else chunk + b"\n")
            written += len(chunk) + 1


def measure(argv: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MiB, and stdout of one child process (its own rusage, via wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    stdout = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit code {process.returncode}")
    return seconds, usage.ru_maxrss / 1024, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=200)
    parser.add_argument("--budget", type=int, default=76_659)
    parser.add_argument("--shape", choices=("buried", "dense"), default="buried")
    parser.add_argument("--work", default=tempfile.gettempdir())
    args = parser.parse_args()
    work = Path(args.work)
    log = work / f"tokenopt-bench-{args.shape}-{args.size_mb:g}mb.log"
    if not log.exists() or log.stat().st_size < args.size_mb * 1e6:
        build(log, int(args.size_mb * 1e6), args.shape, work)
    size_mb = log.stat().st_size / 1e6
    digest = Path(args.work) / "tokenopt-bench-digest.json"

    rows = []
    plain = measure([sys.executable, "-c", PLAIN_READ, str(log)])
    rows.append(("plain line read", plain))
    ours = measure([sys.executable, "-m", "tokenopt", "--log-file", str(log), "--budget", str(args.budget),
                    "--format", "json", "--out", str(digest), "--index", ""])
    rows.append(("tokenopt", ours))
    naive = measure([sys.executable, "-c", NAIVE, str(log), str(args.budget)])
    rows.append(("naive original", naive))

    result = json.loads(digest.read_text())
    print(f"input: {log.name}, {size_mb:,.1f} MB, {int(plain[2]):,} lines, "
          f"~{result['input_tokens']:,} tokens (estimated: {result['input_tokens_estimated']})")
    print(f"digest: {result['tokens']:,} tokens (budget {args.budget:,}), ratio {result['compression_ratio']:.4%}, "
          f"{sum(1 for e in result['events'] if e['priority'] == 'critical')} critical patterns kept")
    print(f"{'approach':16} {'seconds':>8} {'MB/s':>8} {'peak RSS MiB':>13}")
    for name, (seconds, rss, _) in rows:
        print(f"{name:16} {seconds:>8.2f} {size_mb / seconds:>8.1f} {rss:>13.1f}")
    print(f"ratios (one run): tokenopt/plain time {ours[0] / plain[0]:.1f}x, "
          f"naive/tokenopt peak memory {naive[1] / ours[1]:.1f}x")


if __name__ == "__main__":
    main()
