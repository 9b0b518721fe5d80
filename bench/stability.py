"""Fingerprint stability: a re-run of the same failures must keep their ids; two different failures never share one.

For every real log of the corpus (bench/corpus/cases/*), the log is digested, then re-runs of it are simulated
(bench/perturb.py: timestamps, durations, addresses, ports, pids, thread ids, temp paths, UUIDs, seeds and
build numbers changed consistently, tests, error types, files and line numbers kept) and digested too. Measured:

- the share of critical and high events of the JSON summary (``events[].id``) whose id is the same in every
  re-run (an id that moved is a failure reported as new when it is not), per tool family and overall;
- ids that join different facts: one pattern key that, within one run, held two different tests or two
  different error types (one failure would hide another).

What moved is listed with its text before and after, so the reader sees which value the key failed to mask.

With ``--regenerate``, the corpus generators also re-run the real tools, and each case is compared with that
real re-run too (slow; the tools must be installed).

    python bench/stability.py [--reruns 2] [--case NAME] [--budget 200000] [--show 40] [--regenerate python,go]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from perturb import Rerun

from tokenopt import EnhancedTokenOptimizer
from tokenopt.fingerprint import error_type, pattern_key
from tokenopt.formats import FAMILIES, Classifier
from tokenopt.formats.details import bare_test_id
from tokenopt.model import Event, Priority
from tokenopt.reader import LineReader, expand_sources
from tokenopt.redact import Redactor
from tokenopt.steps import StepTracker

CASES = Path(__file__).resolve().parent / "corpus" / "cases"
MEASURED = ("critical", "high")
IDENTITY = ("failed_test", "error", "location", "warning")


@dataclass
class Tally:
    """Ids of one family (or of all): how many were compared, how many kept, what joined two facts."""

    ids: int = 0
    kept: int = 0
    joined: int = 0
    cases: int = 0

    def add(self, other: Tally) -> None:
        self.ids, self.kept, self.joined, self.cases = (self.ids + other.ids, self.kept + other.kept,
                                                        self.joined + other.joined, self.cases + other.cases)

    def share(self) -> float:
        return self.kept / self.ids if self.ids else 1.0


@dataclass
class Report:
    tally: Tally = field(default_factory=Tally)
    moved: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)  # identity a re-run must keep and the perturbation changed


def _facts(case: Path) -> list[str]:
    """The corpus's identity facts (tests, errors, places) as quoted: a re-run prints every one of them again
    (but for the few that quote an object's address)."""
    facts = json.loads((case / "facts.json").read_text())["facts"]
    return [text for fact in facts if fact["kind"] in IDENTITY for text in fact["all_of"] if not _ADDRESS.search(text)]


_ADDRESS = re.compile(r"0x[0-9a-f]{6,}")  # an object's address in an error's text is a value that varies


def log_text(case: Path) -> str:
    log = next(p for p in (case / "job.log", case / "job.log.gz") if p.exists())
    data = gzip.decompress(log.read_bytes()) if log.suffix == ".gz" else log.read_bytes()
    return data.decode("utf-8", "surrogateescape")


def events(path: Path, budget: int) -> dict[str, dict]:
    """The critical and high events of the JSON summary, by id (no index: every run is judged alone)."""
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, format="json", out=str(path.with_suffix(".json")),
                                       index="")
    summary = optimizer.process_logs(str(path))[0]
    return {e["id"]: e for e in summary["events"] if e["priority"] in MEASURED}


def joined_keys(path: Path) -> list[str]:
    """Keys that, in this log, hold two different tests or two different error types (before any folding)."""
    redactor = Redactor()
    reader, steps = LineReader(65_536, redactor), StepTracker()
    classifier = Classifier(FAMILIES, steps, redactor.detached())
    held: dict[str, list[Event]] = defaultdict(list)
    for chunk in reader.chunks(expand_sources((str(path),)), 5000):
        for event in classifier.feed(chunk):
            if event.priority >= Priority.HIGH:
                held[pattern_key(event)].append(event)
    for event in classifier.finish():
        if event.priority >= Priority.HIGH:
            held[pattern_key(event)].append(event)
    return [f"{key[:100]!r} holds {' / '.join(sorted(facts))}" for key, group in held.items()
            if len(facts := _different_facts(group)) > 1]


def _different_facts(group: list[Event]) -> set[str]:
    """The tests (or, for other events, the error types) a group of events of one key names."""
    tests = {name for e in group if e.test_id and (name := _test_name(e.test_label or e.test_id))}
    if tests:  # two spellings of one test (a node id and its bare name) are one test
        return {t for t in tests if not any(o != t and t in o for o in tests)}
    return {kind for e in group if (kind := error_type(e.message))}


def _test_name(label: str) -> str:
    """A test's name without its number in the failure list ("1) ") or the status words around it; an RSpec
    re-run line names a place (``./spec/x_spec.rb:22``), not a test."""
    name = bare_test_id(_NUMBERED.sub("", label))
    return "" if _PLACE.fullmatch(name) else name


_NUMBERED = re.compile(r"^\d+\) ")
_PLACE = re.compile(r"\S+:\d+")


