"""Erlang and Elixir: common_test (``suite:case failed on line N`` with its ``Reason:``), EUnit
(``module: test...*failed*`` with its call chain and ``**error:``) and Elixir's uncaught ``** (Error) …``."""
from __future__ import annotations

from .rules import C, Family, H, L, rule

ERLANG = Family(
    "erlang",
    (
        rule("ct-failure", r"^(?P<test>\w+:\w+) failed on line \d+$", C, "failed_test", "indent", r"^Reason: "),
        rule("ct-case-failed", r"\*\*\* FAILED test case \d+ of \d+ \*\*\*", L, "progress"),
        rule("ct-result", r"TEST COMPLETE, \d+ ok, [1-9]\d* failed", H, "summary"),
        rule("eunit-failure", r"^\s*(?P<test>\w+: \S+?)\.\.\.\*failed\*$", C, "failed_test", "gutter",
             r"^(?:in (?:function|call from) |\*\*\w+:|\s+\S)"),
        rule("eunit-result", r"^\s*Failed: [1-9]\d*\.\s+Skipped: \d+\.\s+Passed: \d+\.", H, "summary"),
        rule("elixir-exception", r"^\s*\*\* \((?:\w+\.)*\w+\) ", C, "exception", "indent"),
    ),
    signals=("failed on line", "failed test case", "test complete", "*failed*", "failed:", "** ("),
)
