"""The format-agnostic failure finder: works on any log, with or without a recognizer for its tool.

A line that carries a failure word (error, fail, fatal, exception, panic, abort, timed out, segfault,
killed, a non-zero exit status, ``not ok``, ✕ ✗ ✘ ×, ``*** FAILED ***``) starts a block; the two lines
before it and the lines that go on after it (indented, another failure line, a short trailing context)
belong to it, as ``grep -C2`` would show them. Success-shaped lines are vetoed: zero counts
(``Failures: 0``, ``0 failed``), passing tests whose names hold the word (``✓ handles error``,
``test_error PASSED``), flags and paths (``--fail-fast``, ``-Werror``, ``errors.go``), quoted source
lines. Warning-level lines are warnings, debug-level lines are debug. Recognizers refine what they
know; this finder sees whatever they leave, so nothing depends on a recognizer to get in.
"""
from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from .formats.details import FoldedLines
from .locations import find_location
from .model import Event, Line, Pattern, Priority
from .steps import Framing, is_verdict

BEFORE_LINES = 2  # context shown before a failure line, as grep -C2
AFTER_LINES = 2  # trailing context after the last failure line of a block
MAX_BLOCK_LINES = 60
CLOSING_LINES = 30  # the last lines of the failing step (or of the log): where jobs say why they failed

# The quick gate, on the lower-cased line: any of these may make it a failure, warning or debug line.
GATE = re.compile(r"err|fail|fatal|exception|panic|abort|timed out|time out|segfault|segmentation|killed"
                  r"|core dumped|exit|not ok|[✕✗✘×]|traceback|assert|warn|deprecat|debug|trace"
                  r"|cannot|can't|could not|couldn't|unable to|no such file|command not found|permission denied"
                  r"|connection refused")
_B, _E = r"(?<![-\w/.])", r"(?![-\w/]|\.\w)"  # a word, not part of a flag, an identifier or a path
# What a tool that cannot go on could not do ("cannot stat", "Can't locate", "could not connect"): the verb
# tells an error from prose ("so it can't be abused").
_SYSTEM_VERBS = (r"(?:stat|access|open|create|find|locate|read|write|remove|delete|allocate|execute|run|connect"
                 r"|load|resolve|fetch|download|install|import|parse|bind|mount|start|determine|get|set)")
_CRITICAL = re.compile(
    rf"{_B}(?:FAIL(?:ED|URE)?|FATAL|PANIC|ABORT(?:ED)?){_E}|{_B}(?i:fatal|panic(?:ked)?|abort(?:ed|ing)?){_E}"
    rf"|(?i:segmentation fault|segfault|core dumped|timed out|stack overflow)|{_B}Killed{_E}"
    r"|^\s*(?i:not ok)\b|^\s*× |(?:^|\s)[✕✗✘](?:\s|$)|\*\*\* ?FAILED ?\*\*\*|^\s*Traceback \(most recent call last\)")
_HIGH = re.compile(
    rf"{_B}(?i:errors?|err!|fail(?:s|ed|ure|ures|ing)?|exceptions?|assert(?:ion)?(?:error)?){_E}"
    r"|^(?:[\w$]+\.)*[A-Z]\w*(?:Error|Exception)\b"  # a line that starts with an exception class
    r"|(?i:\bexit(?:ed)?(?: with)?(?: code| status)?:? '?[1-9]\d*\b)|(?i:\breturned non-zero|non-zero exit)"
    # what shells and system tools say when a step cannot go on ("cp: cannot stat …", "make: cc: Command not found")
    rf"|(?i:\b(?:cannot|can't|could not|couldn't|unable to) {_SYSTEM_VERBS}\b|no such file or directory"
    r"|command not found|permission denied|connection refused)")
# An error class named somewhere in a line: an exception chained, or just code that mentions one
# ("class StorageException extends RuntimeException {"); weak evidence on its own.
_CLASS_NAME = re.compile(r"\w(?:Error|Exception)\b")
_WARNING = re.compile(rf"{_B}(?i:warn(?:ing)?s?|deprecat(?:ed|ion))(?![\w/])|\w+Warning\b")
_DEBUG = re.compile(r"(?:^|[\s\[|<(])(?:DEBUG|TRACE)(?:$|[\s\]|:>)])|\[(?:debug|trace)\]|\blevel=(?:debug|trace)\b")
# What makes a line with a failure word a success: zero counts and passing-test markers.
_COUNTED = r"(?:failures?|errors?|failed|failing|broken|fatal|aborted|crash(?:ed|es)?|panic(?:ked|s)?)"
_ZERO_COUNT = re.compile(rf"(?i)\b{_COUNTED}\s*[:=]\s*0\b|\b0\s+(?:[a-z]+\s+){{0,2}}{_COUNTED}\b"
                         rf"|\bno (?:\w+ )?(?:errors?|failures?|problems?)\b|\b(?:expected|known) failures?\b"
                         r"|\bfailures?\b[^.]{0,40}\b(?:are|is|were) expected\b")
