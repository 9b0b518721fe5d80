"""What an index file must hold, checked field by field before anything is built from it.

A hand edit or a broken writer can leave a count as a string, a ``null`` date, a ``NaN`` or a list where
names with counts belong; the index is sorted, summed and written back later, where any of these would
be a crash. So every field's type is checked on load, and a file that fails is set aside whole.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from .fingerprint import FINGERPRINT_VERSION

SCHEMA = "tokenopt-index"
VERSION = 2  # 2: a history per job (version 1 mixed every job's runs)


class Unusable(ValueError):
    """An index file that cannot be used as it is: ``kind`` names the copy it is moved aside to."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind


def check_header(data: Any) -> None:
    """The schema and versions: a newer index or one of other fingerprints is unusable, not corrupt."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise Unusable("corrupt", "not a tokenopt index")
    version, fingerprints = data.get("version"), data.get("fingerprint_version")
    if type(version) is not int:
        raise Unusable("corrupt", "its version is not a whole number")
    if version > VERSION:
        raise Unusable("newer", f"index version {version} is newer than this tokenopt ({VERSION})")
    if version < VERSION:
        raise Unusable(f"v{version}", f"index version {version} mixes every job's runs in one history, which "
                                      "would call one job's failures another's: this version keeps a history per job")
    if type(fingerprints) is not int:
        raise Unusable("corrupt", "its fingerprint version is not a whole number")
    if fingerprints != FINGERPRINT_VERSION:  # keys made by other masks would never match again
        raise Unusable(f"fingerprints-v{fingerprints}", f"written with fingerprint version {fingerprints}, "
                       f"this tokenopt uses {FINGERPRINT_VERSION}: its patterns would never match again")


@dataclass(frozen=True)
class Shape:
    """The fields of one kind of record, each with its type (exact: a bool is no count, JSON makes no
    subclasses); whole numbers are never negative, ``dict`` means names with whole numbers."""

    what: str
    fields: dict[str, type]
    optional: frozenset[str]
    order: tuple[str, ...] = field(init=False)
    types: tuple[type, ...] = field(init=False)
    numbers: tuple[str, ...] = field(init=False)
    counts: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "order", tuple(self.fields))
        object.__setattr__(self, "types", tuple(self.fields.values()))
        object.__setattr__(self, "numbers", tuple(name for name, kind in self.fields.items() if kind is int))
        object.__setattr__(self, "counts", tuple(name for name, kind in self.fields.items() if kind is dict))

    def records(self, value: Any, name: str) -> list[dict[str, Any]]:
        """``value`` when it is a list of such records; raises ``Unusable`` naming the first bad field."""
        if type(value) is not list:
            raise Unusable("corrupt", f"'{name}' is not a list")
        if not self._as_written(value):  # then find and name the problem, record by record
            for record in value:
                self._check(record)
        return value

    def _as_written(self, records: list[Any]) -> bool:
        """Whether every record is exactly what tokenopt writes (every field, in order, each of its type, no
        negative number): checked over the whole list in C-level steps, ~8 ms for 10,000 patterns."""
        if not records:
            return True
        if set(map(type, records)) != {dict} or not all(map(self.order.__eq__, map(tuple, records))):
            return False
        if not all(map(self.types.__eq__, (tuple(map(type, record.values())) for record in records))):
            return False
        numbers = [number for name in self.numbers for number in map(itemgetter(name), records)]
        counts = [count for name in self.counts for record in records for count in record[name].values()]
        return min(numbers, default=0) >= 0 and set(map(type, counts)) <= {int} and min(counts, default=0) >= 0

    def _check(self, record: Any) -> None:
        if type(record) is not dict:
            raise Unusable("corrupt", f"{self.what} is not an object")
        unknown = sorted(record.keys() - self.fields.keys())
        missing = sorted(self.fields.keys() - self.optional - record.keys())
        if unknown or missing:
            raise Unusable("corrupt", f"{self.what} has {'unknown' if unknown else 'no'} field "
                                      f"'{(unknown or missing)[0]}'")
        for name, value in record.items():
            kind = self.fields[name]
            if not _fits(kind, value):
                raise Unusable("corrupt", f"{self.what}'s '{name}' is {json.dumps(value)[:40]}, "
                                          f"not {_TYPE_NAMES[kind]}")


_TYPE_NAMES = {str: "a string", int: "a whole number", dict: "names with whole numbers", list: "a list"}


def check_names(value: Any, name: str) -> list[str]:
    """A list of strings (pattern ids), or ``Unusable``."""
    if type(value) is not list or not all(type(item) is str for item in value):
        raise Unusable("corrupt", f"'{name}' is not a list of names")
    return value


def _fits(kind: type, value: Any) -> bool:
    if type(value) is not kind:
        return False
    return _counts(value) if isinstance(value, dict) else not isinstance(value, int) or value >= 0


def _counts(value: dict[str, Any]) -> bool:
    """Whole numbers, none negative (JSON's keys are always strings)."""
    return not value or (set(map(type, value.values())) == {int} and min(value.values()) >= 0)


RUN = Shape("a run", {"id": str, "time": str, "label": str, "patterns": int, "outcome": str, "commit": str},
            frozenset({"label", "patterns", "outcome", "commit"}))
JOB = Shape("a job", {"key": str, "runs": list, "patterns": list, "normal": list}, frozenset({"normal"}))
PATTERN = Shape("a pattern", {
    "id": str, "key": str, "kind": str, "priority": str, "template": str, "example": str, "location": str,
    "test_id": str, "summary": str, "first_seen": str, "last_seen": str, "counts": dict, "older_runs": int,
    "older_count": int}, frozenset({"location", "test_id", "summary", "first_seen", "last_seen", "counts",
                                    "older_runs", "older_count"}))
