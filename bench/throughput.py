"""Speed and memory on gigabytes, against the naive original, grep -c and tiktoken, measured in one run.

Inputs, built from real logs and cached in --work:
  ci      a CI log that is mostly passing tests and install noise (the output of a real green ``pytest -v`` run of
          20,000 tests and of real ``pip install`` steps), with the real failing logs of bench/corpus planted
          through it (a few dozen failures)
  gz      the same, gzipped
  noline  as many bytes with no newline at all
  files   20 files, each a slice of the ci log (read with 1 worker and with 2)
  noise   noise only, as large as the ci log: the digest must report no failure

For each: MB/s, lines/s, peak RSS, digest tokens, and, on the same file in the same run, the ratio to the naive
original (read all, tiktoken every line, keep lines with a keyword, cut to the budget), to ``grep -c`` of the
same keywords (the floor) and to tiktoken-encoding the whole file. Then a profile of the top functions, the
start-up time on a 1,000-line log, the time to assemble the final digest, and the checks: every planted failure
is in the digest, the noise reports none, 2 workers give the digest 1 gives.

    python bench/throughput.py [--size-mb 1024] [--only ci,gz,noline,files,noise] [--work DIR]
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus" / "cases"
KEYWORDS = "error|fail|exception|traceback|panic|fatal"
NAIVE = """
import re, sys
from tokenopt.tokens import fit_to_tokens, load_counter
counter, keep, kept, tokens = load_counter('cl100k_base'), re.compile(r'(?i)' + sys.argv[3]), [], 0
with open(sys.argv[1], 'rb') as stream:
    for raw in stream:
        line = raw.decode('utf-8', 'replace')
        tokens += counter.count(line)
        if keep.search(line):
            kept.append(line)
print(tokens, len(fit_to_tokens(''.join(kept), int(sys.argv[2]), counter)))
"""
TIKTOKEN_WHOLE = """
import sys
from tokenopt.tokens import load_counter
counter, total = load_counter('cl100k_base'), 0
with open(sys.argv[1], 'rb') as stream:
    while piece := stream.read(1 << 22):
        total += counter.count(piece.decode('utf-8', 'replace'))
print(total)
"""
# Runs a command and writes its wall time, memory and CPU time to the file named first. A forked child's peak RSS
# (ru_maxrss) starts at its parent's size when it execs, so the command is started from this small process,
# never from the benchmark (hundreds of MB after its in-process runs). ``peak``: the largest peak of any one
# process (wait4 reports the largest among the command and its waited-for workers); ``rss`` and ``pss``: the
# most the command's processes held together, sampled every 50 ms; PSS counts the pages forked workers share
# with their parent once.
MEASURE = """
import json, os, sys, threading, time
def tree(pid):
    try:
        with open(f'/proc/{pid}/task/{pid}/children') as kids:
            return [pid] + [p for kid in kids.read().split() for p in tree(int(kid))]
    except OSError:
        return []
def field(path, name):
    try:
        with open(path) as status:
            return next((int(line.split()[1]) for line in status if line.startswith(name)), 0)
    except OSError:
        return 0
def sample(pid, most, stop):
    while not stop.wait(0.05):
        pids = tree(pid)
        most[0] = max(most[0], sum(field(f'/proc/{p}/status', 'VmRSS:') for p in pids))
        most[1] = max(most[1], sum(field(f'/proc/{p}/smaps_rollup', 'Pss:') for p in pids))
started, most, stop = time.perf_counter(), [0, 0], threading.Event()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
sampler = threading.Thread(target=sample, args=(pid, most, stop))
sampler.start()
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
stop.set()
sampler.join()
with open(sys.argv[1], 'w') as report:
    json.dump({'code': os.waitstatus_to_exitcode(status), 'seconds': seconds, 'peak': usage.ru_maxrss / 1024,
               'rss': most[0] / 1024, 'pss': most[1] / 1024, 'cpu': usage.ru_utime + usage.ru_stime}, report)
