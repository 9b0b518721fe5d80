"""Leave one recognizer family out: with a family switched off, how much of its own cases' critical facts the
digest still keeps (the generic finder and the other families carry them). Target: at least 0.90 at 8,000.

    python bench/leave_one_out.py [--budget 8000]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from quality import load_cases, recall, tokenopt_digest

# Which family recognizes each case's tool, by the words of its facts.json "tool".
FAMILY_OF_TOOL = (
    ("mypy", "linters"), ("ruff", "linters"), ("pytest", "python"), ("unittest", "python"),
    ("eslint", "javascript"), ("tsc", "javascript"), ("jest", "javascript"), ("node:test", "javascript"),
    ("mocha", "javascript"), ("karma", "javascript"), ("jasmine", "xunit"), ("phpunit", "xunit"),
    ("rspec", "xunit"), ("cargo", "rust"), ("go test", "go"), ("go vet", "go"), ("junit", "jvm"), ("javac", "jvm"),
    ("gradle", "jvm"),
    ("maven", "jvm"), ("googletest", "native"), ("gcc", "native"), ("ctest", "native"), ("g++", "native"),
    ("common_test", "erlang"), ("eunit", "erlang"), ("bats", "tap"), ("prove", "tap"), ("tape", "tap"),
    ("nginx", "applogs"), ("apache", "applogs"),
)


def family_of(tool: str) -> str:
    return next((family for word, family in FAMILY_OF_TOOL if word in tool), "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parent / "corpus" / "cases"))
    parser.add_argument("--budget", type=int, default=8000)
    args = parser.parse_args()
    cases = load_cases(Path(args.corpus))
    work = Path(tempfile.mkdtemp(prefix="tokenopt-loo-"))
    by_family: dict[str, list] = {}
    for case in cases:
        by_family.setdefault(family_of(case.tool), []).append(case)
    print(f"{'family off':12} {'cases':>5} {'critical kept':>14} {'lowest case':>30}")
    worst = 1.0
    for family, chosen in sorted(by_family.items()):
        if not family:
            continue
        scores = [(recall(c.facts, tokenopt_digest(c, args.budget, work, (family,)))["critical"], c.name)
                  for c in chosen]
        present = [(s, n) for s, n in scores if s is not None]
        mean = statistics.fmean(s for s, _ in present)
        low = min(present)
        worst = min(worst, mean)
        print(f"{family:12} {len(chosen):>5} {mean:>14.1%} {low[1][:22]:>24} {low[0]:.0%}")
    print(f"\nlowest family mean: {worst:.1%} (target 90%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
