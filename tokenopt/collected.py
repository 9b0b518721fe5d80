"""A job's findings as a file and back: what ``mode: collect`` writes for a matrix job and ``mode: merge`` reads.

The file holds what the job's digest keeps or remembers, already redacted: its patterns (the log's own lines,
counts, locations, priorities, the jobs and lines they occurred at), the last lines of its failing steps, its
figures and notes, and the whole log only when it was small enough to be shown whole. Nothing is taken on trust
when it is read back: a field of the wrong type is a ``CollectedError`` naming the file, never a crash.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .dedup import Folder
from .errors import InputError
from .model import Event, Line, Link, Pattern, Priority, Seen, Tally
from .steps import Framing, Step

VERSION = 1


class CollectedError(InputError):
    """A collected job's file that cannot be used (not JSON, another version, a field of the wrong type)."""


# --- writing ------------------------------------------------------------------------------------------------------

def pattern_json(pattern: Pattern, rename: Callable[[str], str]) -> dict[str, Any]:
    e = pattern.event
    return {
        "key": pattern.key, "count": pattern.count, "first": _where(pattern.first, rename),
        "last": _where(pattern.last, rename), "order": pattern.order, "id": pattern.id, "new": pattern.new,
        "verdict": pattern.verdict, "regression": pattern.regression, "history": pattern.history,
        "first_seen": pattern.first_seen, "runs_seen": pattern.runs_seen, "variants": pattern.variants,
        "distinct": pattern.distinct, "values": [list(values) for values in pattern.values],
        "sources": {rename(source): _seen_json(seen) for source, seen in pattern.sources.items()},
        "event": {"priority": e.priority.label, "kind": e.kind, "message": e.message, "source": rename(e.source),
                  "line": e.line, "location": e.location, "test_id": e.test_id, "test_label": e.test_label,
                  "excerpt": list(e.excerpt), "detail": list(e.detail), "omitted_lines": e.omitted_lines,
                  "key": e.key, "step": e.step},
    }


def _seen_json(seen: Seen) -> dict[str, Any]:
    link = seen.link
    return {"count": seen.count, "line": seen.line, "differs": list(seen.differs),
            "link": None if link is None else {"run_url": link.run_url, "job": link.job, "step": link.step,
                                               "line": link.line}}


def framing_json(framing: Framing, rename: Callable[[str], str]) -> dict[str, Any]:
    failing = framing.failing
    return {"source": rename(framing.source), "system": framing.system, "lines": framing.lines,
            "failing": None if failing is None else {"name": failing.name, "first": failing.first,
                                                     "last": failing.last, "failed": failing.failed},
            "tail": [[line.number, line.text] for line in framing.tail], "verdicts": framing.verdicts,
            "step_starts": framing.step_starts}


def tallies_json(tallies: Mapping[Priority, Tally]) -> dict[str, list[int]]:
    return {p.label: [t.events, t.patterns, t.overflow] for p, t in tallies.items()}


def _where(where: str, rename: Callable[[str], str]) -> str:
    source, _, line = where.rpartition(":")
    return f"{rename(source)}:{line}" if source else where


# --- reading ------------------------------------------------------------------------------------------------------