def compare(case: Path, work: Path, reruns: int, budget: int, regenerated: Path | None = None) -> Report:
    """``case``'s log against ``reruns`` simulated re-runs of it and, if given, its real re-run (the case of
    that name under ``regenerated``)."""
    report, text = Report(), log_text(case)
    texts = [Rerun(number).text(text) for number in range(1, reruns + 1)]
    report.touched = [f"re-run {number} changed a fact: {fact}" for number, changed in enumerate(texts, 1)
                      for fact in _facts(case) if fact in text and fact not in changed]
    if regenerated and (regenerated / case.name).is_dir():
        texts.append(log_text(regenerated / case.name))
    ids, joined = [], set()
    for number, version in enumerate([text, *texts]):
        path = work / f"run{number}" / "job.log"
        path.parent.mkdir(parents=True)
        path.write_text(version, "utf-8", "surrogateescape")
        ids.append(events(path, budget))
        joined |= set(joined_keys(path))
    before, runs = ids[0], ids[1:]
    common = set(before).intersection(*runs)
    union = set(before).union(*runs)
    report.tally = Tally(len(union), len(common), len(joined), 1)
    report.moved = [*report.touched, *sorted(joined), *_moved(before, runs, common)]
    return report


def _moved(before: dict[str, dict], runs: list[dict[str, dict]], common: set[str]) -> list[str]:
    """Before/after text of every id that did not hold, matched by the line it was first seen on."""
    lines = []
    for run in runs:
        at_line = {_line(e): e for e in run.values()}
        for key, event in before.items():
            if key in common:
                continue
            other = at_line.get(_line(event))
            after = f"{other['message'][:110]!r}" if other else "(no event on that line)"
            lines.append(f"{event['priority']} {event['kind']}: {event['message'][:110]!r}\n        -> {after}")
        for key, event in run.items():
            if key not in before and not any(_line(e) == _line(event) for e in before.values()):
                lines.append(f"{event['priority']} {event['kind']}: (none) -> {event['message'][:110]!r}")
    return list(dict.fromkeys(lines))


def regenerate(ecosystems: list[str], work: Path) -> Path:
    """Re-runs the corpus generators of ``ecosystems`` (the real tools: new timestamps, temp directories, pids,
    addresses, durations) into ``work``; the folder of the re-run cases."""
    cases = work / "regenerated"
    env = {**os.environ, "CORPUS_CASES": str(cases), "CORPUS_WORK": str(work / "ci-rerun")}
    done = subprocess.run([sys.executable, str(CASES.parent / "generate.py"), *ecosystems], env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"bench/corpus/generate.py failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return cases


def _line(event: dict) -> str:
    return event["first"].rsplit(":", 1)[-1]  # the re-runs are other files: the line number is what matches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(CASES))
    parser.add_argument("--case", default="", help="only this case")
    parser.add_argument("--reruns", type=int, default=2, help="simulated re-runs per log")
    parser.add_argument("--budget", type=int, default=200_000, help="large: every event is in the summary")
    parser.add_argument("--show", type=int, default=40, help="how many moved or joined ids to list")
    parser.add_argument("--regenerate", default="", metavar="ECOSYSTEMS",
                        help="also re-run the real tools of these corpus ecosystems (python,rust,go,c,jvm,js: "
                             "bench/corpus/generate.py, the tools installed) and compare with that re-run too")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tokenopt-stability-"))
    regenerated = regenerate(args.regenerate.split(","), work) if args.regenerate else None
    families: dict[str, Tally] = defaultdict(Tally)
    overall, moved, touched = Tally(), [], 0
    print(f"{'case':44} {'family':11} {'ids':>5} {'kept':>5} {'stable':>7} {'joined':>6}")
    for case in sorted(p.parent for p in Path(args.corpus).glob("*/facts.json")):
        if args.case and case.name != args.case:
            continue
        family = json.loads((case / "facts.json").read_text()).get("ecosystem", "?")
        report = compare(case, work / case.name, args.reruns, args.budget, regenerated)
        tally = report.tally
        families[family].add(tally)
        overall.add(tally)
        moved += [f"[{case.name}] {line}" for line in report.moved]
        touched += len(report.touched)
        print(f"{case.name:44} {family:11} {tally.ids:>5} {tally.kept:>5} {tally.share():>7.1%} {tally.joined:>6}")
    print(f"\n{'family':11} {'cases':>5} {'ids':>5} {'kept':>5} {'stable':>7} {'joined':>6}")
    for family, tally in sorted(families.items()):
        print(f"{family:11} {tally.cases:>5} {tally.ids:>5} {tally.kept:>5} {tally.share():>7.1%} {tally.joined:>6}")
    worst = min((t.share() for t in families.values()), default=1.0)
    real = f" (and a real re-run of {len(list(regenerated.iterdir()))} cases)" if regenerated else ""
    print(f"\noverall: {overall.kept:,} of {overall.ids:,} critical and high ids kept across {args.reruns} re-runs"
          f"{real} ({overall.share():.2%}; worst family {worst:.2%}); ids joining two tests or error types: "
          f"{overall.joined}; identity facts the simulated re-runs changed (must be 0): {touched}")
    if moved:
        print(f"\nwhat moved or joined ({len(moved)}; first {args.show}):")
        print("\n".join(f"  {line}" for line in moved[:args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
