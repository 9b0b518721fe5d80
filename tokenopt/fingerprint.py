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
    ("time", r"\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?|\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b"),
    ("ip", r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"),
    ("hex", r"\b0x[0-9a-fA-F]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b"),
    ("tmp", r"(?:/tmp|/var/folders|/private/var|C:\\\\Users\\\\[^\\\\]+\\\\AppData)/[\w./\\-]*"),
    ("duration", r"\b\d+(?:\.\d+)?\s?(?:ms|us|µs|ns|s|sec|secs|seconds|m|min|minutes|h)\b"),
    ("num", r"(?<![\w.])-?\d+(?:\.\d+)?"),
)
_MASK = re.compile("|".join(f"(?P<{name}>{regex})" for name, regex in _MASKS))


def mask(text: str) -> str:
    """``text`` with its variable parts replaced by ``<name>`` placeholders."""
    return _MASK.sub(lambda m: f"<{m.lastgroup}>", text)


def pattern_key(event: Event) -> str:
    """The key that decides which events fold together.

    A failed test is keyed by its id alone (its section and its summary line are one failure); a
    located critical error by its message and place; everything else by kind and masked message, so
    near-repeats fold and two different messages never share a key.
    """
    if event.test_id:
        return f"{event.kind}|{event.test_id}"
    if event.priority == Priority.CRITICAL and event.location:
        # Within a run, a critical error at another line is another thing to fix: never fold it away.
        return f"{event.kind}|{mask(event.message)}|{event.location}"
    return f"{event.kind}|{mask(event.message)}"


def short_id(key: str) -> str:
    """A short, stable id for display and for the cross-run index."""
    return hashlib.sha1(f"v{FINGERPRINT_VERSION}|{key}".encode()).hexdigest()[:10]
