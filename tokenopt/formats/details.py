"""What a block says went wrong, in the log's own lines: the explaining line, the compared values, the root
cause; test names as the tool spells them; and a block's lines with identical repeats folded.
"""
from __future__ import annotations

import re
from collections import deque

from .python import CHAIN_SENTENCE

_DETAIL = re.compile(
    r"^E\s{2,}(?P<e>\S.*)|^\s*=> (?P<j>\S.*)"
    r"|^(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)\b(?::.*)?$"
    r"|^\s*(?:expect\(|Expected|Received|assertion|AssertionError|TypeError|ReferenceError|Error:|Failure/Error:"
    r"|Failed asserting )"
    r"|panicked at|^panic: |^\s*(?:left|right):|\berror(?:\[E\d+\])?:|^\s+\S+\.go:\d+: "
)
# The values an assertion compared (jest's Expected/Received, Rust's left/right): a one-line failure needs them.
_COMPARED = re.compile(r"^\s*(?:Expected|Received|expected|got|actual|left|right)"
                       r"(?: (?:substring|message|value|length))?:\s+\S"
                       r"|^\s*[-+] {3}\S")  # jest's object diff: "-   \"count\": 6," / "+   \"count\": 2,"
_E_EXCEPTION = re.compile(r"^E\s+(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Warning)\b")
_RUST_THREAD = re.compile(r"^thread '[^']*'(?: \(\d+\))? ")
_YAML_ERROR = re.compile(r"^\s+error: (?:[|>][-+]?\s*$|(?P<q>['\"])(?P<v>.*)(?P=q)\s*$)")
_ROOT_CAUSE = re.compile(r"^\s*Caused by: ")
_PYTEST_ERROR_PREFIX = re.compile(r"^ERROR (?:collecting |at (?:setup|teardown) of )")
_STATUS = re.compile(r"^(?:FAILED|FAIL|ERROR):? |^--- FAIL: |^JUnit (?:Jupiter|Vintage|Platform Suite):"
                     r"|^test (?=\S+ \.\.\. FAILED$)|(?: \.\.\. FAILED| \([\d.]+s\))$")
_DECORATION = re.compile(r"([=_\-~*#])\1{3,}")
CHAIN = re.compile(CHAIN_SENTENCE.replace("^", "^(?:E\\s+)?", 1))
MAX_VALUES = 4
REPEAT_PERIOD = 4  # identical runs of up to this many lines fold (a recursion's one- or two-line frames)


def tidy(text: str) -> str:
    """A line without its padding: banner runs like ``=====`` shrink to three (still the log's own text)."""
    text = text.strip()
    return _DECORATION.sub(r"\1\1\1", text) if "===" in text or "___" in text or "---" in text else text


def find_detail(body: list[str]) -> tuple[str, ...]:
    """The lines that best say what went wrong, as printed: an assertion, an exception, a panic message,
    then the values it compared and the root cause of a chain."""
    # In a chain the last exception is the one that escaped: read from the last "direct cause" sentence on.
    start = max((n for n, text in enumerate(body) if CHAIN.search(text)), default=0)
    tail = body[start:]
    # pytest's "E   " lines are the explanation itself; source lines quoted above them may look like one.
    explained = next((n for n, text in enumerate(tail, start) if _E_EXCEPTION.match(text)), None)
    if explained is None:
        explained = next((n for n, text in enumerate(tail, start) if text.startswith("E ")), None)
    for n, text in enumerate(tail, start):
        if explained is not None and n < explained:
            continue
        yaml = _YAML_ERROR.match(text)
        if yaml:  # TAP's YAML block: "error: |-" then the message, or "error: 'message'"; then the values
            message = [yaml.group("v")] if yaml.group("v") else _block_scalar(body, n)
            values = [line.strip() for line in body[n + 1:n + 14] if _COMPARED.match(line)][:MAX_VALUES]
            return tuple(dict.fromkeys([*message, *values]))
        match = _DETAIL.search(text)
        if match:
            lines = [(match.group("e") or match.group("j") or text).strip()]
            if lines[0].endswith(":") and "panicked at" in lines[0] and n + 1 < len(body):
                # Rust prints the panic's message on the next line; the thread is the test already named
                lines = [_RUST_THREAD.sub("", lines[0]), body[n + 1].strip()]
            values = [line.strip() for line in body[n + 1:n + 14] if _COMPARED.match(line)][:MAX_VALUES]
            causes = [line.strip() for line in body[n + 1:] if _ROOT_CAUSE.match(line)][-1:]  # the JVM's root cause
            return tuple(dict.fromkeys([*lines, *values, *causes]))
    return ()


