"""What redaction catches, what it hides by mistake, and what it costs.

1. Recall: every claimed kind's samples (fresh random values each run; the seed is printed) in every way a
   CI log wraps a line (plain, JSON-escaped, nested JSON, a go test -json record, split by ANSI colours,
   after a runner timestamp, cut by the line clip), one whole tokenopt run per encoding writing the JSON
   digest, the index, the MCP memory file, the job summary, the PR comment and the annotations. A sample
   is caught when its value (for the clip: the part before the cut) is in none of them, escapes decoded;
   each line must also have been kept (its tag is in an output), or a dropped line would count as caught.
2. False positives: every line changed over normal CI text from real sources on this machine (git
   histories, npm lock-file integrity strings, wheel RECORD hashes, dpkg and apt logs, Debian changelogs),
   docker digests of real files, UUIDs, base64 of real files, every Loghub line and the project's own CI
   logs (tests/fixtures, examples, bench/corpus). The target is none: each one printed is to be judged.
3. Cost: lines per second without and with the Redactor over Loghub and the CI logs, a few long lines
   built to make a regex backtrack, and the share of a full tokenopt run spent redacting (a large CI log
   with the real Redactor and with one that returns every line unchanged).

    python bench/redaction.py [--seed N] [--rounds 3] [--parts recall,fp,cost] [--data /work/shared/data/loghub]
                              [--size-mb 30] [--shape buried|dense]
"""
from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import random
import string
import subprocess
import sys
import sysconfig
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from tokenopt import EnhancedTokenOptimizer
from tokenopt.normalise import normalise
from tokenopt.processor import StreamLogProcessor
from tokenopt.redact import Redactor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
from secret_corpus import CLIP_BYTES, ENCODINGS, Case, every_case, kept, leaks, run  # noqa: E402
from throughput import build_ci, build_dense, planted  # noqa: E402  (the large logs of the throughput bench)


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


def recall(seed: int, rounds: int) -> None:
    """Per kind and encoding: samples whose value reached no output, of those that were kept."""
    rng = random.Random(seed)
    caught: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    missed: list[tuple[Case, list[str]]] = []
    dropped = 0
    for _ in range(rounds):
        for encoding in ENCODINGS:
            cases = every_case(encoding, rng)
            with tempfile.TemporaryDirectory() as work:
                outputs = run(cases, Path(work), CLIP_BYTES if encoding == "clip" else 65_536)
            for one in cases:
                total[one.kind, encoding] += 1
                dropped += not kept(outputs, one)
                found = leaks(outputs, one)
                caught[one.kind, encoding] += not found
                if found:
                    missed.append((one, found))
    kinds = sorted({kind for kind, _ in total})
    print(f"recall (seed {seed}, {rounds} round(s), {sum(total.values()):,} samples, {len(kinds)} kinds): "
          f"caught / samples, per kind and encoding; {dropped} sample line(s) in no output at all")
    print(f"  {'kind':22}" + "".join(f"{encoding:>14}" for encoding in ENCODINGS))
    for kind in kinds:
        print(f"  {kind:22}" + "".join(f"{caught[kind, e]:>10}/{total[kind, e]:<3}" for e in ENCODINGS))
    print(f"  {'all kinds':22}" + "".join(
        f"{sum(caught[k, e] for k in kinds) / sum(total[k, e] for k in kinds):>14.1%}" for e in ENCODINGS))
    for one, where in missed:
        print(f"  MISSED {one.kind} ({one.encoding}) in {', '.join(where)}: {one.lines[-1][:200]}")


def normal_corpus(seed: int) -> dict[str, list[str]]:
    """Normal CI text from real sources on this machine; the generated shapes (digests of real files,
    UUIDs, base64 of real files) in the contexts CI tools print them."""
    rng = random.Random(seed)
    files = sorted((ROOT / "tests" / "fixtures" / "logs").glob("*/*.log"))
    corpus = {
        "git histories": [*_git_log(ROOT), *_git_log(Path.home() / ".pyenv")],
        "npm lock-file integrity": [line for lock in sorted((ROOT / "tests").glob("*/package-lock.json"))
                                    for line in lock.read_text().splitlines() if '"integrity"' in line],
        "wheel RECORD hashes": [line for record in sorted(Path(sysconfig.get_paths()["purelib"]).glob(
            "*.dist-info/RECORD")) for line in record.read_text(errors="replace").splitlines()],
        "dpkg and apt logs": [line for log in ("/var/log/dpkg.log", "/var/log/apt/term.log", "/var/log/apt/history.log",
                                               "/var/log/alternatives.log") for line in _lines(Path(log))],
        "Debian changelogs": [line for path in sorted(Path("/usr/share/doc").glob("*/changelog.Debian.gz"))[:400]
                              for line in _lines(path)],
        "docker digests": [line for path in files for line in _docker_lines(path, rng)],
        "UUIDs": [template.format(uuid.UUID(int=rng.getrandbits(128), version=4)) for template in _UUID_LINES
                  for _ in range(200)],
        "base64 test data": [template.format(base64.b64encode(path.read_bytes()[:rng.randrange(12, 300)]).decode())
                             for path in files for template in _BASE64_LINES],
    }
    return corpus


