"""Go: go test (plain and -json), panics with goroutine traces, go vet and build errors."""
from __future__ import annotations

import json

from .rules import C, Family, H, L, Rewriter, rule

_QUIET_ACTIONS = frozenset({"run", "pass", "pause", "cont", "start", "skip", "bench"})


def json_rewriter() -> Rewriter:
    """``go test -json`` wraps every output line in a record: classify the line, not the record."""

    def rewrite(text: str) -> str:
        if not text.startswith('{"Time"') and not text.startswith('{"Action"'):
            return text
        try:
            record = json.loads(text)
        except ValueError:
            return text
        if not isinstance(record, dict) or "Action" not in record:
            return text
        if record["Action"] == "output":
            return str(record.get("Output", "")).rstrip("\n")
        if record["Action"] in _QUIET_ACTIONS:
            return ""
        return text

    return rewrite


GO = Family(
    "go",
    (
        rule("go-failure", r"^\s*(?P<label>--- FAIL: (?P<test>\S+)(?: \([\d.]+s\))?)", C, "failed_test", "indent"),
        rule("go-panic", r"^panic: ", C, "crash", "indent", r"^goroutine \d+ |^\S+\(.*\)$|^created by |^\[signal "),
        rule("go-diagnostic", r"^(?P<loc>(?:\./)?[\w.@~+\-/]+\.go:\d+(?::\d+)?): (?!\s)", C, "compile_error"),
        # go's bare "FAIL" line only repeats the package line that follows it: context.
        rule("go-result", r"^(?:FAIL|ok)\s+\S+\s+(?:[\d.]+s|\(cached\)|\[build failed\]|\[setup failed\])", H,
             "summary"),
        rule("go-bare-fail", r"^FAIL$", L, "summary"),
    ),
    signals=("fail", "panic", ".go:"),
    starts=r"(?:FAIL|ok)\s|\{\"(?:Time|Action)\"",
    rewriter=json_rewriter,
)
