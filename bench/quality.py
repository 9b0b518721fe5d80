"""Fact recall of tokenopt's digest against the usual baselines, at the same token budgets.

Each case under the corpus has a job log and facts.json: the facts a developer needs to fix the
build, extracted from the tools' structured output, each with a priority and the strings that must
all appear for the fact to count as kept. For every budget, tokenopt's text digest and four
baselines cut to the same budget (tail, head, head+tail, and grep+tail: the lines of
``grep -iE -C2 'error|fail|exception|traceback|panic|assert'`` then tail) are scored: recall per priority
and weighted recall (critical 8, high 4, medium 2, low 1). Last, per case, the fewest tokens each approach
needs to keep every critical fact.

``--generic-only`` switches every recognizer off (the stand-in for a tool nobody wrote one for);
``--without FAMILY`` switches one family off.

``--history N`` adds the row ``rerun``: the digest of a job whose index has seen the same log N times before
(history must never cost a fact); ``--passing DIR`` adds ``baseline``: the digest after two passing runs of
the same job, whose lines sink while the failing run's own lines rise.

    python bench/quality.py [--corpus bench/corpus/cases] [--budgets 500,2000,8000] [--case NAME]
                            [--generic-only | --without FAMILY] [--history N] [--passing DIR]
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tokenopt import EnhancedTokenOptimizer
from tokenopt.reader import LineReader, expand_sources
from tokenopt.tokens import Counter, fit_to_tokens, load_counter

PRIORITIES = ("critical", "high", "medium", "low")
WEIGHTS = {"critical": 8, "high": 4, "medium": 2, "low": 1}
ERROR_WORDS = re.compile(r"(?i)error|fail|exception|traceback|panic|assert")
GREP_CONTEXT = 2
SEARCH_LIMIT = 100_000


@dataclass
class Case:
    name: str
    log: Path
    facts: list[dict]
    lines: list[str]  # normalised as tokenopt reads them: what every approach sees
    tool: str = ""


def load_cases(corpus: Path, only: str = "") -> list[Case]:
    cases = []
    for facts_file in sorted(corpus.glob("*/facts.json")):
        folder = facts_file.parent
        if only and folder.name != only:
            continue
        log = next((p for p in (folder / "job.log", folder / "job.log.gz") if p.exists()), None)
        if log is None:
            continue
        reader = LineReader(65_536, lambda text: text)
        lines = [line.text for chunk in reader.chunks(expand_sources((str(log),)), 5000) for line in chunk]
        data = json.loads(facts_file.read_text())
        cases.append(Case(folder.name, log, data["facts"], lines, data.get("tool", "")))
    return cases


class Baselines:
    """Line-based cuts of a log to a token budget, with per-line costs counted once."""

    def __init__(self, lines: list[str], counter: Counter) -> None:
        self.lines = lines
        self.counter = counter
        self.costs = [counter.count(line + "\n") for line in lines]

    def _take(self, indices: list[int], budget: int) -> list[int]:
        kept, total = [], 0
        for index in indices:
            if total + self.costs[index] > budget:
                break
            kept.append(index)
            total += self.costs[index]
        return kept

    def _text(self, indices: list[int], budget: int) -> str:
        return fit_to_tokens("\n".join(self.lines[i] for i in sorted(set(indices))), budget, self.counter)

    def tail(self, budget: int) -> str:
        return self._text(self._take(list(range(len(self.lines) - 1, -1, -1)), budget), budget)

    def head(self, budget: int) -> str:
        return self._text(self._take(list(range(len(self.lines))), budget), budget)

    def head_tail(self, budget: int) -> str:
        head = self._take(list(range(len(self.lines))), budget // 2)
        tail = self._take(list(range(len(self.lines) - 1, -1, -1)), budget - budget // 2)
        return self._text(head + tail, budget)

    def grep_tail(self, budget: int) -> str:
        """grep -iE -C2 for the error words, then the last lines of that output that fit."""
        matching: set[int] = set()
        for i, line in enumerate(self.lines):
            if ERROR_WORDS.search(line):
                matching.update(range(max(0, i - GREP_CONTEXT), min(len(self.lines), i + GREP_CONTEXT + 1)))
        return self._text(self._take(sorted(matching, reverse=True), budget), budget)


def tokenopt_digest(case: Case, budget: int, work: Path, off: tuple[str, ...] = (), earlier: list[Path] | None = None
                    ) -> str:
    """The digest of a first run (no cross-run index, so results do not depend on order), or, with ``earlier``,
    of a run of a job whose index has seen those logs first (earlier runs of the same job)."""
    index = ""
    if earlier:
        index = str(work / f"index-{case.name}-{budget}.json")
        Path(index).unlink(missing_ok=True)
        for log in earlier:
            EnhancedTokenOptimizer(max_token_budget=budget, format="text", out=str(work / "earlier.txt"), index=index,
                                   job=case.name, no_recognizer=off).process_logs(str(log))
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, format="text", out=str(work / "digest.txt"),
                                       index=index, job=case.name, no_recognizer=off)
    return optimizer.process_logs(str(case.log))[0]["digest"]


def passing_twin(folder: Path, case: Case) -> Path | None:
    """The passing run of the same job (the same project and steps without the case's bugs), if generated."""
    return next((p for p in (folder / case.name / "job.log", folder / case.name / "job.log.gz") if p.exists()), None)


def recall(facts: list[dict], text: str) -> dict[str, float | None]:
    scores: dict[str, float | None] = {}
    for priority in PRIORITIES:
        chosen = [f for f in facts if f["priority"] == priority]
        kept = sum(1 for f in chosen if all(s in text for s in f["all_of"]))
        scores[priority] = kept / len(chosen) if chosen else None
    total = sum(WEIGHTS[f["priority"]] for f in facts)
    kept_weight = sum(WEIGHTS[f["priority"]] for f in facts if all(s in text for s in f["all_of"]))
    scores["weighted"] = kept_weight / total if total else None
    return scores


def fewest_tokens(facts: list[dict], digest: Callable[[int], str]) -> int | None:
    """The smallest budget whose output keeps every critical fact (binary search; None if none does)."""
    critical = [f for f in facts if f["priority"] == "critical"]
    if not critical:
        return 0

    def keeps(budget: int) -> bool:
        text = digest(budget)
        return all(all(s in text for s in f["all_of"]) for f in critical)

    if not keeps(SEARCH_LIMIT):
        return None
    low, high = 1, SEARCH_LIMIT
    while low < high:
        middle = (low + high) // 2
        if keeps(middle):
            high = middle
        else:
            low = middle + 1
    return low


def mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else None


def cell(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.1%}"


def approaches_for(args: argparse.Namespace, work: Path, off: tuple[str, ...]
                   ) -> dict[str, Callable[[Case, Baselines, int], str]]:
    """tokenopt, the one-line baselines, and with ``--history``/``--passing`` tokenopt after earlier runs."""
    approaches: dict[str, Callable[[Case, Baselines, int], str]] = {
        "tokenopt": lambda case, base, budget: tokenopt_digest(case, budget, work, off),
        "tail": lambda case, base, budget: base.tail(budget),
        "head": lambda case, base, budget: base.head(budget),
        "head+tail": lambda case, base, budget: base.head_tail(budget),
        "grep+tail": lambda case, base, budget: base.grep_tail(budget),
    }
    if args.history:
        approaches["rerun"] = lambda case, base, budget: tokenopt_digest(case, budget, work, off,
                                                                         [case.log] * args.history)
    if args.passing:
        approaches["baseline"] = lambda case, base, budget: tokenopt_digest(
            case, budget, work, off, [passing_twin(Path(args.passing), case)] * 2)  # type: ignore[list-item]
    return approaches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parent / "corpus" / "cases"))
    parser.add_argument("--budgets", default="500,2000,8000")
    parser.add_argument("--case", default="", help="only this case")
    parser.add_argument("--no-min", action="store_true", help="skip the fewest-tokens search (slow)")
    parser.add_argument("--missing", action="store_true", help="list the facts tokenopt's digest left out")
    parser.add_argument("--generic-only", action="store_true", help="every recognizer off: the generic finder alone")
    parser.add_argument("--without", default="", help="this recognizer family off (python, jvm, go, …)")
    parser.add_argument("--history", type=int, default=0, metavar="N",
                        help="also score the digest after N earlier runs of the same job (the same log)")
    parser.add_argument("--passing", default="", metavar="DIR",
                        help="also score the digest after two passing runs of the same job (DIR/<case>/job.log, "
                             "made by CORPUS_PASSING=1 CORPUS_CASES=DIR python bench/corpus/generate.py); only "
                             "cases with such a twin are scored")
    args = parser.parse_args()
    budgets = [int(b) for b in args.budgets.split(",")]
    counter = load_counter("cl100k_base")
    cases = load_cases(Path(args.corpus), args.case)
    if args.passing:
        cases = [case for case in cases if passing_twin(Path(args.passing), case)]
    if not cases:
        print(f"no cases under {args.corpus}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="tokenopt-quality-"))
    off = ("all",) if args.generic_only else tuple(name for name in args.without.split(",") if name)
    approaches = approaches_for(args, work, off)
    one_liners = [name for name in approaches if name not in ("tokenopt", "rerun", "baseline")]
    results: dict[tuple[str, str, int], dict] = {}
    fewest: dict[tuple[str, str], int | None] = {}
    for case in cases:
        base = Baselines(case.lines, counter)
        for name, run in approaches.items():
            for budget in budgets:
                text = run(case, base, budget)
                tokens = counter.count(text)
                assert tokens <= budget, f"{name} exceeded {budget} on {case.name}: {tokens}"
                results[(case.name, name, budget)] = {**recall(case.facts, text), "tokens": tokens}
                if args.missing and name == "tokenopt":
                    for fact in case.facts:
                        if not all(s in text for s in fact["all_of"]):
                            print(f"missing @{budget} {case.name} {fact['priority']}: {fact['all_of']}")
            if not args.no_min and (name == "tokenopt" or name in one_liners):
                fewest[(case.name, name)] = fewest_tokens(case.facts, lambda b, c=case, r=run, s=base: r(c, s, b))
    report(cases, budgets, list(approaches), results, fewest)
    return 0


def report(cases: list[Case], budgets: list[int], names: list[str], results: dict, fewest: dict) -> None:
    columns = f"{'critical':>8} {'high':>7} {'medium':>7} {'low':>7} {'weighted':>8} {'tokens':>7}"
    for budget in budgets:
        print(f"\n## Budget {budget:,} tokens (cl100k_base)\n")
        print(f"{'case':34} {'approach':10} {columns}")
        for case in cases:
            for name in names:
                r = results[(case.name, name, budget)]
                print(f"{case.name:34} {name:10} {cell(r['critical']):>8} {cell(r['high']):>7} {cell(r['medium']):>7}"
                      f" {cell(r['low']):>7} {cell(r['weighted']):>8} {r['tokens']:>7,}")
        print(f"\n{'mean over ' + str(len(cases)) + ' cases':34} {'approach':10} {columns}")
        for name in names:
            rows = [results[(case.name, name, budget)] for case in cases]
            means = {k: mean([r[k] for r in rows]) for k in (*PRIORITIES, "weighted")}
            tokens = statistics.fmean(r["tokens"] for r in rows)
            print(f"{'':34} {name:10} {cell(means['critical']):>8} {cell(means['high']):>7} "
                  f"{cell(means['medium']):>7} {cell(means['low']):>7} {cell(means['weighted']):>8} {tokens:>7,.0f}")
    names = [name for name in names if any(key[1] == name for key in fewest)]
    if fewest:
        print("\n## Fewest tokens that keep every critical fact (- : not within 100,000)\n")
        print(f"{'case':34} " + " ".join(f"{n:>10}" for n in names) + f" {'best baseline / tokenopt':>26}")
        for case in cases:
            values = [fewest[(case.name, n)] for n in names]
            best = min((v for v in values[1:] if v is not None), default=None)
            ratio = f"{best / values[0]:.1f}x" if best and values[0] else "-"
            print(f"{case.name:34} " + " ".join(f"{'-' if v is None else f'{v:,}':>10}" for v in values)
                  + f" {ratio:>26}")
        paired = [(fewest[(c.name, names[0])], min(v for n in names[1:] if (v := fewest[(c.name, n)]) is not None))
                  for c in cases if fewest[(c.name, names[0])] is not None
                  and any(fewest[(c.name, n)] is not None for n in names[1:])]
        ours, best = sum(p[0] for p in paired), sum(p[1] for p in paired)
        halved = sum(1 for o, b in paired if 2 * o <= b)
        print(f"\nover {len(paired)} cases: tokenopt {ours:,} tokens in all, the best baseline of each case {best:,} "
              f"({best / ours:.2f}x); half or fewer on {halved} cases")


if __name__ == "__main__":
    sys.exit(main())
