"""The fact-recall targets, kept as a regression test over the bench corpus (bench/corpus/cases):
at 2,000 tokens every critical and high fact of every case is in the digest."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import ROOT

from tokenopt import EnhancedTokenOptimizer

CASES = sorted((ROOT / "bench" / "corpus" / "cases").glob("*/facts.json"))


def digest(case: Path, budget: int, tmp_path: Path) -> str:
    log = next(p for p in (case / "job.log", case / "job.log.gz") if p.exists())
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, format="text", out=str(tmp_path / "d.txt"), index="")
    return optimizer.process_logs(str(log))[0]["digest"]


@pytest.mark.parametrize("facts_file", CASES, ids=lambda p: p.parent.name)
def test_every_critical_and_high_fact_survives_2000_tokens(facts_file: Path, tmp_path: Path):
    facts = json.loads(facts_file.read_text(encoding="utf-8"))["facts"]
    text = digest(facts_file.parent, 2000, tmp_path)
    missing = [f["all_of"] for f in facts if f["priority"] in ("critical", "high")
               and not all(s in text for s in f["all_of"])]
    assert missing == []


def test_the_corpus_is_there():
    assert len(CASES) >= 20
