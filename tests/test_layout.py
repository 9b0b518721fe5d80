"""The layout: where no recognizer structured the failures, the end of the failing step gets a larger share of
the budget when it quotes more evidence, and never at the cost of a failure the usual layout names."""
from __future__ import annotations

import json
from pathlib import Path

from support import ROOT

from tokenopt import EnhancedTokenOptimizer
from tokenopt.finder import assess

CASES = ROOT / "bench" / "corpus" / "cases"


def run(log: Path, budget: int, tmp_path: Path, **options: object) -> dict:
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, index="", out=str(tmp_path / "d.txt"), format="text",
                                       **options)
    return optimizer.process_logs(str(log))[0]


def test_a_build_that_says_it_all_at_the_end_gets_its_end_quoted(tmp_path: Path):
    # Maven's compile error, no recognizer: the compiler's errors and the build's verdict are the job's last
    # lines; the usual layout names the first and cuts the rest
    case = CASES / "maven-compile-error"
    summary = run(case / "job.log", 500, tmp_path, no_recognizer=("all",))
    facts = json.loads((case / "facts.json").read_text())["facts"]
    critical = [f["all_of"] for f in facts if f["priority"] == "critical"]
    assert critical and [s for strings in critical for s in strings if s not in summary["digest"]] == []
    assert summary["tokens"] <= 500


def test_a_larger_tail_never_costs_a_named_failure(tmp_path: Path):
    for case in sorted(CASES.iterdir()):
        log = next(p for p in (case / "job.log", case / "job.log.gz") if p.exists())
        for budget in (300, 500):
            summary = run(log, budget, tmp_path, no_recognizer=("all",))
            named = [e["message"] for e in summary["events"] if e["priority"] == "critical"]
            assert all(message[:60] in summary["digest"] for message in named), case.name


def test_a_heading_that_introduces_a_list_is_no_error_of_its_own():
    for heading in ("Failures:", "Failed examples:", "Failed tests:", "  Errors:"):
        finding = assess(heading)
        assert finding is not None and finding.kind == "banner"
    assert assess("Pending: (Failures listed here are expected and do not affect your suite's status)") is None
    assert assess("Error: cannot find module 'x'").kind == "error"
    assert assess("There were 2 failures:").kind == "error"
