"""Folding repeats within a run: one representative per pattern, a count, where it was first and last.

Every table is capped, so memory stays bounded whatever the input; what a full table turns away is
counted, never silently lost.
"""
from __future__ import annotations

from .fingerprint import masked_values, pattern_key, without_temp_dirs
from .locations import find_location
from .mining import Template, TemplateMiner
from .model import Event, Pattern, Priority, Seen, Tally

# Distinct patterns kept per priority. Critical is not capped: every failure must reach the budget.
PATTERN_CAPS = {Priority.CRITICAL: 1_000_000, Priority.HIGH: 5_000, Priority.MEDIUM: 5_000,
                Priority.LOW: 5_000, Priority.VERBOSE: 1_000}
MAX_STORED_CHARS = 4_000  # per message or excerpt line: no digest shows more of one line
MAX_VARIANTS = 3  # distinct messages of a pattern shown whole; beyond, the values that differ are listed
MAX_VALUES = 12  # distinct values kept per masked part: the first ones and the latest


class Folder:
    """Accumulates events into patterns as the stream goes by; folders of several inputs merge into one."""

    def __init__(self, caps: dict[Priority, int] | None = None, mine_templates: bool = False) -> None:
        self.caps = caps or PATTERN_CAPS
        self.patterns: dict[str, Pattern] = {}
        self.tallies = {priority: Tally() for priority in Priority}
        # Application logs have no tool format: their patterns fold further by mined template, once all are in.
        self.mine_templates = mine_templates

    def add(self, event: Event) -> None:
        tally = self.tallies[event.priority]
        tally.events += 1
        key = event.key or pattern_key(event)
        known = self.patterns.get(key)
        where = f"{event.source}:{event.line}"
        if known is not None:
            if event.test_id and event.step == known.event.step:
                _merge_views(known, event)  # the same failure reported twice (section and summary)
            else:  # the same test failing again in another step (another tool, a rerun): counted, its line kept
                _repeat(known, event, where)
            return
        if tally.patterns >= self.caps[event.priority]:
            tally.overflow += 1
            return
        tally.patterns += 1
        event.key = key
        if not event.location and event.priority > Priority.LOW:
            event.location = find_location([event.message])
        _clip(event)
        self.patterns[key] = Pattern(key, event, 1, where, where, len(self.patterns), variants=[event.message],
                                     values=[{value: None} for value in masked_values(event)],
                                     sources={event.source: Seen(1, event.line)})

    def extend(self, events: list[Event]) -> None:
        for event in events:
            self.add(event)

    def merge(self, other: Folder) -> None:
        """Fold in what another folder learned from a later input, as if its events had come after these."""
        for priority, tally in other.tallies.items():
            mine = self.tallies[priority]
            mine.events += tally.events
            mine.overflow += tally.overflow
        for key, pattern in other.patterns.items():
            known = self.patterns.get(key)
            if known is None:
                mine = self.tallies[pattern.priority]
                if mine.patterns >= self.caps[pattern.priority]:
                    mine.overflow += 1
                    continue
                mine.patterns += 1
                pattern.order = len(self.patterns)
                self.patterns[key] = pattern
            elif known.sources.keys().isdisjoint(pattern.sources):
                _across(known, pattern)  # the same failure in another job: once, with the jobs it occurred in
            elif pattern.event.test_id and pattern.event.step == known.event.step:
                _merge_views(known, pattern.event)
            else:
                _fold(known, pattern)

    def ordered(self) -> list[Pattern]:
        """Most severe first, then in the order first seen."""
        if self.mine_templates:
            self.patterns = _by_template(self.patterns)
        return sorted(self.patterns.values(), key=lambda p: (-p.priority, p.order))


def _by_template(patterns: dict[str, Pattern]) -> dict[str, Pattern]:
    """Patterns below critical, other than tests, folded further by the template mined from their messages (one
    message per pattern, in order: the same result whether the inputs were read one by one or in parallel)."""
    miner = TemplateMiner()
    ordered = sorted(patterns.items(), key=lambda item: item[1].order)
    mined = {key: miner.add(without_temp_dirs(pattern.event.message)) for key, pattern in ordered
             if pattern.priority < Priority.CRITICAL and not pattern.event.test_id}
    grouped: dict[str, Pattern] = {}
    for key, pattern in ordered:
        template = mined.get(key)
        live = miner.resolve(template) if template is not None else None
        if live is None or not _has_words(live):  # wildcards only would fold unrelated lines together
            grouped[key] = pattern
            continue
        merged_key = f"{pattern.event.kind}|template:{live.text}"  # the text, not an id: stable across runs
        known = grouped.get(merged_key)
        if known is None:
            pattern.key = pattern.event.key = merged_key
            grouped[merged_key] = pattern
        else:
            known.count += pattern.count
            known.last = pattern.last
            _merge_variants(known, pattern)
            _add_sources(known.sources, pattern.sources)
    return grouped


def _has_words(template: Template) -> bool:
    return any(token != "<*>" for token in template.tokens)


