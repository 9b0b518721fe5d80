"""Lines in, events out: the rules decide what starts an event, the block state machine what belongs to it."""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Event, Line, Priority
from .families import FAMILIES
from .python import CHAIN_SENTENCE
from .rules import Family, Rule, alternation, any_of, word_search

EXCERPT_HEAD, EXCERPT_TAIL = 40, 120  # tracebacks keep their start and their innermost frames

_LOCATION = re.compile(
    r"File \"(?P<pf>[^\"]+)\", line (?P<pl>\d+)"
    r"|(?P<p>(?:(?<![A-Za-z])[A-Za-z]:)?[\w.@~+\-/\\]*[\w\-]\.[A-Za-z]{1,6})(?::(?P<l>\d+)(?::(?P<c>\d+))?|\((?P<tl>\d+),(?P<tc>\d+)\))"
)
_THIRD_PARTY = re.compile(r"site-packages|dist-packages|node_modules|/usr/lib/|<frozen |/rustc/|\.cargo/registry|"
                          r"/go/src/runtime|/usr/lib/go|/usr/local/go/|(?:^|[\s(/])(?:java|jdk|sun|javax|junit|kotlin)\."
                          r"|(?:^|[\s(/])org\.(?:junit|opentest4j|apache\.maven|gradle)\.|^node:|\(node:"
                          r"|libsanitizer|/sysdeps/|/csu/|/usr/include/|<anonymous>")
# Stack frames printed innermost first: JVM and JavaScript "at …", sanitizer "#0 0x… in …", Go's "\t/path.go:21".
_TOP_FIRST_FRAME = re.compile(r"\.(?:java|kt|scala|groovy):\d+\)|^\s+at \S.*:\d+(?::\d+)?\)?$"
                              r"|^\s*#\d+ 0x[0-9a-f]+ in |^\s+\S+\.go:\d+(?: \+0x[0-9a-f]+)?$")
# Where the stack that matters starts: the deepest cause, the panicking goroutine, the sanitizer's report.
_STACK_START = re.compile(r"^\s*(?:Caused by: |=> |Exception in thread )|^goroutine \d+ \[running\]|==\d+==ERROR")
_DETAIL = re.compile(
    r"^E\s{2,}(?P<e>\S.*)|^\s*=> (?P<j>\S.*)"
    r"|^(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)\b(?::.*)?$"
    r"|^\s*(?:expect\(|Expected|Received|assertion|AssertionError|TypeError|ReferenceError|Error:)"
    r"|panicked at|^panic: |^\s*(?:left|right):|\berror(?:\[E\d+\])?:|^\s+\S+\.go:\d+: "
)
# The values an assertion compared (jest's Expected/Received, Rust's left/right): a one-line failure needs them.
_COMPARED = re.compile(r"^\s*(?:Expected|Received|left|right)(?: (?:substring|message|value|length))?:\s+\S"
                       r"|^\s*[-+] {3}\S")  # jest's object diff: "-   \"count\": 6," / "+   \"count\": 2,"
_E_EXCEPTION = re.compile(r"^E\s+(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Warning)\b")
_RUST_THREAD = re.compile(r"^thread '[^']*'(?: \(\d+\))? ")
_YAML_ERROR = re.compile(r"^\s+error: (?:[|>][-+]?\s*$|(?P<q>['\"])(?P<v>.*)(?P=q)\s*$)")
_LOGGED_BELOW_ERROR = re.compile(r"^(?:WARNING|WARN|INFO|FINE\w*): |\b(?:WARN|WARNING|INFO)\b")
_ROOT_CAUSE = re.compile(r"^\s*Caused by: ")
_INDENTED = re.compile(r"^(?:\s|$)")
_ERRORED_TEST = re.compile(r"^(?:_+ )?ERROR\b")
_PYTEST_ERROR_PREFIX = re.compile(r"^ERROR (?:collecting |at (?:setup|teardown) of )")
_STATUS = re.compile(r"^(?:FAILED|FAIL|ERROR):? |^--- FAIL: |^JUnit (?:Jupiter|Vintage|Platform Suite):"
                     r"|^test (?=\S+ \.\.\. FAILED$)|(?: \.\.\. FAILED| \([\d.]+s\))$")
_DECORATION = re.compile(r"([=_\-~*#])\1{3,}")
_CHAIN_SENTENCE = re.compile(CHAIN_SENTENCE.replace("^", "^(?:E\\s+)?", 1))


@dataclass
class _Block:
    rule: Rule
    start: Line
    test_id: str
    kind: str
    label: str
    detail: str = ""  # what the header line itself says went wrong, if anything
    priority: Priority | None = None  # when the context says otherwise than the rule
    head: list[str] = field(default_factory=list)
    tail: deque[str] = field(default_factory=lambda: deque(maxlen=EXCERPT_TAIL))
    total: int = 0
    closed_by_exception_line: bool = False
    blank_wait: int = 0

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
            body.insert(head_size, f"… {omitted} line{'' if omitted == 1 else 's'} omitted …")
        return body, omitted