_PASSED = re.compile(r"^\s*(?:[✓✔√]|ok\b|PASS(?:ED)?\b|\[\s*(?:PASS(?:ED)?|OK)\s*\])|\bPASSED\b|\.\.\. ok$"
                     r"|\bpassed$")
# A heading made of decoration around words ("=== FAILURES ===", "--- warnings summary ---") names a section.
_BANNER = re.compile(r"^\s*([=\-_*#~])\1{2,}\s*[A-Za-z][A-Za-z ]*[A-Za-z]\s*\1{3,}\s*$")
# A heading that introduces a list ("Failures:", "Failed examples:", "Errors:"): it names a section of the
# report, it is not an error of its own (what it lists is).
_LIST_HEADING = re.compile(r"(?i)^\s*(?:[a-z][\w-]*\s){0,2}(?:failures|errors|failed|failing|examples|tests|specs"
                           r"|cases|scenarios|problems)\s*:\s*$")
_SOURCE = re.compile(r"^\s*\d*\s*\|(?:\s|$)|^\s*-->|^\s*[~^]+\s*$")  # a quoted source line or its gutter
# Lines that go on explaining the failure above them: indented, a frame, a gutter, a note or a hint.
_EXCEPTION_LINE = re.compile(r"^(?:[\w$]+\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt)\b")
_TRACE_START = re.compile(r"^\s*Traceback \(most recent call last\)")
_CONTINUES = re.compile(r"^\s+\S|^\s*(?:at |Caused by|\.\.\. \d+ more|[|^~=]|-->)"
                        r"|^\s*(?i:help|note|hint|suggestion|reason|details?|expected|actual|got|want)\b")


@dataclass(frozen=True)
class Finding:
    priority: Priority
    kind: str
    weak: bool = False  # only an error class named in passing: it explains a block, it does not start one


FAILURE = Finding(Priority.CRITICAL, "failure")
ERROR = Finding(Priority.HIGH, "error")
MENTION = Finding(Priority.HIGH, "error", weak=True)
VERDICT = Finding(Priority.HIGH, "verdict")
HEADING = Finding(Priority.HIGH, "banner")
WARNING = Finding(Priority.MEDIUM, "warning")
DEBUG = Finding(Priority.VERBOSE, "debug")
FINDER_KINDS = frozenset({FAILURE.kind, ERROR.kind, WARNING.kind})  # what no recognizer gave a structure


def assess(text: str, low: str | None = None) -> Finding | None:
    """What a line says on its own: a failure, an error, a CI verdict, a warning, debug, or nothing."""
    if not GATE.search(low if low is not None else text.lower()):
        return None
    if is_verdict(text):
        return VERDICT
    if _SOURCE.match(text) or _BANNER.match(text):
        return None
    if _LIST_HEADING.match(text):
        return HEADING
    if _ZERO_COUNT.search(text):
        text = _ZERO_COUNT.sub("", text)
    critical = _CRITICAL.search(text)
    high = critical or _HIGH.search(text)
    warning = _WARNING.search(text)
    if high and _PASSED.search(text) and not _strong_failure(text):
        return None
    if warning and (not high or warning.start() < high.start()) and not critical:
        return WARNING
    if critical:
        return FAILURE
    if high:
        return ERROR
    if _CLASS_NAME.search(text) and not _PASSED.search(text):
        return WARNING if warning else MENTION
    return DEBUG if _DEBUG.search(text) else None


def _strong_failure(text: str) -> bool:
    """A failure marker that outweighs a pass marker on the same line (``not ok``, ``*** FAILED ***``)."""
    return bool(re.search(r"^\s*not ok\b|\*\*\* ?FAILED|\bFAILED\b(?!.*\bPASSED\b)", text))


@dataclass
class _Block:
    """Failure lines with their context, becoming one event when it ends."""

    lines: list[Line]
    headline: int  # index in ``lines`` of the strongest failure line
    finding: Finding
    step: str
    failures: list[int] = field(default_factory=list)  # indices of every failure line
    since_failure: int = 0

    def add(self, line: Line, finding: Finding | None) -> None:
        self.lines.append(line)
        if finding is None:
            self.since_failure += 1
            return
        self.since_failure = 0
        if finding.priority >= Priority.HIGH:
            self.failures.append(len(self.lines) - 1)
        # an indented line explains the failure above it (quoted code, a frame): it never takes the lead
        if finding.priority > self.finding.priority and not _indented(line.text) and not finding.weak:
            self.finding, self.headline = finding, len(self.lines) - 1
        elif _TRACE_START.match(self.lines[self.headline].text) and _EXCEPTION_LINE.match(line.text):
            self.headline = len(self.lines) - 1  # the exception a traceback ends with says what it was


