"""Several inputs read by worker processes give the digest one process gives: same events, same counts."""
from __future__ import annotations

from pathlib import Path

from support import ROOT

from tokenopt import EnhancedTokenOptimizer

CASES = ROOT / "bench" / "corpus" / "cases"
LOGS = [CASES / name / "job.log" for name in ("py-pytest-basic", "rust-cargo-test-panics", "js-jest-basic",
                                              "php-phpunit-failures", "go-test-failures")]


def summary(tmp_path: Path, workers: int, budget: int) -> dict:
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, out=str(tmp_path / f"d{workers}.json"), format="json",
                                       index="", workers=workers)
    result, _ = optimizer.process_logs([str(log) for log in LOGS])
    return {key: value for key, value in result.items() if key not in ("seconds", "output_path")}


def test_two_workers_give_the_digest_one_process_gives(tmp_path: Path):
    assert all(log.exists() for log in LOGS)
    for budget in (800, 6000):
        serial, parallel = summary(tmp_path, 1, budget), summary(tmp_path, 2, budget)
        assert parallel == serial
        assert len(serial["events"]) > 10
