"""Passing-run baseline: does knowing what a job's passing runs print bring the failure's own lines forward?

For every corpus case with a passing twin (the same project, steps and tools without the case's bugs, made by
``CORPUS_PASSING=1 CORPUS_CASES=DIR python bench/corpus/generate.py [ecosystem ...]``), the failing log's
*failure lines* are its lines that the passing twin never prints (compared with volatile values masked, so a
new timestamp or duration is not a difference). The failing log is digested at each budget twice: as a first
run, and after the passing twin was digested twice as earlier runs of the same job. Printed per case and in
all: the share of failure lines each digest quotes, with the recognizers on and (``--generic-only``) off.

The twins of 38 cases are kept in bench/corpus/passing (go and the JVM tools were not installed when they
were made).

    python bench/baseline.py [--passing DIR] [--budgets 500,2000] [--generic-only]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from quality import Case, load_cases, passing_twin, tokenopt_digest

from tokenopt.fingerprint import mask
from tokenopt.reader import LineReader, expand_sources


def read_lines(log: Path) -> list[str]:
    reader = LineReader(65_536, lambda text: text)
    return [line.text for chunk in reader.chunks(expand_sources((str(log),)), 5000) for line in chunk]


def failure_lines(case: Case, twin: Path) -> list[str]:
    """The failing run's lines that its passing twin never prints (each once; blank and very short lines aside)."""
    normal = {mask(line.strip()) for line in read_lines(twin)}
    novel = dict.fromkeys(line.strip() for line in case.lines
                          if len(line.strip()) >= 8 and mask(line.strip()) not in normal)
    return list(novel)


def share(lines: list[str], text: str) -> float:
    return sum(1 for line in lines if line in text) / len(lines) if lines else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parent / "corpus" / "cases"))
    parser.add_argument("--passing", default=str(Path(__file__).resolve().parent / "corpus" / "passing"),
                        metavar="DIR", help="the passing twins (default bench/corpus/passing)")
    parser.add_argument("--budgets", default="500,2000")
    parser.add_argument("--generic-only", action="store_true", help="every recognizer off")
    args = parser.parse_args()
    folder, budgets = Path(args.passing), [int(b) for b in args.budgets.split(",")]
    cases = [case for case in load_cases(Path(args.corpus)) if passing_twin(folder, case)]
    if not cases:
        print(f"no case of {args.corpus} has a passing twin under {folder}", file=sys.stderr)
        return 2
    work, off = Path(tempfile.mkdtemp(prefix="tokenopt-baseline-")), ("all",) if args.generic_only else ()
    totals: dict[tuple[int, str], list[float]] = {}
    print(f"{'case':36} {'failure lines':>13} " + " ".join(f"{f'first@{b}':>11} {f'baseline@{b}':>12}"
                                                          for b in budgets))
    for case in cases:
        twin = passing_twin(folder, case)
        assert twin is not None
        lines = failure_lines(case, twin)
        row = []
        for budget in budgets:
            first = share(lines, tokenopt_digest(case, budget, work, off))
            after = share(lines, tokenopt_digest(case, budget, work, off, [twin, twin]))
            totals.setdefault((budget, "first"), []).append(first)
            totals.setdefault((budget, "baseline"), []).append(after)
            row.append(f"{first:>11.1%} {after:>12.1%}")
        print(f"{case.name:36} {len(lines):>13,} " + " ".join(row))
    print(f"{'mean over ' + str(len(cases)) + ' cases':36} {'':>13} " + " ".join(
        f"{statistics.fmean(totals[(b, 'first')]):>11.1%} {statistics.fmean(totals[(b, 'baseline')]):>12.1%}"
        for b in budgets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
