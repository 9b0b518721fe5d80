"""Folding repeats within a run: one representative per pattern, a count, where it was first and last.

Every table is capped, so memory stays bounded whatever the input; what a full table turns away is
counted, never silently lost.
"""
from __future__ import annotations

import re

from .fingerprint import pattern_key, without_temp_dirs
from .formats.classifier import find_location
from .mining import Template, TemplateMiner
from .model import Event, Pattern, Priority, Tally

# Distinct patterns kept per priority. Critical is not capped: every failure must reach the budget.
PATTERN_CAPS = {Priority.CRITICAL: 1_000_000, Priority.HIGH: 5_000, Priority.MEDIUM: 5_000,
                Priority.LOW: 5_000, Priority.VERBOSE: 1_000}
MAX_STORED_CHARS = 4_000  # per message or excerpt line: no digest shows more of one line


class Folder:
    """Accumulates events into patterns as the stream goes by."""

    def __init__(self, caps: dict[Priority, int] | None = None, mine_templates: bool = False) -> None:
        self.caps = caps or PATTERN_CAPS
        self.patterns: dict[str, Pattern] = {}
        self.tallies = {priority: Tally() for priority in Priority}
        # Application logs have no tool format: their lines fold by mined template instead of by mask.
        self.templates = _TemplateKeys() if mine_templates else None

    def add(self, event: Event) -> None:
        tally = self.tallies[event.priority]
        tally.events += 1
        key = event.key or self._key(event)
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

    def _key(self, event: Event) -> str:
        if self.templates is not None and event.priority < Priority.CRITICAL and not event.test_id:
            return self.templates.key(event)
        return pattern_key(event)

    def ordered(self) -> list[Pattern]:
        """Most severe first, then in the order first seen."""
        if self.templates is not None:
            self.patterns = self.templates.regroup(self.patterns)
        return sorted(self.patterns.values(), key=lambda p: (-p.priority, p.order))


class _TemplateKeys:
    """Pattern keys from a template miner; templates merge as evidence comes in, so patterns regroup at the end."""

    def __init__(self) -> None:
        self.miner = TemplateMiner()
        self.by_key: dict[str, Template] = {}

    def key(self, event: Event) -> str:
        template = self.miner.add(without_temp_dirs(event.message))
        if not _has_words(template):
            return pattern_key(event)
        key = f"{event.kind}|template:{template.id}"  # run-local: regroup() re-keys by the template's text
        self.by_key[key] = template
        return key

    def regroup(self, patterns: dict[str, Pattern]) -> dict[str, Pattern]:
        grouped: dict[str, Pattern] = {}
        for key, pattern in sorted(patterns.items(), key=lambda item: item[1].order):
            template = self.by_key.get(key)
            if template is None:
                grouped[key] = pattern
                continue
            live = self.miner.resolve(template)
            if not _has_words(live):  # a template of wildcards only would fold unrelated lines together
                grouped[key] = pattern
                continue
            merged_key = f"{pattern.event.kind}|template:{live.text}"  # the text, not the id: stable across runs
            known = grouped.get(merged_key)
            if known is None:
                pattern.key = pattern.event.key = merged_key
                grouped[merged_key] = pattern
            else:
                known.count += pattern.count
                known.last = pattern.last
            kept = grouped[merged_key]
            if kept.count > 1 and "<*>" in live.text and not kept.event.message.startswith(live.text):
                kept.event.message = f"{_LEADING_VALUES.sub('', live.text)}  (e.g. {kept.event.message[:300]})"
        return grouped


_LEADING_VALUES = re.compile(r"^(?:[<*>:,.\-/T\[\]]+ )+")  # a template's masked timestamp says nothing


def _has_words(template: Template) -> bool:
    return any(token != "<*>" for token in template.tokens)


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