class Reader:
    """Typed access to one collected file's JSON: every wrong field is one ``CollectedError`` naming the file."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, what: str) -> CollectedError:
        return CollectedError(f"{self.name}: {what}", "collect it again with mode: collect (the same version of "
                              "tokenopt in every job), or leave the job's folder out")

    def get(self, data: Any, key: str, kind: type | tuple[type, ...]) -> Any:
        if not isinstance(data, dict) or key not in data:
            raise self.fail(f"no {key!r}")
        value = data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int, type(None)))):
            raise self.fail(f"{key!r} is not {getattr(kind, '__name__', 'of the expected type')}")
        return value

    def texts(self, data: Any, key: str) -> list[str]:
        values = self.get(data, key, list)
        if not all(isinstance(value, str) for value in values):
            raise self.fail(f"{key!r} is not a list of text")
        return values

    def number(self, data: Any, key: str) -> int:
        value = self.get(data, key, int)
        if value < 0:
            raise self.fail(f"{key!r} is negative")
        return value


def read_pattern(data: Any, read: Reader) -> Pattern:
    e = read.get(data, "event", dict)
    try:
        priority = Priority.parse(read.get(e, "priority", str))
    except KeyError:
        raise read.fail(f"unknown priority {e['priority']!r}") from None
    event = Event(priority, read.get(e, "kind", str), read.get(e, "message", str), read.get(e, "source", str),
                  read.number(e, "line"), read.get(e, "location", str), read.get(e, "test_id", str),
                  read.get(e, "test_label", str), tuple(read.texts(e, "excerpt")), tuple(read.texts(e, "detail")),
                  read.number(e, "omitted_lines"), read.get(e, "key", str), read.get(e, "step", str))
    values = read.get(data, "values", list)
    if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in values):
        raise read.fail("'values' is not a list of lists of text")
    sources = read.get(data, "sources", dict)
    return Pattern(
        read.get(data, "key", str), event, read.number(data, "count"), read.get(data, "first", str),
        read.get(data, "last", str), read.number(data, "order"), read.get(data, "id", str),
        read.get(data, "new", (bool, type(None))), read.get(data, "verdict", str), read.get(data, "regression", bool),
        read.get(data, "history", str), read.get(data, "first_seen", str), read.number(data, "runs_seen"),
        read.texts(data, "variants"), read.number(data, "distinct"), [dict.fromkeys(v) for v in values],
        sources={str(name): _read_seen(seen, read) for name, seen in sources.items()})


def _read_seen(data: Any, read: Reader) -> Seen:
    link = read.get(data, "link", (dict, type(None)))
    seen = Seen(read.number(data, "count"), read.number(data, "line"), tuple(read.texts(data, "differs")))
    if link is not None:
        try:
            seen.link = Link(read.get(link, "run_url", str), *(link.get(key) for key in ("job", "step", "line")))
        except ValueError as error:  # a link that is not a run's page and numbers is never shown
            raise read.fail(f"a link that is not GitHub's: {error}") from None
    return seen


def read_framing(data: Any, read: Reader) -> Framing:
    source = read.get(data, "source", str)
    failing_data = read.get(data, "failing", (dict, type(None)))
    failing = None
    if failing_data is not None:
        failing = Step(read.get(failing_data, "name", str), source, read.number(failing_data, "first"),
                       read.number(failing_data, "last"), read.get(failing_data, "failed", bool))
    tail = []
    for row in read.get(data, "tail", list):
        if not (isinstance(row, list) and len(row) == 2 and isinstance(row[0], int) and isinstance(row[1], str)):
            raise read.fail("'tail' is not a list of [line, text]")
        tail.append(Line(source, row[0], row[1]))
    starts = read.get(data, "step_starts", list)
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in starts):
        raise read.fail("'step_starts' is not a list of numbers")
    return Framing(source, read.get(data, "system", str), [], failing, tail, read.texts(data, "verdicts"),
                   read.number(data, "lines"), sorted(starts))


def read_folder(data: Any, read: Reader) -> Folder:
    """The job's patterns folded as its own digest folded them, with its tallies."""
    folder = Folder()
    for pattern in (read_pattern(item, read) for item in read.get(data, "patterns", list)):
        folder.patterns[pattern.key] = pattern
    for name, counts in read.get(data, "tallies", dict).items():
        try:
            priority = Priority.parse(name)
        except KeyError:
            raise read.fail(f"unknown priority {name!r} in 'tallies'") from None
        if not (isinstance(counts, list) and len(counts) == 3 and all(type(n) is int and n >= 0 for n in counts)):
            raise read.fail("'tallies' are not three counts per priority")
        folder.tallies[priority] = Tally(*counts)
    return folder
