"""What redaction costs and what it hides by mistake.

1. Lines per second over every Loghub line (research data of 16 systems, no CI secrets in it) and over the
   project's own CI logs (tests/fixtures, examples, bench/corpus), without and with the Redactor, and
   every line it changed: the target is none, so each one printed here is a false positive to judge.
   Then the time of a few long lines built to make a regex backtrack.
2. The share of a full tokenopt run spent redacting: the streaming pass on a large CI log with the real
   Redactor and with one that returns every line unchanged, against the time of the whole run.

    python bench/redaction.py [--data /work/shared/data/loghub] [--size-mb 30] [--shape buried|dense]
"""
from __future__ import annotations

import argparse
import gzip
import random
import string
import sys
import tempfile
import time
from pathlib import Path

from tokenopt import EnhancedTokenOptimizer
from tokenopt.processor import StreamLogProcessor
from tokenopt.reader import normalise
from tokenopt.redact import Redactor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from throughput import build  # noqa: E402  (the large-log generator of the throughput bench)


class Unchanged(Redactor):
    """The baseline: the call the reader makes per line, without any redaction."""

    def __call__(self, text: str) -> str:
        return text


def read_lines(paths: list[Path]) -> list[str]:
    lines: list[str] = []
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as stream:  # type: ignore[operator]
            lines.extend(normalise(line) for line in stream)
    return lines


def lines_per_second(lines: list[str], redactor: Redactor, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for line in lines:
            redactor(line)
        best = min(best, time.perf_counter() - started)
    return len(lines) / best


def scan(name: str, paths: list[Path], repeat: int) -> None:
    if not paths:
        print(f"{name}: no files")
        return
    lines = read_lines(paths)
    plain, redacted = lines_per_second(lines, Unchanged(), repeat), lines_per_second(lines, Redactor(), repeat)
    redactor = Redactor()
    changed = [(line, out) for line in lines if (out := redactor(line)) != line]
    print(f"{name}: {len(paths)} files, {len(lines):,} lines; lines/s without redaction {plain:,.0f}, "
          f"with {redacted:,.0f} ({1e9 / redacted - 1e9 / plain:,.0f} ns per line); "
          f"lines redacted: {len(changed)} ({redactor.count} values)")
    for line, out in changed:
        print(f"    {line[:200]}\n --> {out[:200]}")


def worst_lines() -> None:
    """Lines at the reader's 64 KiB cap built to make a regex backtrack: each must stay in milliseconds."""
    rng = random.Random(7)
    noise = "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(60_000))
    shapes = {"base64": noise, "curl ": "curl " * 12_000, "docker login -p": "docker login" + " -p x" * 12_000,
              "://a:": "://a:" * 12_000, "password=": "password=" * 6_600, "token: ": "token: " * 8_500,
              "BEGIN header": "-----BEGIN PRIVATE KEY-----" * 2_200, "@": "@" * 60_000, "eyJ": "eyJ" * 20_000}
    timings = []
    for name, line in shapes.items():
        started = time.perf_counter()
        Redactor()(line)
        timings.append(f"{name!r} {(time.perf_counter() - started) * 1e3:.1f} ms")
    print("worst-case 60 KB lines: " + ", ".join(timings))


def pipeline_share(size_mb: float, shape: str, work: Path, repeat: int) -> None:
    log = work / f"tokenopt-bench-{shape}-{size_mb:g}mb.log"
    if not log.exists() or log.stat().st_size < size_mb * 1e6:
        build(log, int(size_mb * 1e6), shape, work)
    timings: dict[str, float] = {"unchanged": float("inf"), "redacted": float("inf"), "full run": float("inf")}
    with tempfile.TemporaryDirectory() as scratch:
        optimizer = EnhancedTokenOptimizer(out=str(Path(scratch) / "digest.md"), index="")
        for _ in range(repeat):  # interleaved, so a slow moment of the machine hits both sides alike
            for name, redactor in (("unchanged", Unchanged()), ("redacted", Redactor())):
                started = time.perf_counter()
                StreamLogProcessor(redactor=redactor).process(str(log))
                timings[name] = min(timings[name], time.perf_counter() - started)
            started = time.perf_counter()
            optimizer.process_logs(str(log))
            timings["full run"] = min(timings["full run"], time.perf_counter() - started)
    lines = sum(1 for _ in open(log, "rb"))
    cost = timings["redacted"] - timings["unchanged"]
    print(f"pipeline: {log.name}, {log.stat().st_size / 1e6:,.1f} MB, {lines:,} lines, best of {repeat}")
    for name, seconds in timings.items():
        print(f"  {name:28} {seconds:7.2f} s  {lines / seconds:>10,.0f} lines/s")
    print(f"  redaction: {cost:.2f} s, {cost / lines * 1e9:,.0f} ns per line, "
          f"{cost / timings['full run']:.1%} of the full run (target < 10%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="/work/shared/data/loghub", help="Loghub directory (*/*.log)")
    parser.add_argument("--size-mb", type=float, default=30, help="size of the generated CI log for the share")
    parser.add_argument("--shape", choices=("buried", "dense"), default="buried")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scan("loghub", sorted(Path(args.data).glob("*/*.log")), args.repeat)
    ci_logs = [*sorted((ROOT / "tests" / "fixtures" / "logs").glob("**/*.log")), *sorted(ROOT.glob("examples/*.log")),
               *sorted((ROOT / "bench" / "corpus" / "cases").glob("*/job.log*"))]
    scan("CI logs (fixtures, examples, bench corpus)", ci_logs, args.repeat)
    worst_lines()
    pipeline_share(args.size_mb, args.shape, Path(args.work), args.repeat)


if __name__ == "__main__":
    main()