class Classifier:
    """Stateful over a stream: feed chunks of lines, collect events; call ``finish`` at the end."""

    def __init__(self, families: Iterable[Family] = FAMILIES) -> None:
        families = tuple(families)
        self.rules = tuple(r for family in families for r in family.rules)
        # Searched in the lower-cased line: several times faster than a case-insensitive regex.
        self.signal_words = word_search([word for f in families for word in f.signals])
        self.signal_start = alternation([f.starts for f in families])
        self.section_end = alternation([f.section_end for f in families])
        self.indent_end = alternation([f.indent_end for f in families])
        self.rewriters = [f.rewriter() for f in families if f.rewriter is not None]
        self.block_start = any_of(tuple(r for r in self.rules if r.block))
        # A test failure line never hides inside another failure's section, however the log was cut.
        self.failure_line = any_of(tuple(r for r in self.rules if r.kind == "failed_test" and not r.block))
        self.failure_start = any_of(tuple(r for r in self.rules if r.kind == "failed_test" and r.block))
        self.open: _Block | None = None
        self.step = ""
        self.previous = ""  # the last non-blank line: a logged exception follows its log line

    def feed(self, lines: Iterable[Line]) -> list[Event]:
        events: list[Event] = []
        for line in lines:
            for rewrite in self.rewriters:
                text = rewrite(line.text)
                if text is not line.text:
                    line = Line(line.source, line.number, text)
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
            if line.text.strip():
                self.previous = line.text
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
        if not (self.signal_words.search(text.lower()) or self.signal_start.match(text)):
            return [Event(Priority.LOW, "info", tidy(text), line.source, line.number)]
        for rule in self.rules:
            match = rule.pattern.search(text)
            if match is None:
                continue
            groups = match.groupdict()
            test_id, label = _test_names(match)
            kind = "test_error" if test_id and _ERRORED_TEST.match(text) else rule.kind
            if rule.block:
                self.open = _Block(rule, line, test_id, kind, label, groups.get("msg") or "")
                if rule.kind == "exception" and _LOGGED_BELOW_ERROR.search(self.previous):
                    self.open.priority = Priority.MEDIUM  # a handled exception a logger printed as a warning
                return []
            message = text.strip()
            if groups.get("msg"):
                message = f"{label}: {groups['msg']}"
            # Locating is costly; below critical it waits until a pattern is first stored (dedup).
            location = find_location([text]) if rule.priority == Priority.CRITICAL else ""
            return [Event(rule.priority, kind, tidy(message), line.source, line.number,
                          location=location, test_id=test_id, test_label=label)]
        return [Event(Priority.LOW, "info", tidy(text), line.source, line.number)]

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
        if mode == "trace" and block.total and text.strip():
            block.closed_by_exception_line = True  # this line is the block's last (the caller adds it)
            return True
        return False

    @staticmethod
    def _chained(block: _Block, text: str) -> bool:
        """After a traceback's exception line: a blank line may wait, a chaining sentence reopens the block."""
        if _CHAIN_SENTENCE.match(text):
            block.closed_by_exception_line = False
            return True
        if not text.strip() and block.blank_wait < 2:
            block.blank_wait += 1
            return True
        return False

    def _close(self) -> Event:
        block, self.open = self.open, None
        assert block is not None  # only called with an open block
        body, omitted = block.lines()
        header = block.start.text.strip()
        if block.rule.title_lines and block.test_id:  # mocha: "1) Suite" / "nested" / "test title:"
            title = next((n for n, text in enumerate(body[:6]) if text.rstrip().endswith(":")), -1)
            if title >= 0:
                block.label = " ".join([block.label, *(text.strip() for text in body[:title + 1])]).rstrip(":")
                body = body[title + 1:]
        detail = block.detail or find_detail(body)
        if block.test_id:
            message = f"{block.label}: {detail}" if detail else block.label
        elif block.rule.block == "trace" and body:
            message = body[-1].strip()
        else:
            message = header if not detail or detail in header else f"{header} — {detail}"
        # A traceback's first line says what follows; other headers are already in the message.
        excerpt = (header, *body) if block.rule.block == "trace" else tuple(body)
        if all(line.strip() in message for line in body):  # the one-liner already says it all
            excerpt = ()
        return Event(block.priority or block.rule.priority, block.kind, tidy(message), block.start.source,
                     block.start.number,
                     location=find_location([header, *body]), test_id=block.test_id, test_label=block.label,
                     excerpt=excerpt, omitted_lines=omitted)


