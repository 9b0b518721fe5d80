"""Folding repeats within a run: one representative per pattern, a count, where it was first and last.

Every table is capped, so memory stays bounded whatever the input; what a full table turns away is
counted, never silently lost.
"""
from __future__ import annotations

from .fingerprint import pattern_key
from .formats.classifier import find_location
from .model import Event, Pattern, Priority, Tally

# Distinct patterns kept per priority. Critical is not capped: every failure must reach the budget.
PATTERN_CAPS = {Priority.CRITICAL: 1_000_000, Priority.HIGH: 5_000, Priority.MEDIUM: 5_000,
                Priority.LOW: 5_000, Priority.VERBOSE: 1_000}
MAX_STORED_CHARS = 4_000  # per message or excerpt line: no digest shows more of one line


class Folder:
    """Accumulates events into patterns as the stream goes by."""

    def __init__(self, caps: dict[Priority, int] | None = None) -> None:
        self.caps = caps or PATTERN_CAPS
        self.patterns: dict[str, Pattern] = {}
        self.tallies = {priority: Tally() for priority in Priority}

    def add(self, event: Event) -> None:
        tally = self.tallies[event.priority]
        tally.events += 1
        key = event.key or pattern_key(event)
        known = self.patterns.get(key)
        where = f"{event.source}:{event.line}"
        if known is not None:
            if event.test_id:
                _merge_views(known, event)  # the same failure reported twice (section and summary)
            else:
                known.count += 1
                known.last = where
            return
        if tally.patterns >= self.caps[event.priority]:
            tally.overflow += 1
            return
        tally.patterns += 1
        event.key = key
        if not event.location and event.priority > Priority.LOW:
            event.location = find_location([event.message])
        _clip(event)
        self.patterns[key] = Pattern(key, event, 1, where, where, len(self.patterns))

    def extend(self, events: list[Event]) -> None:
        for event in events:
            self.add(event)

    def ordered(self) -> list[Pattern]:
        """Most severe first, then in the order first seen."""
        return sorted(self.patterns.values(), key=lambda p: (-p.priority, p.order))


def _merge_views(known: Pattern, other: Event) -> None:
    kept = known.event
    _adopt_fuller_label(kept, other)
    if len(other.excerpt) > len(kept.excerpt):
        other.key = kept.key
        _clip(other)
        other.message = other.message if other.excerpt else kept.message
        other.location = other.location or kept.location
        known.event = other
    else:
        kept.location = kept.location or other.location
        if ":" not in kept.message and other.message:
            kept.message = other.message


def _adopt_fuller_label(kept: Event, other: Event) -> None:
    """Both views show the test by the fuller of their two spellings (pytest's node id names the file)."""
    short, full = sorted((kept.test_label, other.test_label), key=len)
    if not full or short == full:
        return
    for event in (kept, other):
        if event.test_label == short and short and event.message.startswith(short):
            event.message = full + event.message[len(short):]
        event.test_label = full


def _clip(event: Event) -> None:
    if len(event.message) > MAX_STORED_CHARS:
        event.message = event.message[:MAX_STORED_CHARS] + " …[clipped]"
    if any(len(line) > MAX_STORED_CHARS for line in event.excerpt):
        event.excerpt = tuple(line if len(line) <= MAX_STORED_CHARS else line[:MAX_STORED_CHARS] + " …[clipped]"
                              for line in event.excerpt)