"""


@dataclass
class Usage:
    """MiB: the peak RSS of the largest process, and the most all the command's processes held together; the CPU
    seconds of all of them (on a machine shared with other work, wall time gains less than CPU time shows)."""

    peak: float
    rss: float
    pss: float
    cpu: float

    def __str__(self) -> str:
        return f"peak {self.peak:6.1f} MiB"

    def together(self) -> str:
        return f"all processes together: RSS {self.rss:.1f} MiB, PSS {self.pss:.1f} MiB (sampled), CPU {self.cpu:.2f} s"


PASSING_SUITE = """
import pytest

@pytest.mark.parametrize("n", range(20_000))
def test_value_round_trips(n):
    assert int(str(n)) == n
"""


def passing_run(work: Path) -> bytes:
    """The output of a real, green ``pytest -v`` run of 20,000 tests (made once, cached)."""
    cached = work / "tokenopt-bench-passing.log"
    if not cached.exists():
        project = work / "tokenopt-bench-project"
        project.mkdir(exist_ok=True)
        (project / "test_roundtrip.py").write_text(PASSING_SUITE)
        done = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "test_roundtrip.py"],
                              cwd=project, capture_output=True, check=False)
        cached.write_bytes(done.stdout + done.stderr)
    return cached.read_bytes()


def install_noise() -> bytes:
    """Real ``pip install`` output from the corpus's setup step, without its failing steps."""
    text = (CORPUS / "py-pytest-pip-setup-runner" / "job.log").read_text(encoding="utf-8")
    start, end = text.index("Run /tmp/ci-work/"), text.index("Successfully installed")
    return text[text.rfind("\n", 0, start) + 1:text.index("\n", end) + 1].encode()


def planted() -> list[tuple[str, bytes, str]]:
    """Real failing logs of the corpus, each with one of its critical facts, to be buried in the noise."""
    found = []
    for facts_file in sorted(CORPUS.glob("*/facts.json")):
        log = facts_file.parent / "job.log"
        facts = [f for f in json.loads(facts_file.read_text())["facts"] if f["priority"] == "critical"]
        if log.exists() and facts and log.stat().st_size < 300_000:
            found.append((facts_file.parent.name, log.read_bytes(), facts[0]["all_of"][0]))
    return found


