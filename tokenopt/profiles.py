"""test_logs / error_logs / info_logs: what each keeps, and which one a log is, from a bounded sample."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import UsageError
from .model import Line, Priority

SAMPLE_LINES = 2_000


@dataclass(frozen=True)
class Profile:
    """How a kind of log is digested.

    ``shown`` are the priorities the digest may show; ``mine_templates`` folds lines by mined template (an
    application log has no tool format to key on). No profile ranks by frequency: everywhere the lines that
    explain a failure are the rare ones and those near the end of the failing step.
    """

    name: str
    description: str
    shown: frozenset[Priority]
    mine_templates: bool


PROFILES = {
    "test_logs": Profile("test_logs", "test runs and builds: failures first, debug dropped",
                         frozenset(Priority) - {Priority.VERBOSE}, mine_templates=False),
    "error_logs": Profile("error_logs", "application logs with errors: error patterns with counts",
                          frozenset(Priority), mine_templates=True),
    "info_logs": Profile("info_logs", "quiet application logs: the activity, folded into patterns",
                         frozenset(Priority), mine_templates=True),
}

_TEST_MARKERS = re.compile(
    r"test session starts|^collected \d+ items?|^running \d+ tests?$|^test result: |^=== RUN |^--- (?:PASS|FAIL)|"
    r"^(?:PASS|FAIL) \S|^Tests:\s+\d|^Test Suites:|Tests run: \d+, Failures|^\S+::\S+ (?:PASSED|FAILED)|"
    r"^Ran \d+ tests? in|: error TS\d+: |^\S+:\d+(?::\d+)?: (?:fatal )?error: |^error(?:\[E\d+\])?: |"
    r"^\[ERROR\] |BUILD FAIL|make(?:\[\d+\])?: \*\*\* |^##\[group\]|^\d+ (?:failed|passed)(?:, \d+ \w+)* in [\d.]+s|"
    r"^Test run finished after |^\{\"Time\":\"[^\"]*\",\"Action\":\"|"
    r"^# (?:tests|pass|fail) \d+|^ok \d+ |^not ok \d+ |^\s*✓|^\s*✕|^\s*\d+ passing\b"
)
_ERROR_MARKERS = re.compile(r"(?i)\b(?:error|exception|fatal|critical|fail(?:ed|ure)?|panic|traceback)\b")
ERROR_SHARE = 0.005


def get(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise UsageError(f"unknown profile '{name}'", f"use one of: auto, {', '.join(PROFILES)}") from None


def detect(sample: list[Line]) -> Profile:
    """The profile a log looks like, from its first lines: any test runner's shape wins, then the error share."""
    errors = 0
    for line in sample:
        if _TEST_MARKERS.search(line.text):
            return PROFILES["test_logs"]
        if _ERROR_MARKERS.search(line.text):
            errors += 1
    if sample and errors / len(sample) >= ERROR_SHARE:
        return PROFILES["error_logs"]
    return PROFILES["info_logs"]