_UUID_LINES = ("request {} failed with 503", '"traceId": "{}",', "x-ms-request-id: {}", "Run ID: {}",
               "INFO job {} queued", "Idempotency-Key: {}", "session={} user=ci", "volume {} attached")
_BASE64_LINES = ('  "data": "{}",', "echo {} | base64 -d > fixture.bin", "payload={}", "E   assert b64 == '{}'",
                 "content: {}")


def _docker_lines(path: Path, rng: random.Random) -> list[str]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    size = path.stat().st_size / 1e6
    return [f"#{rng.randrange(2, 20)} sha256:{digest} {size:.2f}MB / {size:.2f}MB {rng.random():.1f}s done",
            f"Digest: sha256:{digest}", f"Status: Downloaded newer image for ghcr.io/org/app@sha256:{digest}",
            f"{digest[:12]}: Pull complete", f"writing image sha256:{digest} done"]


def _git_log(repo: Path) -> list[str]:
    if not (repo / ".git").exists():
        return []
    done = subprocess.run(["git", "-C", str(repo), "log", "--stat", "--format=fuller", "-n", "3000"],
                          capture_output=True, text=True, errors="replace", check=False)
    return done.stdout.splitlines()


def _lines(path: Path) -> list[str]:
    try:
        opener: Callable[..., Iterator[str]] = gzip.open if path.suffix == ".gz" else open  # type: ignore[assignment]
        with opener(path, "rt", encoding="utf-8", errors="replace") as stream:
            return [normalise(line) for line in stream]
    except OSError:
        return []


def false_positives(corpus: dict[str, list[str]]) -> None:
    """Lines the Redactor changes in each source of normal text (the target is none)."""
    print("false positives over normal CI text (lines changed / lines):")
    for name, lines in corpus.items():
        redactor = Redactor()
        changed = [(line, out) for line in lines if (out := redactor(line)) != line]
        print(f"  {name:26} {len(changed):>4} / {len(lines):,}")
        for line, out in changed[:20]:
            print(f"      {line[:200]}\n   -> {out[:200]}")


def worst_lines() -> None:
    """Lines at the reader's 64 KiB cap built to make a regex backtrack: each must stay in milliseconds."""
    rng = random.Random(7)
    noise = "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(60_000))
    shapes = {"base64": noise, "curl ": "curl " * 12_000, "docker login -p": "docker login" + " -p x" * 12_000,
              "://a:": "://a:" * 12_000, "password=": "password=" * 6_600, "token: ": "token: " * 8_500,
              "BEGIN header": "-----BEGIN PRIVATE KEY-----" * 2_200, "@": "@" * 60_000, "eyJ": "eyJ" * 20_000,
              "\\u escapes": "token " + "\\u0067" * 10_000, "\\\\ nesting": '"' + "\\\\" * 30_000}
    timings = []
    for name, line in shapes.items():
        started = time.perf_counter()
        Redactor()(line)
        timings.append(f"{name!r} {(time.perf_counter() - started) * 1e3:.1f} ms")
    print("worst-case 60 KB lines: " + ", ".join(timings))


def pipeline_share(size_mb: float, shape: str, work: Path, repeat: int) -> None:
    log = work / f"tokenopt-bench-{shape}-{size_mb:g}mb.log"
    if not log.exists() or log.stat().st_size < size_mb * 1e6:
        if shape == "buried":
            build_ci(log, int(size_mb * 1e6), work, planted())
        else:
            build_dense(log, int(size_mb * 1e6), planted())
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
    parser.add_argument("--seed", type=int, default=random.SystemRandom().randrange(2**32),
                        help="for the sample values and the generated normal text (default: a fresh one)")
    parser.add_argument("--rounds", type=int, default=3, help="fresh samples of every kind per encoding")
    parser.add_argument("--parts", default="recall,fp,cost", help="which of recall, fp, cost to run")
    parser.add_argument("--data", default="/work/shared/data/loghub", help="Loghub directory (*/*.log)")
    parser.add_argument("--size-mb", type=float, default=30, help="size of the generated CI log for the share")
    parser.add_argument("--shape", choices=("buried", "dense"), default="buried")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    if "recall" in parts:
        recall(args.seed, args.rounds)
    if "fp" in parts:
        false_positives(normal_corpus(args.seed))
    if "fp" in parts or "cost" in parts:
        scan("loghub", sorted(Path(args.data).glob("*/*.log")), args.repeat)
        ci_logs = [*sorted((ROOT / "tests" / "fixtures" / "logs").glob("**/*.log")),
                   *sorted(ROOT.glob("examples/*.log")),
                   *sorted((ROOT / "bench" / "corpus" / "cases").glob("*/job.log*"))]
        scan("CI logs (fixtures, examples, bench corpus)", ci_logs, args.repeat)
    if "cost" in parts:
        worst_lines()
        pipeline_share(args.size_mb, args.shape, Path(args.work), args.repeat)


if __name__ == "__main__":
    main()
