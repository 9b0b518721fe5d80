"""--track-usage history, --usage-report, and --compare-original against the naive approach."""
from __future__ import annotations

import json
import re
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .errors import StateError
from .model import Priority
from .reader import Source, expand_sources
from .state import regular_file
from .tokens import Counter, fit_to_tokens

_NAIVE_KEYWORDS = re.compile(r"(?i)error|fail|warn|exception|fatal|critical|traceback|panic")


def record(path: str, summary: dict[str, Any], inputs: list[str]) -> None:
    """Append one JSON line describing a run."""
    entry = {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "inputs": inputs,
        "input_bytes": summary["input_bytes"], "input_tokens": summary["input_tokens"],
        "input_tokens_estimated": summary["input_tokens_estimated"], "output_tokens": summary["tokens"],
        "budget": summary["budget"], "compression_ratio": summary["compression_ratio"],
        "seconds": summary["seconds"], "profile": summary["profile"],
    }
    real = regular_file(path, "usage file")  # appending to a FIFO would hang, to a device would lose it
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        with open(real, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry) + "\n")
    except OSError as error:
        raise StateError(f"{path}: cannot record usage ({error.strerror})", "choose a writable --usage-file") from None


def report(path: str, last: int = 10) -> str:
    """Totals over every recorded run and a table of the last ``last``; unreadable lines are skipped and counted."""
    runs, skipped = [], 0
    try:
        with open(regular_file(path, "usage file"), encoding="utf-8") as stream:
            for line in stream:
                try:
                    runs.append(json.loads(line))
                except json.JSONDecodeError:
                    skipped += 1
    except FileNotFoundError:
        return f"no usage recorded yet in {path}: run with --track-usage"
    tokens_in = sum(r.get("input_tokens", 0) for r in runs)
    tokens_out = sum(r.get("output_tokens", 0) for r in runs)
    lines = [f"{len(runs)} runs recorded in {path}" + (f" ({skipped} unreadable lines skipped)" if skipped else ""),
             f"input tokens {tokens_in:,} -> digest tokens {tokens_out:,}"
             + (f" ({tokens_out / tokens_in:.2%} of the input)" if tokens_in else ""), "",
             f"{'time':25} {'input tokens':>13} {'digest':>8} {'ratio':>8} {'seconds':>8}  inputs"]
    for run in runs[-last:]:
        lines.append(f"{run.get('time', '?'):25} {run.get('input_tokens', 0):>13,} {run.get('output_tokens', 0):>8,} "
                     f"{run.get('compression_ratio', 0):>8.2%} {run.get('seconds', 0):>8.2f}  "
                     f"{' '.join(run.get('inputs', []))}")
    return "\n".join(lines)


@dataclass
class Measured:
    name: str
    tokens: int
    failures_kept: int
    seconds: float
    peak_mib: float


def measure(name: str, run: Callable[[], str], counter: Counter, failures: list[str]) -> Measured:
    """Run ``run`` under tracemalloc (the same overhead for both sides) and score what its text kept."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        text = run()
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    kept = sum(1 for failure in failures if failure in text)
    return Measured(name, counter.count(text), kept, seconds, peak / 2**20)


def naive_original(patterns: tuple[str, ...], budget: int, counter: Counter) -> str:
    """The approach tokenopt replaces: read everything into memory, grep for keywords, cut at the budget."""
    kept = []
    for source in expand_sources(patterns):
        kept += [line for line in _read_whole(source).splitlines() if _NAIVE_KEYWORDS.search(line)]
    return fit_to_tokens("\n".join(kept), budget, counter)


def _read_whole(source: Source) -> str:
    import gzip
    import sys

    if source.path is None:
        return sys.stdin.buffer.read().decode("utf-8", "replace")
    data = source.path.read_bytes()
    return (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", "replace")


def comparison_table(rows: list[Measured], failures_total: int) -> str:
    head = f"{'approach':12} {'tokens':>8} {'failures kept':>14} {'seconds':>8} {'peak MiB':>9}"
    lines = [head, "-" * len(head)]
    for row in rows:
        lines.append(f"{row.name:12} {row.tokens:>8,} {row.failures_kept:>6}/{failures_total:<7} "
                     f"{row.seconds:>8.3f} {row.peak_mib:>9.1f}")
    return "\n".join(lines)


def failure_markers(summary: dict[str, Any]) -> list[str]:
    """The failures tokenopt found, as strings a digest must contain to count as keeping them."""
    markers = []
    for event in summary["events"]:
        if event["priority"] == Priority.CRITICAL.label:
            markers.append(event["test_id"] or event["message"][:80])
    return markers
