"""Go: go test (plain and -json), panics with goroutine traces, go vet and build errors."""
from __future__ import annotations

import json
import re
from collections import OrderedDict

from ..reader import without_lone_surrogates
from .rules import C, Family, H, L, Rewriter, rule

_RUN = re.compile(r"^\s*=== RUN\s+(\S+)")
_TEST_MESSAGE = re.compile(r"^\s+\S+_test\.go:\d+: \S")
REMEMBERED_TESTS, MESSAGES_PER_TEST = 64, 3
_TRACE = r"^goroutine \d+ |^\S+\(.*\)$|^created by |^\[signal "

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
            return without_lone_surrogates(str(record.get("Output", "")).rstrip("\n"))
        if record["Action"] in _QUIET_ACTIONS:
            return ""
        return text

    return rewrite


class VerboseMessages:
    """``go test -v`` prints a test's messages before its ``--- FAIL`` line: keep the last few per running test,
    so the failure can show what went wrong (``x_test.go:12: got 1, want 2``) as printed."""

    def __init__(self) -> None:
        self.messages: OrderedDict[str, list[str]] = OrderedDict()
        self.running = ""

    def see(self, text: str) -> None:
        head = text.lstrip()[:8]  # every line passes here: a string test first, a regex only when it may match
        if head == "=== RUN ":
            started = _RUN.match(text)
            if started:
                self.running = started.group(1)
                self.messages[self.running] = []
                while len(self.messages) > REMEMBERED_TESTS:
                    self.messages.popitem(last=False)
        elif self.running and text[:1] in " \t" and _TEST_MESSAGE.match(text):
            kept = self.messages.setdefault(self.running, [])
            if len(kept) < MESSAGES_PER_TEST:
                kept.append(text.strip())

    def take(self, test_id: str) -> list[str]:
        return self.messages.pop(test_id, [])


GO = Family(
    "go",
    (
        # A test that panics: the panic and its goroutine trace belong to the failure printed above them.
        rule("go-failure", r"^\s*(?P<label>--- FAIL: (?P<test>\S+)(?: \([\d.]+s\))?)", C,
             "failed_test", "indent", r"^panic: |" + _TRACE),
        rule("go-panic", r"^panic: ", C, "crash", "indent", _TRACE),
        rule("go-diagnostic", r"^(?P<loc>(?:\./)?[\w.@~+\-/]+\.go:\d+(?::\d+)?): (?!\s)", C, "compile_error"),
        # go's bare "FAIL" line only repeats the package line that follows it: context.
        rule("go-result", r"^(?:FAIL|ok)\s+\S+\s+(?:[\d.]+s|\(cached\)|\[build failed\]|\[setup failed\])", H,
             "summary"),
        rule("go-bare-fail", r"^FAIL$", L, "summary"),
    ),
    signals=("fail", "panic", ".go:"),
    starts=r"(?:FAIL|ok)\s|\{\"(?:Time|Action)\"",
    rewriter=json_rewriter,
    rewriter_quotes=True,
    carry=VerboseMessages,
)
