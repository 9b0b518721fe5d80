"""A matrix in one digest: what one merged digest costs against one digest per leg, and what collecting and
merging cost, on real job logs (the three ledger legs, and twelve legs made of the runner-format corpus cases).

    python bench/matrix.py [--budget 2000]

Prints, per matrix: the legs, their failures (distinct, and as the legs report them), tokens of one digest per
leg summed against the one merged digest, the collected folders' size, and the time to collect and to merge.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tokenopt import matrix  # noqa: E402
from tokenopt.optimizer import EnhancedTokenOptimizer  # noqa: E402
from tokenopt.settings import Settings  # noqa: E402

LEDGER = sorted((ROOT / "tests" / "fixtures" / "runs" / "ledger").glob("*.log"))
CASES = sorted(path for path in (ROOT / "bench" / "corpus" / "cases").glob("*runner*/job.log"))


def measure(name: str, legs: list[Path], budget: int, work: Path) -> str:
    per_leg, failures, started = 0, 0, time.perf_counter()
    for n, log in enumerate(legs):
        settings = Settings(log_file=(str(log),), budget=budget, index="", format="json",
                            out=str(work / f"{n}.json"))
        result = EnhancedTokenOptimizer(settings=settings).run()
        matrix.collect(result, work / "collected", f"leg {n}")
        per_leg += result.fitted.tokens
        failures += sum(1 for p in result.collected.patterns if p.priority.label == "critical")
    collected_s = time.perf_counter() - started
    size = sum(path.stat().st_size for path in (work / "collected").rglob("*") if path.is_file())
    started = time.perf_counter()
    merged = matrix.merge(Settings(budget=budget, index="", format="json", out=str(work / "merged.json")),
                          [str(work / "collected")])
    merge_s = time.perf_counter() - started
    distinct = sum(1 for p in merged.collected.patterns if p.priority.label == "critical")
    json.loads((work / "merged.json").read_text())  # written and readable
    return (f"| {name} | {len(legs)} | {distinct} ({failures}) | {per_leg:,} | {merged.fitted.tokens:,} | "
            f"{size / 1024:,.0f} KiB | {collected_s:.2f} s | {merge_s:.2f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=2000)
    budget = parser.parse_args().budget
    print(f"budget {budget:,} tokens per digest\n")
    print("| matrix | legs | failures: distinct (as reported by the legs) | tokens, a digest per leg | "
          "tokens, one merged digest | collected | collect (all legs) | merge |")
    print("|---|---|---|---|---|---|---|---|")
    twelve = (CASES * 12)[:12]
    for name, legs in (("ledger (3 real legs)", LEDGER), ("corpus runner logs ×12", twelve)):
        work = Path(tempfile.mkdtemp(prefix="tokenopt-matrix-"))
        try:
            print(measure(name, legs, budget, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