def _block_scalar(body: list[str], n: int, most: int = 4) -> list[str]:
    """The first lines of the YAML block scalar whose key is ``body[n]`` (lines indented deeper than the key)."""
    indent = len(body[n]) - len(body[n].lstrip())
    lines = []
    for line in body[n + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        if line.strip():
            lines.append(line.strip())
        if len(lines) == most:
            break
    return lines


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


class FoldedLines:
    """A block's lines, bounded: its first ``head`` and last ``tail`` lines, with identical runs folded as they
    arrive (a 1,024-deep recursion is its frames once and a count, not 1,024 copies)."""

    def __init__(self, head: int, tail: int) -> None:
        self.head: list[str] = []
        self.tail: deque[str] = deque(maxlen=tail)
        self.head_size = head
        self.total = 0  # lines added
        self.stored = 0  # lines (and fold markers) stored, some of which the tail may have let go
        self.recent: deque[str] = deque(maxlen=2 * REPEAT_PERIOD)
        self.unit: list[str] = []  # the repeating run, while one is being folded
        self.copies = 0
        self.partial: list[str] = []  # lines of the next copy seen so far

    def add(self, text: str) -> None:
        self.total += 1
        if self.unit:
            if text == self.unit[len(self.partial)]:
                self.partial.append(text)
                if len(self.partial) == len(self.unit):
                    self.copies += 1
                    self.partial = []
                return
            self._end_fold()
        self._store(text)
        self._start_fold()

    def lines(self) -> tuple[list[str], int]:
        """The kept lines (with a marker where lines were omitted) and how many were omitted."""
        if self.unit:
            self._end_fold()
        body = self.head + list(self.tail)
        while body and not body[-1].strip():
            body.pop()
        lead = 0
        while lead < len(body) and not body[lead].strip():
            lead += 1
        body, head_size = body[lead:], len(self.head) - lead
        omitted = self.stored - len(self.head) - len(self.tail)
        if omitted:
            body.insert(head_size, f"… {omitted} line{'' if omitted == 1 else 's'} omitted …")
        return body, omitted

    def _store(self, text: str) -> None:
        self.stored += 1
        self.recent.append(text)
        if len(self.head) < self.head_size:
            self.head.append(text)
        else:
            self.tail.append(text)

    def _unstore(self, count: int) -> None:
        for _ in range(count):
            self.stored -= 1
            self.recent.pop()
            (self.tail if self.tail else self.head).pop()

    def _start_fold(self) -> None:
        """When the last lines repeat the ones before them, keep one copy and start counting."""
        recent = list(self.recent)
        for period in range(1, REPEAT_PERIOD + 1):
            if len(recent) >= 2 * period and recent[-period:] == recent[-2 * period:-period] \
                    and any(line.strip() for line in recent[-period:]):
                self._unstore(period)
                self.unit, self.copies, self.partial = recent[-period:], 1, []
                return

    def _end_fold(self) -> None:
        unit, copies, partial = self.unit, self.copies, self.partial
        self.unit, self.copies, self.partial = [], 0, []
        what = "line" if len(unit) == 1 else f"{len(unit)} lines"
        self._store(f"… the same {what} again ×{copies:,} …")
        for text in partial:
            self._store(text)
