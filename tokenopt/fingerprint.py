"""A stable pattern key per event: what varies between occurrences is masked, what identifies it is kept.

Masks run in one combined regex, in order (most specific first), the way mature error trackers
parameterise messages: a UUID must win over the hex and number masks that would split it.
"""
from __future__ import annotations

import hashlib
import re

from .model import Event, Priority

FINGERPRINT_VERSION = 1

_MASKS = (
    ("uuid", r"\b[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\b"),
    # ISO and runner timestamps, a clock, nginx's 2026/12/02, Apache's [Wed Dec 02 …] and [02/Dec/2026:…],
    # epoch milliseconds: the weekday and the month's name change with the date, so they go with it.
    ("time", r"\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?"
             r"|\b\d{4}/\d\d/\d\d \d\d:\d\d:\d\d|\b\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d(?: [+-]\d{4})?"
             r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?(?: \d{4})?"
             r"|\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b|(?<!\d)1[5-9]\d{11}(?!\d)"),
    ("ip", r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\blocalhost:\d+\b|\[::1?\]:\d+"),
    # A process or thread: sanitizers' ==4242==, [pid 3587:tid 3599], nginx's 3513#3513:, goroutine 18.
    ("pid", r"==\d+==|\b(?:pid|tid|PID|TID)[ =:]?\d+\b|\b\d+#\d+(?=:)|\bgoroutine \d+\b"),
    # A random seed and a CI build number are chosen per run: "--randomly-seed=123", "Randomized with seed 4567".
    ("seed", r"(?<=[Ss]eed)[= :]\s?\d+\b|\b(?:[Bb]uild|[Jj]ob) #\d+\b"),
    ("hex", r"\b0x[0-9a-fA-F]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b"),
    # A temporary directory differs every run; the file name inside it is what identifies the place (unless
    # it is a random name itself: Python's tmpab12cd, mktemp's tmp.XyZ12345).
    ("tmp", r"(?:/tmp|/var/folders|/private/var|[A-Z]:\\{1,2}Users\\{1,2}[^\\]+\\{1,2}AppData)[/\\]"
            r"(?:[\w.-]+[/\\]+)*(?:tmp\.?\w{6,10}\b)?"),
    ("duration", r"\b\d+(?:\.\d+)?\s?(?:ms|us|µs|ns|s|sec|secs|seconds|m|min|minutes|h)\b"),
    ("num", r"(?<![\w.])-?\d+(?:\.\d+)?"),
)
_TEMP_DIR = re.compile(dict(_MASKS)["tmp"])  # a location keeps its line: only a temp directory varies
_MASK = re.compile("|".join(f"(?P<{name}>{regex})" for name, regex in _MASKS))
# What differs between two runs of the same failure and says nothing about which failure it is: a plain
# number stays (a test's parameters, an expected value, a status), everything above it goes.
_VOLATILE = re.compile("|".join(f"(?P<{name}>{regex})" for name, regex in _MASKS if name != "num"))


_NEEDS_MASK = re.compile(r"\d|/tmp|/var/folders|/private/var|AppData")


def without_temp_dirs(text: str) -> str:
    """``text`` with temporary directories (which differ every run) replaced, file names kept."""
    return _TEMP_DIR.sub("<tmp>", text) if "/tmp" in text or "/var/" in text or "AppData" in text else text


def mask(text: str) -> str:
    """``text`` with its variable parts replaced by ``<name>`` placeholders."""
    if not _NEEDS_MASK.search(text):  # every mask needs a digit or a temp path: most lines have neither
        return text
    return _MASK.sub(_placeholder, text)


def _placeholder(match: re.Match[str]) -> str:
    return f"<{match.lastgroup}>"


_LIGHT_MASK = re.compile(r"0x[0-9a-fA-F]+|\d+")


def light_mask(text: str) -> str:
    """``text`` with its runs of digits (and hex numbers) as ``#``: cheap, for context lines."""
    return _LIGHT_MASK.sub("#", text)


def masked_values(event: Event) -> list[str]:
    """The parts of an event's message that its pattern key masks, in order: what may differ between two
    events that fold together (a line number, a status, a duration)."""
    text = event.message
    if event.priority <= Priority.LOW:
        return _LIGHT_MASK.findall(text)
    return [match.group(0) for match in _MASK.finditer(text)] if _NEEDS_MASK.search(text) else []


# What kind of error a message reports, most specific first: a compiler's or linter's code, a
# checker's bracketed code, then an exception class (unqualified), then a panic.
_ERROR_TYPE = re.compile(
    r"\berror\[(?P<rust>E\d{4})\]|\berror (?P<ts>TS\d+)\b|: error: .*\[(?P<mypy>[a-z]+(?:-[a-z]+)*)\]$"
    r"|:\d+:\d+: (?P<lint>[A-Z]{1,4}\d{1,4})\b|^(?P<ruff>[A-Z]{1,4}\d{2,4})\b"
    r"|(?:^|[\s:(\[])(?:[a-z_$][\w$]*\.)*[\w$]*?\$?(?P<exc>[A-Z]\w*(?:Error|Exception|Failure|Exit|Interrupt|Panic))\b"
    r"|\b(?P<panic>panic)(?:ked)?\b|(?P<sanitizer>\w+Sanitizer): (?P<san>[\w-]+)"
)


def error_type(message: str) -> str:
    """``TypeError``, ``E0308``, ``TS2322``, ``arg-type``, ``F401``, ``AddressSanitizer: heap-use-after-free``…"""
    match = _ERROR_TYPE.search(message)
    if match is None:
        return ""
    if match.group("sanitizer"):
        return f"{match.group('sanitizer')}: {match.group('san')}"
    return next(value for value in match.groupdict().values() if value)


def pattern_key(event: Event) -> str:
    """The key that decides which events fold together.

    A failed test is keyed by its id alone (its section and its summary line are one failure); a
    located critical error by its message and place; everything else by kind and masked message, so
    near-repeats fold and two different messages never share a key.
    """
    if event.priority <= Priority.LOW:
        # Context lines are the bulk of a log: a run-of-digits mask folds their near-repeats (test
        # counters, progress, sizes) at a tenth of the full mask's cost.
        return f"{event.kind}|{light_mask(event.message)}"
    if event.test_id:
        return f"{event.kind}|{event.test_id}"
    if event.priority == Priority.CRITICAL:
        # Two failures that differ in a number are two failures (test_x[1], test_x[2]), and one at another
        # line is another thing to fix: never fold them away.
        message = _VOLATILE.sub(_placeholder, event.message) if _NEEDS_MASK.search(event.message) else event.message
        return f"{event.kind}|{message}|{without_temp_dirs(event.location)}"
    return f"{event.kind}|{mask(event.message)}"


def short_id(key: str) -> str:
    """A short, stable id for display and for the cross-run index."""
    return hashlib.sha1(f"v{FINGERPRINT_VERSION}|{key}".encode()).hexdigest()[:10]
