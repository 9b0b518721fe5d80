"""How much of the budget the failing steps' last lines get: the layout that quotes the most evidence.

The digest's usual layout names every failure and explains the worst ones, with the end of the failing step at
a floor share of the budget. When a job says everything at its end (a test runner's failure list and summary,
a compiler's last errors), that end quoted at length holds more than the one-line forms do: a plain ``tail``
would beat the digest. So the digest is planned at a few tail shares and the one whose quoted lines carry the
most evidence wins; a larger share must win clearly. Evidence is judged line by line, the same way for every
tool: a failure line, an error line, a CI verdict, a line with compared values or a ``file:line``. Where a
recognizer gave the failures their structure (a test id, its assertion, its place), the usual layout stands.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .budget import TAIL_SHARE, Fitted, Tail, TokenBudgetManager
from .finder import FAILURE, FINDER_KINDS, assess
from .formats.details import tidy
from .model import Pattern, Priority

TAIL_SHARES = (TAIL_SHARE, 0.5, 0.85)  # the floor share first, then more of the end
MARGIN = 1.1  # a larger share is chosen only when it quotes this much more evidence
SHORTENED = " …"  # how a one-line form ends when it was cut short
# Lines that carry a fact without a failure word: compared values, an assertion, a place in the code.
_EXPLAINS = re.compile(r"(?i)^\s*(?:[-+]?\s*expected\b|actual\b|got\b|want\b|received\b|assert)"
                       r"|[\w./\\-]+\.[A-Za-z]{1,5}:\d+|\bline \d+\b")


def best_layout(manager: TokenBudgetManager, patterns: list[Pattern], draw: Callable[..., str],
                tails: list[Tail]) -> Fitted:
    """The fitted digest at the tail share whose quoted lines carry the most evidence, among those that name
    every failure the floor share names (a failure is never given up for a longer tail)."""
    best = manager.fit(patterns, draw, [replace(tail) for tail in tails], TAIL_SHARES[0])
    if not tails or any(p.priority == Priority.CRITICAL and p.event.kind not in FINDER_KINDS for p in patterns):
        return best  # a recognizer gave the failures their structure: the usual layout shows it
    best_score, named = evidence(best), _failures(best)
    for share in TAIL_SHARES[1:]:
        fitted = manager.fit(patterns, draw, [replace(tail) for tail in tails], share)
        score = evidence(fitted)
        if score > best_score * MARGIN and named <= _failures(fitted):
            best, best_score = fitted, score
    return best


def _failures(fitted: Fitted) -> set[int]:
    return {id(item.pattern) for item in fitted.items if item.pattern.priority == Priority.CRITICAL}


def evidence(fitted: Fitted) -> float:
    """The evidence in the log lines a fitted digest quotes, each distinct line once."""
    quoted: dict[str, float] = {}
    for item in fitted.items:
        message = item.message
        whole = 1.0 if not message.endswith(SHORTENED) else 0.5
        for line, share in ((message.removesuffix(SHORTENED), whole), *((d, 1.0) for d in item.detail),
                            *((e, 1.0) for e in item.excerpt)):
            _add(quoted, line, share)
    for tail in fitted.tails:
        for line in tail.text:
            _add(quoted, line, 1.0)
    return sum(quoted.values())


def _add(quoted: dict[str, float], line: str, share: float) -> None:
    text = tidy(line)
    if text:
        quoted[text] = max(quoted.get(text, 0.0), share * _weight(text))


def _weight(text: str) -> float:
    finding = assess(text)
    if finding is not None and finding.priority >= Priority.HIGH and not finding.weak:
        return 3.0 if finding == FAILURE else 2.0
    return 1.0 if _EXPLAINS.search(text) else 0.0