def build_ci(path: Path, size: int, work: Path, failures: list[tuple[str, bytes, str]], seed: int = 7) -> None:
    """Noise blocks with the failing logs planted after randomly chosen ones; the planted cases go beside it."""
    noise = passing_run(work) + install_noise()
    blocks = max(1, size // len(noise))
    slots = sorted(random.Random(seed).sample(range(blocks), min(len(failures), blocks)))
    chosen = dict(zip(slots, failures, strict=False))
    with open(path, "wb") as out:
        for block in range(blocks):
            out.write(noise)
            if block in chosen:
                out.write(chosen[block][1])
    path.with_suffix(".planted.json").write_text(json.dumps([[case, fact] for case, _, fact in chosen.values()]))


def build_dense(path: Path, size: int, failures: list[tuple[str, bytes, str]], seed: int = 7) -> None:
    """Only the failing logs, back to back: a worst case where every line is interesting."""
    rng, written = random.Random(seed), 0
    with open(path, "wb") as out:
        while written < size:
            log = rng.choice(failures)[1]
            out.write(log)
            written += len(log)


def build_noise(path: Path, size: int, work: Path) -> None:
    noise = passing_run(work) + install_noise()
    with open(path, "wb") as out:
        for _ in range(max(1, size // len(noise))):
            out.write(noise)


def build_gz(source: Path, path: Path) -> None:
    with open(source, "rb") as raw, gzip.open(path, "wb", compresslevel=1) as out:
        shutil.copyfileobj(raw, out, 1 << 22)


def build_noline(source: Path, path: Path) -> None:
    with open(source, "rb") as raw, open(path, "wb") as out:
        while piece := raw.read(1 << 22):
            out.write(piece.replace(b"\n", b" "))


def build_files(source: Path, folder: Path, count: int = 20) -> list[Path]:
    folder.mkdir(exist_ok=True)
    size = source.stat().st_size // count
    paths = []
    with open(source, "rb") as raw:
        for n in range(count):
            piece = raw.read(size)
            piece += raw.readline()  # end at a line boundary
            paths.append(folder / f"job-{n:02d}.log")
            paths[-1].write_bytes(piece)
    return paths


def measure(argv: list[str]) -> tuple[float, Usage, str]:
    """Wall seconds, memory and CPU, and stdout of one command, run by a small launcher (see MEASURE)."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as report:
        done = subprocess.run([sys.executable, "-c", MEASURE, report.name, *argv], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=False)
        measured = json.loads(report.read())
    if measured["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit code {measured['code']}")
    usage = Usage(measured["peak"], measured["rss"], measured["pss"], measured["cpu"])
    return measured["seconds"], usage, done.stdout.decode()


def tokenopt(paths: list[Path], out: Path, budget: int, workers: int = 1) -> tuple[float, Usage, dict]:
    argv = [sys.executable, "-m", "tokenopt", *[a for p in paths for a in ("--log-file", str(p))], "--budget",
            str(budget), "--format", "json", "--out", str(out), "--index", "", "--workers", str(workers)]
    seconds, memory, _ = measure(argv)
    return seconds, memory, json.loads(out.read_text())


def lines_of(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as stream:  # type: ignore[operator]
        return sum(piece.count(b"\n") for piece in iter(lambda: stream.read(1 << 22), b""))


def report(name: str, paths: list[Path], work: Path, budget: int, baselines: bool) -> dict:
    size = sum(p.stat().st_size for p in paths)
    inflated = sum(p.stat().st_size if p.suffix != ".gz" else 0 for p in paths) or size
    seconds, memory, result = tokenopt(paths, work / f"digest-{name}.json", budget)
    lines = sum(lines_of(p) for p in paths)
    mb = result["input_bytes"] / 1e6
    print(f"\n== {name}: {len(paths)} file(s), {size / 1e6:,.0f} MB on disk, {mb:,.0f} MB read, {lines:,} lines")
    print(f"tokenopt   {seconds:8.2f} s {mb / seconds:8.1f} MB/s {lines / seconds:12,.0f} lines/s "
          f"{memory}, digest {result['tokens']:,} tokens "
          f"({result['priorities']['critical']['kept_patterns']}"
          f" critical kept)")
    if baselines and len(paths) == 1 and paths[0].suffix != ".gz":
        compare(paths[0], seconds, budget, inflated)
    return result


def compare(path: Path, ours: float, budget: int, size: int) -> None:
    grep = measure(["grep", "-c", "-i", "-E", KEYWORDS, str(path)])
    naive = measure([sys.executable, "-c", NAIVE, str(path), str(budget), KEYWORDS])
    whole = measure([sys.executable, "-c", TIKTOKEN_WHOLE, str(path)])
    for label, (seconds, memory, _) in (("grep -c", grep), ("naive", naive), ("tiktoken", whole)):
        print(f"{label:10} {seconds:8.2f} s {size / 1e6 / seconds:8.1f} MB/s {'':>20} {memory}   "
              f"tokenopt is {seconds / ours:.2f}x its speed")


def profile_summary(path: Path, budget: int, limit_mb: int = 64) -> None:
    """cProfile of one in-process run over the first ``limit_mb`` MB: the functions that take the time."""
    from tokenopt import EnhancedTokenOptimizer

    head = path.with_name(path.stem + f"-head{limit_mb}.log")
    with open(path, "rb") as raw, open(head, "wb") as out:
        out.write(raw.read(limit_mb * 1_000_000))
        out.write(raw.readline())
    profiler = cProfile.Profile()
    profiler.enable()
    EnhancedTokenOptimizer(max_token_budget=budget, out=os.devnull, index="").process_logs(str(head))
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(12)
    print(f"\n== profile, {limit_mb} MB of the ci log, top functions by own time")
    print("\n".join(line for line in stream.getvalue().splitlines() if line.strip())[-1600:])


def startup(work: Path) -> None:
    small = work / "tokenopt-bench-1000.log"
    small.write_bytes(b"".join((CORPUS / "py-pytest-basic" / "job.log").read_bytes().splitlines(True)[:1000]))
    best = min(measure([sys.executable, "-m", "tokenopt", "--log-file", str(small), "--out", os.devnull,
                        "--index", ""])[0] for _ in range(3))
    print(f"\nstart-up plus a {lines_of(small):,}-line log: {best * 1000:.0f} ms end to end (best of 3)")


def assembly(path: Path, budget: int) -> None:
    """The final digest at the default budget, assembled and counted, once the input is read."""
    from tokenopt.digest import digest
    from tokenopt.processor import StreamLogProcessor
    from tokenopt.settings import Settings
    from tokenopt.tokens import load_counter

    counter = load_counter("cl100k_base")
    collected = StreamLogProcessor(counter=counter, whole_chars=0).process(str(path))
    started = time.perf_counter()
    fitted = digest(collected, Settings(budget=budget, index=""), counter)
    print(f"final digest assembled and counted: {time.perf_counter() - started:.2f} s ({fitted.tokens:,} tokens, "
          f"{len(collected.patterns):,} patterns)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=1024)
    parser.add_argument("--budget", type=int, default=76_659)
    parser.add_argument("--only", default="ci,gz,noline,files,noise")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--no-baselines", action="store_true", help="skip naive, grep and tiktoken (slow on 1 GB)")
    args = parser.parse_args()
    work, size, only = Path(args.work), int(args.size_mb * 1e6), set(args.only.split(","))
    failures = planted()
    ci = work / f"tokenopt-bench-ci-{args.size_mb:g}mb.log"
    if not ci.exists() or ci.stat().st_size < size:
        build_ci(ci, size, work, failures)
    shown = {}
    if "ci" in only:
        shown["ci"] = report("ci", [ci], work, args.budget, not args.no_baselines)
        check_planted(shown["ci"], ci)
        profile_summary(ci, args.budget)
        assembly(ci, args.budget)
    if "gz" in only:
        gz = ci.with_suffix(".log.gz")
        if not gz.exists():
            build_gz(ci, gz)
        report("gz", [gz], work, args.budget, False)
    if "noline" in only:
        noline = work / f"tokenopt-bench-noline-{args.size_mb:g}mb.log"
        if not noline.exists():
            build_noline(ci, noline)
        report("noline", [noline], work, args.budget, False)
    if "files" in only:
        parallel(build_files(ci, work / "tokenopt-bench-files"), work, args.budget)
    if "noise" in only:
        noise = work / f"tokenopt-bench-noise-{args.size_mb:g}mb.log"
        if not noise.exists():
            build_noise(noise, size, work)
        result = report("noise", [noise], work, args.budget, False)
        print(f"noise only: headline '{result['digest'].splitlines()[0]}'")
    startup(work)
    return 0


def check_planted(result: dict, path: Path) -> None:
    digest = result["digest"]
    wanted = json.loads(path.with_suffix(".planted.json").read_text())
    missing = [case for case, fact in wanted if fact not in digest]
    print(f"planted failures kept: {len(wanted) - len(missing)} of {len(wanted)}"
          + (f" (missing: {', '.join(missing)})" if missing else ""))


def parallel(paths: list[Path], work: Path, budget: int) -> None:
    one = tokenopt(paths, work / "digest-files-1.json", budget, workers=1)
    two = tokenopt(paths, work / "digest-files-2.json", budget, workers=2)
    mb = one[2]["input_bytes"] / 1e6
    same = one[2]["digest"] == two[2]["digest"] and one[2]["events"] == two[2]["events"]
    print(f"\n== files: {len(paths)} x {paths[0].stat().st_size / 1e6:,.0f} MB")
    print(f"1 worker   {one[0]:8.2f} s {mb / one[0]:8.1f} MB/s {one[1]} ({one[1].together()})")
    print(f"2 workers  {two[0]:8.2f} s {mb / two[0]:8.1f} MB/s {two[1]} per process ({two[1].together()})")
    print(f"2 workers are {one[0] / two[0]:.2f}x faster than 1, same digest: {same}")


if __name__ == "__main__":
    sys.exit(main())
