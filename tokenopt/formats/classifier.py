"""Lines in, events out: the rules decide what starts an event, the block state machine what belongs to it."""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Event, Line, Priority
from .rules import INDENT_END, RULES, SECTION_END, Rule, any_of, is_signal

EXCERPT_HEAD, EXCERPT_TAIL = 40, 120  # tracebacks keep their start and their innermost frames

_LOCATION = re.compile(
    r"File \"(?P<pf>[^\"]+)\", line (?P<pl>\d+)"
    r"|(?P<p>(?:[A-Za-z]:)?[\w.@~+\-/\\]*[\w\-]\.[A-Za-z]{1,6})(?::(?P<l>\d+)(?::(?P<c>\d+))?|\((?P<tl>\d+),(?P<tc>\d+)\))"
)
_THIRD_PARTY = re.compile(r"site-packages|dist-packages|node_modules|/usr/lib/|<frozen |/rustc/|\.cargo/registry|"
                          r"/go/src/runtime|^java\.|^jdk\.|^sun\.|^org\.junit|^junit\.")
_DETAIL = re.compile(
    r"^E\s{2,}(?P<e>\S.*)|^(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)\b(?::.*)?$"
    r"|^\s*(?:expect\(|Expected|Received|assertion|AssertionError|TypeError|ReferenceError|Error:)"
    r"|panicked at|^\s*(?:left|right):|\berror(?:\[E\d+\])?:|^\s+\S+\.go:\d+: "
)
_INDENTED = re.compile(r"^(?:\s|$)")
_ERRORED_TEST = re.compile(r"^(?:_+ )?ERROR\b")
_PYTEST_ERROR_PREFIX = re.compile(r"^ERROR (?:collecting |at (?:setup|teardown) of )")
_DECORATION = re.compile(r"([=_\-~*#])\1{3,}")


@dataclass
class _Block:
    rule: Rule
    start: Line
    test_id: str
    kind: str
    head: list[str] = field(default_factory=list)
    tail: deque[str] = field(default_factory=lambda: deque(maxlen=EXCERPT_TAIL))
    total: int = 0
    closed_by_exception_line: bool = False

    def add(self, text: str) -> None:
        self.total += 1
        if len(self.head) < EXCERPT_HEAD:
            self.head.append(text)
        else:
            self.tail.append(text)

    def lines(self) -> tuple[list[str], int]:
        body = self.head + list(self.tail)
        while body and not body[-1].strip():
            body.pop()
        lead = 0
        while lead < len(body) and not body[lead].strip():
            lead += 1
        body, head_size = body[lead:], len(self.head) - lead
        omitted = self.total - len(self.head) - len(self.tail)
        if omitted:
            body.insert(head_size, f"… {omitted} lines omitted …")
        return body, omitted


