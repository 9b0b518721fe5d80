"""The Python API exactly as the documentation shows it."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES

from tokenopt import EnhancedTokenOptimizer, Priority, StreamLogProcessor, TokenBudgetManager
from tokenopt.errors import UsageError

CARGO = str(FIXTURES / "cargo" / "test_failures.log")


def test_documented_usage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    optimizer = EnhancedTokenOptimizer(max_token_budget=76659)
    summary, output_path = optimizer.process_logs(CARGO)
    assert f"{summary['compression_ratio']:.2%}".endswith("%")
    assert summary.get("estimated_tokens", 0) == summary["tokens"] > 0
    assert Path(output_path).parent == Path("logs") and Path(output_path).exists()


def test_options_are_keyword_arguments_and_are_validated(tmp_path: Path):
    optimizer = EnhancedTokenOptimizer(max_token_budget=500, format="json", out=str(tmp_path / "d.json"),
                                       reserve_percentage=30)
    summary, path = optimizer.process_logs([CARGO])
    assert summary["budget"] == 500 and path.endswith("d.json")
    with pytest.raises(UsageError, match="keyword argument budget='x' is not a whole number"):
        EnhancedTokenOptimizer(max_token_budget="x")  # type: ignore[arg-type]


def test_stream_processor_and_budget_manager_compose():
    collected = StreamLogProcessor(chunk_size=16, profile="test_logs").process(CARGO)
    assert collected.input_lines == 51 and collected.input_tokens_exact
    critical = [p for p in collected.patterns if p.priority == Priority.CRITICAL]
    assert len(critical) == 2
    manager = TokenBudgetManager(max_token_budget=80, reserve_percentage=10)
    fitted = manager.fit(collected.patterns, lambda items, omitted: "\n".join(i.plain() for i in items))
    assert fitted.tokens <= 80 and fitted.items[0].pattern.priority == Priority.CRITICAL