def tidy(text: str) -> str:
    """A message without its padding: banner runs like ``=====`` cost tokens and say nothing."""
    text = text.strip()
    return _DECORATION.sub(r"\1\1\1", text) if "===" in text or "___" in text or "---" in text else text


def _test_names(match: re.Match[str]) -> tuple[str, str]:
    """The test's grouping id and its label: "FAILED tests/a.py::t" or "FAIL: t (m.C.t)", as the tool says it."""
    raw = match.groupdict().get("test") or ""
    if not raw:
        return "", ""
    label = test_label(raw)
    if match.groupdict().get("label"):  # the failure line as the tool prints it: what people search for
        label = match.group("label").strip()
    return canonical_test_id(raw), label


def bare_test_id(label: str) -> str:
    """A label without the status words the tool put around the test ("FAILED ", "--- FAIL: ", " ... FAILED")."""
    return _STATUS.sub("", label)


def test_label(raw: str) -> str:
    """A test's name as the tool printed it, without pytest's "ERROR collecting" style prefixes."""
    return _PYTEST_ERROR_PREFIX.sub("", raw.strip())


def canonical_test_id(raw: str) -> str:
    """One spelling per test, so a failure's section and its summary line fold together.

    ``tests/test_a.py::TestX::test_y[1]`` and pytest's section title ``TestX.test_y[1]`` both become
    the latter; other runners' ids are kept as written.
    """
    raw = test_label(raw)
    if "::" in raw and ("/" in raw or raw.split("::", 1)[0].endswith(".py")):
        return raw.split("::", 1)[1].replace("::", ".")
    return raw


def find_detail(body: list[str]) -> str:
    """The line that best says what went wrong: an assertion, an exception, a panic message."""
    # In a chain the last exception is the one that escaped: read from the last "direct cause" sentence on.
    start = max((n for n, text in enumerate(body) if _CHAIN_SENTENCE.search(text)), default=0)
    tail = body[start:]
    # pytest's "E   " lines are the explanation itself; source lines quoted above them may look like one.
    explained = next((n for n, text in enumerate(tail, start) if _E_EXCEPTION.match(text)), None)
    if explained is None:
        explained = next((n for n, text in enumerate(tail, start) if text.startswith("E ")), None)
    for n, text in enumerate(tail, start):
        if explained is not None and n < explained:
            continue
        yaml = _YAML_ERROR.match(text)
        if yaml:  # TAP's YAML block: "error: |-" then the message, or "error: 'message'"
            following = next((line.strip() for line in body[n + 1:n + 3] if line.strip()), "")
            return yaml.group("v") or following
        match = _DETAIL.search(text)
        if match:
            detail = (match.group("e") or match.group("j") or text).strip()
            if detail.endswith(":") and "panicked at" in detail and n + 1 < len(body):
                # Rust prints the panic's message on the next line; the thread is the test already named
                detail = _RUST_THREAD.sub("", detail) + " " + body[n + 1].strip()
            values = [_compared(line) for line in body[n + 1:n + 14] if _COMPARED.match(line)][:4]
            causes = [line.strip() for line in body[n + 1:] if _ROOT_CAUSE.match(line)][-1:]  # the JVM's root cause
            return " ".join([detail, *values, *causes])
    return ""


def _compared(line: str) -> str:
    """A compared value as printed; a diff line ("-   \"count\": 6,") without its alignment padding."""
    value = line.strip()
    return " ".join(value.split()) if value[:1] in "-+" else value


def find_location(texts: list[str]) -> str:
    """The innermost ``file:line`` of the project's own code among ``texts`` (vendored code skipped).

    Python prints the innermost frame last, so the scan runs from the end and stops at the first hit.
    JVM, JavaScript, Go and sanitizer stacks print it first: there the first frame of the project's own
    code after the deepest cause (or the panic, or the report) wins.
    """
    if any(_TOP_FIRST_FRAME.search(text) for text in texts):
        start = max((i for i, text in enumerate(texts) if _STACK_START.search(text)), default=0)
        frames = [t for t in texts[start:] if _TOP_FIRST_FRAME.search(t) and not _THIRD_PARTY.search(t)]
        found = _last_location(frames[:1])
        if found:
            return found
    return _last_location(list(reversed(texts)))


def _last_location(texts: list[str]) -> str:
    for text in texts:
        if ":" not in text and "(" not in text and ", line " not in text:
            continue
        for match in reversed(list(_LOCATION.finditer(text))):
            path = match.group("pf") or match.group("p")
            number = match.group("pl") or match.group("l") or match.group("tl")
            if number and not _THIRD_PARTY.search(path):
                path = "/" + path.lstrip("/") if path.startswith("//") else path  # file:///x → /x
                column = match.group("c") or match.group("tc")
                return f"{path}:{number}:{column}" if column else f"{path}:{number}"
    return ""