class Classifier:
    """Stateful over a stream: feed chunks of lines, collect events; call ``finish`` at the end."""

    def __init__(self, rules: Iterable[Rule] = RULES) -> None:
        self.rules = tuple(rules)
        self.block_start = any_of(tuple(r for r in self.rules if r.block))
        # A test failure line never hides inside another failure's section, however the log was cut.
        self.failure_line = any_of(tuple(r for r in self.rules if r.kind == "failed_test" and not r.block))
        self.open: _Block | None = None
        self.step = ""

    def feed(self, lines: Iterable[Line]) -> list[Event]:
        events: list[Event] = []
        for line in lines:
            if self.open is not None:
                if self._continues(self.open, line.text):
                    self.open.add(line.text)
                    continue
                closed = self._close()
                closed.step = self.step
                events.append(closed)
            if line.text.startswith("##[group]"):
                self.step = line.text[9:].strip()
            for event in self._classify(line):
                if event.priority > Priority.LOW and self.step:
                    event.step = self.step
                    if event.message.startswith(("##[error]", "::error")):
                        event.message += f" (step: {self.step})"
                events.append(event)
        return events

    def finish(self) -> list[Event]:
        if self.open is None:
            return []
        event = self._close()
        event.step = event.step or self.step
        return [event]

    def _classify(self, line: Line) -> list[Event]:
        text = line.text
        if not text.strip():
            return []
        if not is_signal(text):
            return [Event(Priority.LOW, "info", tidy(text), line.source, line.number)]
        for rule in self.rules:
            match = rule.pattern.search(text)
            if match is None:
                continue
            groups = match.groupdict()
            test_id = canonical_test_id(groups.get("test") or "")
            kind = "test_error" if test_id and _ERRORED_TEST.match(text) else rule.kind
            if rule.block:
                self.open = _Block(rule, line, test_id, kind)
                return []
            message = text.strip()
            if groups.get("msg"):
                message = f"{groups['test']}: {groups['msg']}"
            # Locating is costly; below critical it waits until a pattern is first stored (dedup).
            location = find_location([text]) if rule.priority == Priority.CRITICAL else ""
            return [Event(rule.priority, kind, tidy(message), line.source, line.number,
                          location=location, test_id=test_id)]
        return [Event(Priority.LOW, "info", tidy(text), line.source, line.number)]

    def _continues(self, block: _Block, text: str) -> bool:
        if block.closed_by_exception_line:
            return False
        mode, more = block.rule.block, block.rule.more
        if more is not None and more.search(text):
            return True
        if mode == "gutter" or INDENT_END.search(text) or self.block_start.search(text):
            return False
        if mode == "section":
            return not (SECTION_END.search(text) or self.failure_line.search(text))
        if _INDENTED.match(text):
            return True
        if mode == "trace" and block.total and text.strip():
            block.closed_by_exception_line = True
            block.add(text)
            return True
        return False

    def _close(self) -> Event:
        block, self.open = self.open, None
        assert block is not None  # only called with an open block
        body, omitted = block.lines()
        header = block.start.text.strip()
        detail = find_detail(body)
        if block.test_id:
            message = f"{block.test_id}: {detail}" if detail else block.test_id
        elif block.rule.block == "trace" and body:
            message = body[-1].strip()
        else:
            message = header if not detail or detail in header else f"{header} — {detail}"
        # A traceback's first line says what follows; other headers are already in the message.
        excerpt = (header, *body) if block.rule.block == "trace" else tuple(body)
        return Event(block.rule.priority, block.kind, tidy(message), block.start.source, block.start.number,
                     location=find_location([header, *body]), test_id=block.test_id,
                     excerpt=excerpt, omitted_lines=omitted)


def tidy(text: str) -> str:
    """A message without its padding: banner runs like ``=====`` cost tokens and say nothing."""
    text = text.strip()
    return _DECORATION.sub(r"\1\1\1", text) if "===" in text or "___" in text or "---" in text else text


def canonical_test_id(raw: str) -> str:
    """One spelling per test, so a failure's section and its summary line fold together.

    ``tests/test_a.py::TestX::test_y[1]`` and pytest's section title ``TestX.test_y[1]`` both become
    the latter; other runners' ids are kept as written.
    """
    raw = _PYTEST_ERROR_PREFIX.sub("", raw.strip())
    if "::" in raw and ("/" in raw or raw.split("::", 1)[0].endswith(".py")):
        return raw.split("::", 1)[1].replace("::", ".")
    return raw


def find_detail(body: list[str]) -> str:
    """The line that best says what went wrong: an assertion, an exception, a panic message."""
    for text in body:
        match = _DETAIL.search(text)
        if match:
            return (match.group("e") or text).strip()
    return ""


def find_location(texts: list[str]) -> str:
    """The innermost ``file:line`` of the project's own code among ``texts`` (the last one; vendored code skipped).

    Scans from the end and stops at the first hit: the same answer as reading everything, at a
    fraction of the cost on long tracebacks.
    """
    for text in reversed(texts):
        if ":" not in text and "(" not in text and ", line " not in text:
            continue
        for match in reversed(list(_LOCATION.finditer(text))):
            path = match.group("pf") or match.group("p")
            number = match.group("pl") or match.group("l") or match.group("tl")
            if number and not _THIRD_PARTY.search(path):
                return f"{path}:{number}"
    return ""
