"""Lines in, events out. Every line goes to the CI step tracker; the recognizers' rules decide what they know
(a failed test with its section, a compiler error with its excerpt), and whatever no rule claims goes to the
format-agnostic failure finder, so a recognizer refines but never decides alone what may enter.

Events quote the log's own lines: a message is one line as printed, ``detail`` the lines that explain it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..finder import FailureFinder
from ..locations import find_location
from ..model import Event, Line, Priority
from ..steps import StepTracker, is_verdict
from .details import CHAIN, FoldedLines, canonical_test_id, find_detail, test_label, tidy
from .families import FAMILIES
from .rules import Carrier, Family, Rule, alternation, any_of, word_search

EXCERPT_HEAD, EXCERPT_TAIL = 40, 120  # tracebacks keep their start and their innermost frames

_LOGGED_BELOW_ERROR = re.compile(r"^(?:WARNING|WARN|INFO|FINE\w*): |\b(?:WARN|WARNING|INFO)\b")
_INDENTED = re.compile(r"^(?:\s|$)")
# A test that errored (setup, collection) rather than failed, as pytest and unittest print it: first in a
# summary or section line, last in a verbose progress line ("t.py::test_x ERROR   [ 71%]", "test_x ... ERROR").
_ERRORED_TEST = re.compile(r"^(?:_+ )?ERROR\b|^\S+::\S+ ERROR\b|\.\.\. ERROR$")


@dataclass
class _Block:
    rule: Rule
    start: Line
    header: str  # the start line as quoted
    test_id: str
    kind: str
    label: str
    step: str
    priority: Priority | None = None  # when the context says otherwise than the rule
    body: FoldedLines = field(default_factory=lambda: FoldedLines(EXCERPT_HEAD, EXCERPT_TAIL))
    closed_by_exception_line: bool = False
    blank_wait: int = 0


class Classifier:
    """Stateful over a stream: feed chunks of lines, collect events; call ``finish`` at the end."""

    def __init__(self, families: Iterable[Family] = FAMILIES, steps: StepTracker | None = None,
                 redact: Callable[[str], str] | None = None) -> None:
        families = tuple(families)
        self.rules = tuple(r for family in families for r in family.rules)
        # Searched in the lower-cased line: several times faster than a case-insensitive regex.
        self.signal_words = word_search([word for f in families for word in f.signals])
        self.signal_start = alternation([f.starts for f in families])
        self.section_end = alternation([f.section_end for f in families])
        self.indent_end = alternation([f.indent_end for f in families])
        self.rewriters = [(f.rewriter(), f.rewriter_quotes) for f in families if f.rewriter is not None]
        self.carriers: list[Carrier] = [f.carry() for f in families if f.carry is not None]
        self.block_start = any_of(tuple(r for r in self.rules if r.block))
        # A test failure line never hides inside another failure's section, however the log was cut.
        self.failure_line = any_of(tuple(r for r in self.rules if r.kind == "failed_test" and not r.block))
        self.failure_start = any_of(tuple(r for r in self.rules if r.kind == "failed_test" and r.block))
        self.steps = steps if steps is not None else StepTracker()
        self.finder = FailureFinder()
        self.redact = redact
        self.open: _Block | None = None
        self.previous = ""  # the last non-blank line: a logged exception follows its log line

    def feed(self, lines: Iterable[Line]) -> list[Event]:
        events: list[Event] = []
        for line in lines:
            self.steps.see(line)
            text, quote = self._rewrite(line.text)
            if self.open is not None:
                if self._continues(self.open, text):
                    self.open.body.add(text)
                    continue
                events.append(self._close())
            if text.strip():
                events += self._classify(line, text, quote)
                self.previous = text
        return events

    def finish(self) -> list[Event]:
        closed = [self._close()] if self.open is not None else []
        return closed + self.finder.finish()

    @property
    def busy(self) -> bool:
        """A block is open: the lines that come next may still belong to it."""
        return self.open is not None or self.finder.block is not None

    def gap(self) -> list[Event]:
        """Lines were skipped unread (bulk reading): whatever was open ends here, and nothing carries over it."""
        self.steps.gap()
        self.previous = ""
        return self.finish()

    def _rewrite(self, text: str) -> tuple[str, str]:
        """The text the rules read, and the text events quote: a lossless decoding (go test -json's output)
        is quoted; a reading aid (a JSON record as ``LEVEL message``, eslint's file put on each problem)
        is not."""
        quote = text
        for rewrite, quotes in self.rewriters:
            rewritten = rewrite(text)
            if rewritten is not text:
                if self.redact is not None:  # a decoded string may hold what its escaped form hid
                    rewritten = self.redact(rewritten)
                text = rewritten
                if quotes:
                    quote = rewritten
        for carrier in self.carriers:
            carrier.see(text)
        return text, quote

    def _classify(self, line: Line, text: str, quote: str) -> list[Event]:
        low = text.lower()
        step = self.steps.step
        # A CI system's verdict is the step tracker's and the finder's, whatever a recognizer would make of it.
        if self.rules and (self.signal_words.search(low) or self.signal_start.match(text)) and not is_verdict(text):
            for rule in self.rules:
                match = rule.pattern.search(text)
                if match is not None:
                    return self.finder.interrupt() + self._recognized(rule, match, line, text, quote, step)
        found, claimed = self.finder.see(Line(line.source, line.number, quote), step, low)
        if self.finder.last_was_failure:
            self.steps.failure_seen()
        if not claimed:
            found.append(Event(Priority.LOW, "info", tidy(quote), line.source, line.number))
        return found

    def _recognized(self, rule: Rule, match: re.Match[str], line: Line, text: str, quote: str,
                    step: str) -> list[Event]:
        test_id, label = _test_names(match)
        kind = "test_error" if test_id and _ERRORED_TEST.match(text) else rule.kind
        if rule.priority >= Priority.HIGH and kind not in ("summary", "banner"):
            self.steps.failure_seen()
        if rule.block:
            self.open = _Block(rule, line, tidy(quote), test_id, kind, label, step)
            if rule.kind == "exception" and _LOGGED_BELOW_ERROR.search(self.previous):
                self.open.priority = Priority.MEDIUM  # a handled exception a logger printed as a warning
            return []
        # Locating is costly; below critical it waits until a pattern is first stored (dedup).
        location = find_location([text]) if rule.priority == Priority.CRITICAL else ""
        return [Event(rule.priority, kind, tidy(quote), line.source, line.number, location=location,
                      test_id=test_id, test_label=label, detail=self._carried(test_id), step=step)]

    def _carried(self, test_id: str) -> tuple[str, ...]:
        """What a test printed before its failure line (go test -v's messages), when a family kept it."""
        if not test_id:
            return ()
        return tuple(text for carrier in self.carriers for text in carrier.take(test_id))

    def _continues(self, block: _Block, text: str) -> bool:
        if block.closed_by_exception_line:
            return self._chained(block, text)
        mode, more = block.rule.block, block.rule.more
        if more is not None and more.search(text):
            return True
        if mode == "section":  # a failure's section holds its tracebacks; the next failure or a banner ends it
            return not (self.section_end.search(text) or self.failure_line.search(text)
                        or self.failure_start.search(text))
        if mode == "gutter" or self.indent_end.search(text) or self.block_start.search(text):
            return False
        if _INDENTED.match(text):
            return True
        if mode == "trace" and block.body.total and text.strip():
            block.closed_by_exception_line = True  # this line is the block's last (the caller adds it)
            return True
        return False

    @staticmethod
    def _chained(block: _Block, text: str) -> bool:
        """After a traceback's exception line: a blank line may wait, a chaining sentence reopens the block."""
        if CHAIN.match(text):
            block.closed_by_exception_line = False
            return True
        if not text.strip() and block.blank_wait < 2:
            block.blank_wait += 1
            return True
        return False

    def _close(self) -> Event:
        block, self.open = self.open, None
        assert block is not None  # only called with an open block
        body, omitted = block.body.lines()
        header, detail = block.header, self._carried(block.test_id)
        if block.rule.needs_body and not body:  # the start line only looked like one ("SHA256 digest of …")
            return Event(Priority.LOW, "info", header, block.start.source, block.start.number, step=block.step)
        if block.rule.title_lines and block.test_id:  # mocha: "1) Suite" / "nested" / "test title:"
            title = next((n for n, text in enumerate(body[:6]) if text.rstrip().endswith(":")), -1)
            if title >= 0:
                titles = [text.strip() for text in body[:title + 1]]
                block.label = " ".join([block.label, *titles]).rstrip(":")
                # the suite alone names every failing test in it: the titles tell them apart
                block.test_id = " ".join([block.test_id, *titles]).rstrip(":")
                detail += tuple(titles)
                body = body[title + 1:]
        message = body[-1].strip() if block.rule.block == "trace" and body else header
        detail = tuple(d for d in dict.fromkeys(detail + find_detail(body)) if d and d not in message)
        # A traceback's first line says what follows; other headers are the message already.
        excerpt = (header, *body) if block.rule.block == "trace" else tuple(body)
        if all(line.strip() in message or line.strip() in detail for line in body):  # the lines say it all
            excerpt = ()
        return Event(block.priority or block.rule.priority, block.kind, message, block.start.source,
                     block.start.number, location=find_location([header, *body]), test_id=block.test_id,
                     test_label=block.label, excerpt=excerpt, detail=detail, omitted_lines=omitted,
                     step=block.step)


def _test_names(match: re.Match[str]) -> tuple[str, str]:
    """The test's grouping id and its label: "FAILED tests/a.py::t" or "FAIL: t (m.C.t)", as the tool says it."""
    raw = match.groupdict().get("test") or ""
    if not raw:
        return "", ""
    label = test_label(raw)
    if match.groupdict().get("label"):  # the failure line as the tool prints it: what people search for
        label = match.group("label").strip()
    return canonical_test_id(raw), label