def _repeat(known: Pattern, event: Event, where: str) -> None:
    """Another occurrence: counted, and what differs in it kept (its message while few, its values)."""
    known.count += 1
    known.last = where
    _add_sources(known.sources, {event.source: Seen(1, event.line)})
    if event.message == known.event.message or event.message in known.variants:
        return
    _note_message(known, event.message[:MAX_STORED_CHARS])
    values = masked_values(event)
    if len(values) == len(known.values):
        for seen, value in zip(known.values, values, strict=True):
            _note_value(seen, value)


def _fold(known: Pattern, other: Pattern) -> None:
    """Two patterns of one key from different inputs: counts add up, the later one's last place wins, and what
    differs is kept as if its occurrences had been added one by one."""
    known.count += other.count
    known.last = other.last
    _add_sources(known.sources, other.sources)
    for message in other.variants:
        if message != known.event.message and message not in known.variants:
            _note_message(known, message)
    known.distinct = max(known.distinct, other.distinct)
    if len(other.values) == len(known.values):
        for seen, values in zip(known.values, other.values, strict=True):
            for value in values:
                _note_value(seen, value)


def _across(known: Pattern, other: Pattern) -> None:
    """The pattern of another input (a job): its occurrences count, it is listed among the inputs, and what it
    says that the shown event does not (the values that differ between jobs) is kept with it."""
    differs = differences(known.event, other.event)
    sources = other.sources
    other.sources = {}
    _fold(known, other)
    for position, (source, seen) in enumerate(sources.items()):
        known.sources[source] = Seen(seen.count, seen.line, differs if position == 0 else seen.differs or differs,
                                     seen.link)


def differences(shown: Event, other: Event) -> tuple[str, ...]:
    """The lines of ``other``'s explanation (and a failed test's message) that ``shown`` does not have; other
    messages of one pattern are its variants already."""
    known = {shown.message, *shown.detail, *(line.strip() for line in shown.excerpt)}
    lines = (other.message, *other.detail) if other.test_id else other.detail
    return tuple(line for line in dict.fromkeys(lines) if line.strip() not in known)


def _add_sources(known: dict[str, Seen], other: dict[str, Seen]) -> None:
    for source, seen in other.items():
        mine = known.get(source)
        if mine is None:
            known[source] = seen
        else:
            mine.count += seen.count


def _note_message(known: Pattern, message: str) -> None:
    if len(known.variants) < MAX_VARIANTS:
        known.variants.append(message)
    else:
        known.distinct = MAX_VARIANTS + 1  # more than can be shown whole


def _note_value(seen: dict[str, None], value: str) -> None:
    if value not in seen:
        if len(seen) >= MAX_VALUES:
            seen.popitem()  # keep the first ones and the latest
        seen[value] = None


def variants_note(pattern: Pattern) -> list[str]:
    """What a fold's single message would hide: the other messages when there are few, else one line of our
    own listing the values that differ (``[varies: 24, 34, 48, 51]``)."""
    if pattern.count < 2 or len(pattern.variants) < 2:
        return []
    if pattern.distinct <= MAX_VARIANTS or not pattern.values:
        return pattern.variants[1:]
    varying = [list(seen) for seen in pattern.values if len(seen) > 1]
    parts = [", ".join(values) + (" …" if len(values) >= MAX_VALUES else "") for values in varying]
    return [f"[varies: {'; '.join(parts)}]"] if parts else []


def _merge_variants(known: Pattern, other: Pattern) -> None:
    """Two patterns folded into one template: their messages both count as variants; per-part values no longer
    line up, so only the messages are kept."""
    for message in other.variants:
        if message not in known.variants:
            _note_message(known, message)
    known.values = []


def _merge_views(known: Pattern, other: Event) -> None:
    """The same failure reported twice (a test's section and its summary line): one event, the one-line view's
    message (the failure line as the tool prints it), the fuller excerpt, every explaining line."""
    kept = known.event
    _adopt_fuller_label(kept, other)
    # the view that names the test in full (pytest's "FAILED path::test - msg"), else a one-line view
    named = [e for e in (kept, other) if kept.test_label and kept.test_label in e.message]
    line_view = next(iter(named or [e for e in (kept, other) if not e.excerpt]), None)
    message = line_view.message if line_view is not None else kept.message
    if len(other.excerpt) > len(kept.excerpt):
        other.key = kept.key
        _clip(other)
        other.location = other.location or kept.location
        known.event = other
    else:
        kept.location = kept.location or other.location
    # the other view's line stays too (RSpec's "rspec ./spec/x_spec.rb:40 # …", what a person runs again)
    detail = (*(e.message for e in (kept, other) if e.message != message and not e.excerpt), *kept.detail,
              *other.detail)
    known.event.message = message
    known.event.detail = tuple(d for d in dict.fromkeys(detail) if d not in message)
    known.variants = [message]


def _adopt_fuller_label(kept: Event, other: Event) -> None:
    """Both views name the test by the fuller of their two spellings (pytest's node id names the file)."""
    full = max((kept.test_label, other.test_label), key=len)
    kept.test_label = other.test_label = full


def _clip(event: Event) -> None:
    if len(event.message) > MAX_STORED_CHARS:
        event.message = event.message[:MAX_STORED_CHARS] + " …[clipped]"
    if any(len(line) > MAX_STORED_CHARS for line in event.excerpt):
        event.excerpt = tuple(line if len(line) <= MAX_STORED_CHARS else line[:MAX_STORED_CHARS] + " …[clipped]"
                              for line in event.excerpt)
