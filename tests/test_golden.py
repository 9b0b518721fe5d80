"""Digests of the real fixture logs, compared exactly with tests/golden (rewrite with --update-golden)."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import GOLDEN, ROOT, fixture_id, fixture_logs

from tokenopt import EnhancedTokenOptimizer

BUDGETS = (300, 2000)


@pytest.mark.parametrize("log", fixture_logs() + [ROOT / "examples" / "ci_job_pytest_runner.log"], ids=fixture_id)
@pytest.mark.parametrize("budget", BUDGETS)
def test_digest_matches_golden(log: Path, budget: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               update_golden: bool):
    monkeypatch.chdir(ROOT)
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, format="markdown", out=str(tmp_path / "d.md"),
                                       index=str(tmp_path / "index.json"))
    summary, _ = optimizer.process_logs(str(log.relative_to(ROOT)))
    golden = GOLDEN / log.parent.name / f"{log.stem}.{budget}.md"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(summary["digest"], encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --update-golden and review the diff"
    assert summary["digest"] == golden.read_text(encoding="utf-8")
