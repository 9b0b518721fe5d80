"""TokenBudgetManager: critical first, trim before drop, the reserve, and an exact fit on real logs."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, fixture_id, fixture_logs

from tokenopt import EnhancedTokenOptimizer
from tokenopt.budget import FULL, LINE, TRIMMED, TokenBudgetManager
from tokenopt.model import Event, Pattern, Priority
from tokenopt.tokens import fit_to_tokens


def pattern(priority: Priority, message: str, excerpt_lines: int = 0, order: int = 0) -> Pattern:
    excerpt = tuple(f"  frame {n} in module_{n}.py line {n * 7}" for n in range(excerpt_lines))
    event = Event(priority, "failed_test" if priority == Priority.CRITICAL else "info", message, "log", order,
                  excerpt=excerpt)
    return Pattern(f"{priority}|{message}", event, 1, "", "", order)


def plain(items, omitted) -> str:
    return "\n".join(["digest", *(item.plain() for item in items)])


def test_big_tracebacks_are_trimmed_before_any_critical_is_dropped(counter):
    patterns = [pattern(Priority.CRITICAL, f"test_{n} failed", excerpt_lines=300, order=n) for n in range(5)]
    fitted = TokenBudgetManager(1500, counter=counter).fit(patterns, plain)
    assert fitted.tokens <= 1500
    assert len(fitted.items) == 5
    assert all(item.level in (LINE, TRIMMED) for item in fitted.items)


def test_lower_tiers_get_what_critical_leaves(counter):
    patterns = [pattern(Priority.CRITICAL, "test_a failed", 5, 0)] + [
        pattern(Priority.LOW, f"info line number {n}", order=n + 1) for n in range(400)]
    fitted = TokenBudgetManager(600, counter=counter).fit(patterns, plain)
    kept = [i for i in fitted.items if i.pattern.priority == Priority.LOW]
    assert fitted.items[0].pattern.priority == Priority.CRITICAL and fitted.items[0].level == FULL
    assert 0 < len(kept) < 400
    assert fitted.omitted[Priority.LOW].patterns == 400 - len(kept)


def test_context_keeps_the_start_and_the_end_of_the_log(counter):
    patterns = [pattern(Priority.LOW, f"info line number {n}", order=n) for n in range(200)]
    fitted = TokenBudgetManager(120, counter=counter).fit(patterns, plain)
    kept = [i.pattern.order for i in fitted.items]
    assert 0 in kept and 199 in kept and 100 not in kept


def test_reserve_holds_detail_for_critical_over_high_one_liners(counter):
    critical = [pattern(Priority.CRITICAL, f"test_{n} failed", excerpt_lines=40, order=n) for n in range(3)]
    high = [pattern(Priority.HIGH, f"error type {n} happened here", order=10 + n) for n in range(60)]
    levels = {}
    for reserve in (0, 100):
        fitted = TokenBudgetManager(1200, reserve_percentage=reserve, counter=counter).fit(critical + high, plain)
        assert fitted.tokens <= 1200
        levels[reserve] = sum(i.level for i in fitted.items if i.pattern.priority == Priority.CRITICAL)
    assert levels[100] > levels[0]


def test_a_budget_smaller_than_the_shell_still_fits(counter):
    patterns = [pattern(Priority.CRITICAL, "test_a failed " * 50, 10)]
    for budget in (1, 5, 20):
        fitted = TokenBudgetManager(budget, counter=counter).fit(patterns, plain)
        assert counter.count(fitted.text) <= budget


def test_fit_to_tokens_cuts_at_a_boundary_and_never_overshoots(counter):
    text = "naïve café ✓ " * 200
    for limit in (0, 1, 7, 100):
        cut = fit_to_tokens(text, limit, counter)
        assert counter.count(cut) <= limit and text.startswith(cut[:-1] if cut else "")


@pytest.mark.parametrize("log", fixture_logs(), ids=fixture_id)
@pytest.mark.parametrize("budget", [60, 300, 2000])
def test_real_logs_fit_every_budget_exactly(log: Path, budget: int, tmp_path: Path, counter):
    optimizer = EnhancedTokenOptimizer(max_token_budget=budget, out=str(tmp_path / "d.md"), format="markdown")
    summary, path = optimizer.process_logs(str(log))
    written = Path(path).read_text(encoding="utf-8")
    assert summary["tokens"] == counter.count(written) <= budget


def test_failures_survive_a_tight_budget(tmp_path: Path):
    summary, _ = EnhancedTokenOptimizer(max_token_budget=300, out=str(tmp_path / "d.txt")).process_logs(
        str(FIXTURES / "pytest" / "failures.log"))
    for test in ("test_total_with_discount", "test_invoice_with_dashed_sku", "test_parse_amount[(5.00)-expected5]"):
        assert test in summary["digest"]


def test_a_small_budget_gives_the_figures_up_before_the_failures(tmp_path: Path):
    """At 100 tokens the input's figures and the error types would leave no room for a failure: they go."""
    from tokenopt import EnhancedTokenOptimizer

    log = str(FIXTURES / "pytest" / "failures.log")
    summary = EnhancedTokenOptimizer(max_token_budget=100, index="", out=str(tmp_path / "d.txt")).process_logs(log)[0]
    assert summary["tokens"] <= 100
    assert "FAILED tests/test_invoice.py::test_total_with_discount" in summary["digest"]
    assert "By type" not in summary["digest"] and "Left out:" in summary["digest"]
