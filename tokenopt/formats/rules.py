"""The generic rules: which line starts which event, at which priority, and how its block continues.

Each rule is data, so a recognizer for one tool family can add its own without touching the engine.
Order matters: the first matching rule wins, so specific shapes come before the keyword fallbacks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Priority

C, H, M, L, V = Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM, Priority.LOW, Priority.VERBOSE

# How a block started by a rule goes on:
#   ""         a single line
#   "indent"   indented or blank lines (and the rule's own ``more`` shapes) belong to it
#   "trace"    like indent, and the first unindented line is its last (a Python exception line)
#   "section"  everything until a section boundary or another block starts
#   "gutter"   only lines of the rule's own ``more`` shape (rustc's ``-->`` and ``|`` gutter)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: Priority
    kind: str
    block: str = ""
    more: re.Pattern[str] | None = None


def _r(name: str, regex: str, priority: Priority, kind: str, block: str = "", more: str = "") -> Rule:
    return Rule(name, re.compile(regex), priority, kind, block, re.compile(more) if more else None)


_JAVA_MORE = r"^(?:Caused by: |Suppressed: |\s*\.\.\. \d+ (?:more|common frames omitted))"
_RUST_GUTTER = r"^\s*(?:-->|\d*\s*\||= |\.\.\.$)"
_NOTE_MORE = r"^\S+:\d+(?::\d+)?: note: |^In file included from |^\s+from "

RULES: tuple[Rule, ...] = (
    # Test failures: critical, with the block that explains them.
    _r("pytest-section", r"^_{3,} (?P<test>(?:ERROR (?:at \w+ of |collecting ))?\S.*?) _{3,}$", C, "failed_test",
       "section"),
    _r("pytest-summary", r"^(?:FAILED|ERROR) (?P<test>\S+?)(?: - (?P<msg>.*))?$", C, "failed_test"),
    _r("pytest-verbose", r"^(?P<test>\S+::\S+) (?:FAILED|ERROR)\b", C, "failed_test"),
    _r("jest-failure", r"^\s*● (?!Console\b)(?P<test>.+)$", C, "failed_test", "indent"),
    _r("cargo-section", r"^---- (?P<test>\S+) stdout ----$", C, "failed_test", "section"),
    _r("cargo-verbose", r"^test (?P<test>\S+) \.\.\. FAILED$", C, "failed_test"),
    _r("tree-failure", r"^[\s│├└─]*(?P<test>\S.*?)\(\)? (?:✘|✕|×) ?(?P<msg>.*)$", C, "failed_test"),
    _r("go-failure", r"^\s*--- FAIL: (?P<test>\S+)", C, "failed_test", "indent"),
    _r("junit-failure", r"^(?:\[ERROR\] )?(?P<test>[\w$.]+(?:\([\w$.]+\))?)\s+Time elapsed: .*<<< (?:FAILURE|ERROR)!",
       C, "failed_test", "indent", _JAVA_MORE),
    _r("unittest-failure", r"^(?:FAIL|ERROR): (?P<test>\w+ \([\w.]+\))", C, "failed_test", "section"),
    # Crashes and fatal errors.
    _r("python-traceback", r"^\s*Traceback \(most recent call last\):", C, "exception", "trace"),
    _r("java-exception",
       r"^(?:Exception in thread \"[^\"]*\" )?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b(?::.*)?$",
       C, "exception", "indent", _JAVA_MORE),
    _r("go-panic", r"^panic: ", C, "crash", "indent", r"^goroutine \d+ |^\S+\(.*\)$|^created by "),
    _r("compiler-error", r"^(?P<loc>[^\s:][^:]*:\d+(?::\d+)?): (?:fatal )?error: ", C, "compile_error", "indent",
       _NOTE_MORE),
    _r("rustc-error", r"^error(?:\[E\d{4}\])?: (?!aborting|could not compile|test failed)", C, "compile_error",
       "gutter", _RUST_GUTTER),
    _r("tsc-error", r"^(?P<loc>\S+\(\d+,\d+\)): error TS\d+: ", C, "compile_error", "indent"),
    _r("fatal", r"\b(?:FATAL|CRITICAL|PANIC)\b|Segmentation fault|core dumped|\bOOMKilled\b|Out of memory", C,
       "fatal"),
    # Summaries and error types: high.
    _r("pytest-result", r"^=+ .*\b(?:failed|passed|errors?|no tests ran)\b.*=+$", H, "summary"),
    _r("jest-result", r"^(?:Tests|Test Suites|Snapshots):\s+\d", H, "summary"),
    _r("cargo-result", r"^test result: ", H, "summary"),
    _r("junit-result", r"^(?:\[\w+\] )?Tests run: \d+, Failures: \d+", H, "summary"),
    _r("go-result", r"^(?:FAIL|ok)\s+\S+\s+(?:[\d.]+s|\(cached\))|^FAIL$", H, "summary"),
    _r("build-result",
       r"BUILD (?:FAILURE|FAILED)|^make(?:\[\d+\])?: \*\*\* |^npm ERR! |Process completed with exit code [1-9]",
       H, "summary"),
    _r("failed-suite", r"^\s?FAIL\s+\S+", H, "failed_suite"),
    _r("runner-error", r"^(?:##\[error\]|::error\b)", H, "error"),
    _r("warning-located", r"^(?P<loc>[^\s:][^:]*:\d+(?::\d+)?): warning: ", M, "warning", "indent", _NOTE_MORE),
    _r("rustc-warning", r"^warning: (?!\d+ warnings? emitted|`)", M, "warning", "gutter", _RUST_GUTTER),
    _r("runner-warning", r"^(?:##\[warning\]|::warning\b)", M, "warning"),
    _r("error-word", r"(?<![\w./-])(?:[A-Z]\w*(?:Error|Exception)|ERROR|[Ee]rror)(?![\w/.-])", H, "error"),
    _r("warning-word", r"(?i)(?<![\w./-])(?:warn(?:ing)?s?|\w*Warning)(?![\w/.-])", M, "warning"),
    _r("debug", r"(?:^##\[debug\]|^::debug::|\b(?:DEBUG|TRACE)\b)", V, "debug"),
)

# Lines that end a "section" block without starting one.
SECTION_END = re.compile(r"^(?:={3,}|_{3,} |-{3,} (?:Captured log|generated xml))|^failures:$|^test result: |^-{40,}$")

# Lines that end an indented block even though they are indented (jest prints " PASS  file").
INDENT_END = re.compile(r"^\s?(?:PASS|FAIL)\s+\S|^\s*(?:Test Suites|Tests|Snapshots|Time):\s")

# A cheap first look: a line none of the rules could match is plain info. It names what every rule
# needs (a keyword, a banner, a marker), so most lines of a CI log skip the rule loop entirely. The
# words are searched in the lower-cased line: several times faster than a case-insensitive regex.
_SIGNAL_WORDS = re.compile(
    r"error|fail|warn|exception|panic|fatal|critical|debug|trace|segmentation|core dumped|out of memory|"
    r"oomkilled|●|✘|✕|×|build |exit code|time elapsed|npm err"
)
_SIGNAL_START = re.compile(r"\s*-{3}|_{3}|={3}|[Tt]ests?(?: [Ss]uites| result)?:|Snapshots:|##\[|::|ok\s|make")


def is_signal(text: str) -> bool:
    return bool(_SIGNAL_WORDS.search(text.lower()) or _SIGNAL_START.match(text))


def any_of(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One regex matching where any of ``rules`` would: a single search instead of one per rule."""
    plain = [re.sub(r"\(\?P<\w+>", "(?:", rule.pattern.pattern) for rule in rules]
    return re.compile("|".join(f"(?:{p})" for p in plain))