class FailureFinder:
    """Stateful over a stream: ``see`` the lines no recognizer claimed, in order; blocks come out as events."""

    def __init__(self) -> None:
        self.block: _Block | None = None
        self.before: deque[Line] = deque(maxlen=BEFORE_LINES)
        self.last_was_failure = False  # the last line seen was a failure or error line (not a verdict)

    def see(self, line: Line, step: str = "", low: str | None = None) -> tuple[list[Event], bool]:
        """Events finished by this line, and whether the line is the finder's (in a block or an event of its
        own) rather than plain context."""
        finding = assess(line.text, low) if line.text.strip() else None
        self.last_was_failure = finding is not None and finding.priority >= Priority.HIGH and finding is not VERDICT
        if finding is VERDICT or finding is DEBUG:
            return [*self.interrupt(), _single(line, finding, step)], True
        if self.block is not None and self._continues(self.block, line, finding):
            self.block.add(line, finding)
            return [], True
        closed = self.interrupt() if self.block is not None else []
        if finding is not None and finding.weak and _indented(line.text):
            finding = None  # quoted code that names an error class, outside any failure: context
        if finding is None:
            if line.text.strip():
                self.before.append(line)
            return closed, False
        failures = [len(self.before)] if finding.priority >= Priority.HIGH else []
        self.block = _Block([*self.before, line], len(self.before), finding, step, failures)
        self.before.clear()
        return closed, True

    def interrupt(self) -> list[Event]:
        """Another event starts here (a recognizer's, a step boundary): the open block ends before it."""
        self.before.clear()
        if self.block is None:
            return []
        block, self.block = self.block, None
        return [_event(block)]

    finish = interrupt

    @staticmethod
    def _continues(block: _Block, line: Line, finding: Finding | None) -> bool:
        if len(block.lines) >= MAX_BLOCK_LINES:
            return False
        if not line.text.strip():  # one blank line may sit between a failure and its list ("  - pkg=1.0")
            return bool(block.lines[-1].text.strip()) and block.since_failure < AFTER_LINES
        if finding is not None and not finding.weak and not _indented(line.text):
            # a failure line of its own (the next "FAILED x", "make: *** …"), unless it closes the stack above it
            return bool(_EXCEPTION_LINE.match(line.text)) and _indented(block.lines[-1].text)
        if _PASSED.search(line.text):
            return False  # a passing test is no failure's context
        return bool(_CONTINUES.match(line.text)) or block.since_failure < AFTER_LINES



def _indented(text: str) -> bool:
    return text.startswith(("  ", "\t"))


def _single(line: Line, finding: Finding, step: str) -> Event:
    return Event(finding.priority, finding.kind, line.text.strip(), line.source, line.number, step=step)


def _event(block: _Block) -> Event:
    """A block as an event: its strongest failure line is the message; the lines around it (what grep -C2
    shows) and its other failure lines explain it."""
    while len(block.lines) > block.headline + 1 and not block.lines[-1].text.strip():
        block.lines.pop()
    h = block.headline
    head = block.lines[h]
    around = [line for line in [*block.lines[max(0, h - BEFORE_LINES):h], *block.lines[h + 1:h + 1 + AFTER_LINES]]
              if not _PASSED.search(line.text)]  # a passing test beside a failure explains nothing of it
    others = [block.lines[i] for i in block.failures if i != h and not h - BEFORE_LINES <= i <= h + AFTER_LINES]
    detail = tuple(dict.fromkeys(line.text.strip() for line in [*around, *others[:2]] if line.text.strip()))
    excerpt = _folded(line.text for line in block.lines) if len(block.lines) > 1 + len(detail) else ()
    # a heading's block lists several failures: a place in it is one of theirs, not the heading's
    location = "" if block.finding == HEADING else find_location([line.text for line in block.lines[h:]])
    return Event(block.finding.priority, block.finding.kind, head.text.strip(), head.source, head.number,
                 location=location, excerpt=excerpt, detail=detail, step=block.step)


def _folded(texts: Iterable[str]) -> tuple[str, ...]:
    folded = FoldedLines(MAX_BLOCK_LINES, MAX_BLOCK_LINES)
    for text in texts:
        folded.add(text)
    return tuple(folded.lines()[0])


def failure_lines(lines: Iterable[str]) -> list[str]:
    """The lines of ``lines`` the finder would call failures or errors (for tests and benchmarks)."""
    return [text for text in lines if (f := assess(text)) is not None and f.priority >= Priority.HIGH]


def rank(patterns: list[Pattern], framings: list[Framing]) -> None:
    """Set each pattern's rank within its priority, never by frequency alone: where it stands (in the failing
    step, among its closing lines, the first error there), then how rare it is (a line seen once beats one
    seen 3,000 times)."""
    by_source = {framing.source: framing for framing in framings}
    first_seen: set[str] = set()  # inputs whose first error in the failing step was found
    for pattern in sorted(patterns, key=lambda p: p.order):
        event = pattern.event
        score = -math.log10(pattern.count)
        framing = by_source.get(event.source)
        if framing is not None:
            last = _line_of(pattern.last, event.line)
            failing = framing.failing
            if failing is not None and failing.first <= event.line <= failing.last:
                score += 2 + (last >= failing.last - CLOSING_LINES)
                if event.priority >= Priority.HIGH and event.source not in first_seen:
                    first_seen.add(event.source)
                    score += 1  # the first error of a cascade
            elif failing is None and last >= framing.lines - CLOSING_LINES:
                score += 1
        pattern.rank = score


def _line_of(where: str, default: int) -> int:
    number = where.rpartition(":")[2]
    return int(number) if number.isdigit() else default
