"""What no tool family claims: keyword fallbacks for errors, warnings, fatal crashes and debug noise."""
from __future__ import annotations

from .rules import C, Family, H, M, V, rule

GENERIC = Family(
    "generic",
    (
        # Hand-rolled test harnesses (C, shell): "tests/t.c:25: check failed: …", "hash: FAIL (1 failed checks)".
        rule("located-failure", r"^(?P<loc>[^\s:]+:\d+): .*\b(?:[Ff]ail(?:ed|ure)?|FAIL(?:ED)?|[Aa]ssert(?:ion)?)\b", C,
             "failed_check"),
        rule("named-failure", r"^(?P<label>(?P<test>[\w./-]+):? (?:FAIL|FAILED)\b.*)$", C, "failed_test"),
        rule("fatal", r"\b(?:FATAL|CRITICAL|PANIC)\b|Segmentation fault|core dumped|\bOOMKilled\b|Out of memory|"
             r"Killed\s+\S+|timed? ?out after", C, "fatal"),
        rule("error-word", r"(?<![\w./-])(?:[A-Z]\w*(?:Error|Exception)|ERROR|[Ee]rror)(?![\w/.-])", H, "error"),
        rule("warning-word", r"(?i)(?<![\w./-])(?:warn(?:ing)?s?|\w*Warning)(?![\w/.-])", M, "warning"),
        rule("debug", r"\b(?:DEBUG|TRACE)\b", V, "debug"),
    ),
    signals=("error", "fail", "warn", "exception", "panic", "fatal", "critical", "debug", "trace", "segmentation",
             "core dumped", "out of memory", "oomkilled", "killed", "timed out", "time out"),
    starts=r"\s*-{3}|_{3}|={3}",
)
