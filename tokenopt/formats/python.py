"""Python: pytest, unittest and bare tracebacks (chained ones stay one event)."""
from __future__ import annotations

from .rules import C, Family, H, L, M, rule

# A chained traceback goes on after its exception line with one of these sentences, then a new "Traceback".
CHAIN_SENTENCE = (r"^(?:During handling of the above exception, another exception occurred:"
                  r"|The above exception was the direct cause of the following exception:)")
_CHAIN = rf"{CHAIN_SENTENCE}|^\s*Traceback \(most recent call last\):"

PYTHON = Family(
    "python",
    (
        rule("pytest-section", r"^_{3,} (?P<test>(?:ERROR (?:at \w+ of |collecting ))?\S.*?) _{3,}$", C,
             "failed_test", "section"),
        rule("pytest-banner", r"^=+ (?:warnings summary|short test summary info|FAILURES|ERRORS) =+$", L, "banner"),
        # The short summary's message may go on over indented lines (an assertion's "+  where …").
        rule("pytest-summary", r"^(?P<label>(?:FAILED|ERROR) (?P<test>\S+?))(?: - (?P<msg>.*))?$", C, "failed_test",
             "indent"),
        rule("pytest-verbose", r"^(?P<test>\S+::\S+) (?:FAILED|ERROR)\b", C, "failed_test"),
        rule("unittest-failure", r"^(?P<label>(?:FAIL|ERROR): (?P<test>\w+ \([\w.]+\)))", C, "failed_test", "section"),
        rule("unittest-verbose", r"^(?P<test>\w+ \([\w.]+\)) \.\.\. (?:FAIL|ERROR)$", C, "failed_test"),
        rule("python-traceback", r"^\s*Traceback \(most recent call last\):", C, "exception", "trace", _CHAIN),
        rule("pytest-result", r"^=+ .*\b(?:failed|passed|errors?|no tests ran)\b.*=+$"
             r"|^(?:\d+ (?:failed|passed|errors?|skipped|xfailed|xpassed|warnings?|deselected)(?:, )?)+ in [\d.]+s", H,
             "summary"),
        rule("pytest-interrupted", r"^(?:!+ )?Interrupted: \d+ errors? during collection", H, "summary"),
        rule("unittest-result", r"^FAILED \((?:failures|errors)=\d+|^Ran \d+ tests? in ", H, "summary"),
        rule("python-warning", r"^\s*(?P<loc>\S+\.py:\d+): (?P<w>\w*Warning): ", M, "warning", "indent"),
    ),
    signals=("error", "fail", "warning", "traceback"),
    starts=r"Ran \d+ tests? in |_{3}|={3}|\s*-{3}",
    section_end=r"^(?:={3,}|_{3,} |-{3,} (?:Captured log|generated xml))|^Ran \d+ tests? in ",
)
