"""The cross-run error-reference index: which patterns were seen before, since when, how often.

A versioned JSON file, saved atomically (temp file, fsync, rename) under a lock, checked field by field
when loaded, bounded in patterns and in the runs it remembers one by one. Each pattern keeps its counts
per remembered run, so indexes written by parallel jobs from the same restored cache merge exactly: a
run is the same run in every copy. Runs
that fall out of the window are folded into ``older_runs``/``older_count``; merging takes the larger
of those, because both copies derive them from the same history.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import state
from .errors import StateError
from .fingerprint import FINGERPRINT_VERSION, mask, short_id
from .index_schema import PATTERN, RUN, SCHEMA, VERSION, Unusable, check_header
from .model import Pattern
from .reader import without_lone_surrogates

MAX_PATTERNS = 5_000
MAX_RUNS = 30
HISTORY_WINDOW = 10  # "seen in 7 of the last 10 runs"


@dataclass
class Run:
    id: str
    time: str
    label: str = ""
    patterns: int = 0


@dataclass
class Entry:
    """One error pattern across runs. ``example`` is already redacted: lines are redacted when read."""

    id: str
    key: str
    kind: str
    priority: str
    template: str
    example: str
    location: str = ""
    test_id: str = ""
    summary: str = ""
    first_seen: str = ""
    last_seen: str = ""
    counts: dict[str, int] = field(default_factory=dict)  # run id -> occurrences in that run
    older_runs: int = 0
    older_count: int = 0

    @property
    def runs_seen(self) -> int:
        return self.older_runs + len(self.counts)

    @property
    def total_count(self) -> int:
        return self.older_count + sum(self.counts.values())


@dataclass
class Verdict:
    """What the index says about one pattern of this run."""

    id: str
    new: bool
    first_seen: str
    runs_seen: int
    recent: int  # runs among the last HISTORY_WINDOW (this one included) that saw it
    window: int

    def history(self) -> str:
        if self.new:
            return "new"
        return f"seen in {self.recent} of the last {self.window} runs since {self.first_seen[:10]}"


@dataclass
class Index:
    entries: dict[str, Entry] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings from loading, for the digest and stderr
    read_digest: str = ""  # a hash of the file it was read from ("" for none): did the file change since?

    def record(self, patterns: list[Pattern], label: str = "", now: str = "",
               max_patterns: int = MAX_PATTERNS, summaries: bool = False) -> tuple[dict[str, Verdict], list[Entry]]:
        """Add this run; return a verdict per pattern key and the entries of the last run that are gone now."""
        now = now or _now()
        previous = set(self._ids_of(self.runs[-1].id)) if self.runs else set()
        run = Run(uuid.uuid4().hex[:10], now, label, len(patterns))  # short: every entry's counts name it
        verdicts: dict[str, Verdict] = {}
        for pattern in patterns:
            entry_id = short_id(pattern.key)
            entry = self.entries.get(entry_id)
            new = entry is None
            if entry is None:
                entry = self.entries[entry_id] = _entry(entry_id, pattern, now)
            entry.counts[run.id] = entry.counts.get(run.id, 0) + pattern.count
            entry.last_seen = now
            entry.example = pattern.event.message
            entry.location = pattern.event.location or entry.location
            if summaries:
                entry.summary = _summary(pattern)
            verdicts[pattern.key] = Verdict(entry_id, new, entry.first_seen, entry.runs_seen, 0, 0)
        self.runs.append(run)
        self._fold_old_runs()
        window = [r.id for r in self.runs[-HISTORY_WINDOW:]]
        for verdict in verdicts.values():
            counts = self.entries[verdict.id].counts
            verdict.recent, verdict.window = sum(1 for r in window if r in counts), len(window)
        now_ids = {v.id for v in verdicts.values()}
        fixed = [self.entries[i] for i in sorted(previous - now_ids) if i in self.entries]
        self._evict(max_patterns, keep=now_ids)
        return verdicts, fixed

    def _ids_of(self, run_id: str) -> list[str]:
        return [entry.id for entry in self.entries.values() if run_id in entry.counts]

    def _fold_old_runs(self) -> None:
        while len(self.runs) > MAX_RUNS:
            gone = self.runs.pop(0).id
            for entry in self.entries.values():
                if gone in entry.counts:
                    entry.older_runs += 1
                    entry.older_count += entry.counts.pop(gone)

    def _evict(self, max_patterns: int, keep: set[str] | None = None) -> None:
        """Beyond the cap, the least recently seen patterns go (never one of this run's)."""
        excess = len(self.entries) - max_patterns
        if excess <= 0:
            return
        keep = keep or set()
        candidates = sorted((e for e in self.entries.values() if e.id not in keep), key=lambda e: e.last_seen)
        for entry in candidates[:excess]:
            del self.entries[entry.id]

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "version": VERSION, "fingerprint_version": FINGERPRINT_VERSION,
                "runs": [vars(r) for r in self.runs],
                "patterns": [vars(e) for e in sorted(self.entries.values(), key=lambda e: e.first_seen)]}

    @classmethod
    def from_json(cls, data: Any) -> Index:
        """The index in ``data`` with every field checked; an ``Unusable`` error says why not."""
        check_header(data)
        runs = [Run(**record) for record in RUN.records(data.get("runs"), "runs")]
        entries = [Entry(**record) for record in PATTERN.records(data.get("patterns"), "patterns")]
        return cls({entry.id: entry for entry in entries}, runs)


def merge(indexes: list[Index], max_patterns: int = MAX_PATTERNS) -> Index:
    """One index holding every run and count of ``indexes`` (copies of one run are one run)."""
    merged = Index()
    runs: dict[str, Run] = {}
    for index in indexes:
        for run in index.runs:
            runs.setdefault(run.id, run)
        for entry in index.entries.values():
            known = merged.entries.get(entry.id)
            if known is None:
                merged.entries[entry.id] = Entry(**{**asdict(entry), "counts": dict(entry.counts)})
                continue
            known.counts.update(entry.counts)
            known.older_runs = max(known.older_runs, entry.older_runs)
            known.older_count = max(known.older_count, entry.older_count)
            known.first_seen = min(known.first_seen, entry.first_seen)
            if entry.last_seen > known.last_seen:
                known.last_seen, known.example, known.summary = entry.last_seen, entry.example, entry.summary
                known.location = entry.location or known.location
    merged.runs = sorted(runs.values(), key=lambda r: r.time)
    merged._fold_old_runs()
    merged._evict(max_patterns)
    return merged


def load(path: str | Path, move_aside: bool = True) -> Index:
    """The index at ``path``; a fresh one if there is none. A file that cannot be used as it is (corrupt,
    hand-edited wrongly, newer, of other fingerprints) is moved aside with a note, under the lock (unless
    only read: then it is ignored), never trusted. A path that is not a regular file is a StateError."""
    real = state.regular_file(path, "index")
    if not move_aside or not real.exists():
        return _parse(path, real, _raw(path, real), move_aside=False)
    with state.locked(real, "index"):
        return _parse(path, real, _raw(path, real), move_aside=True)


def save(index: Index, path: str | Path) -> None:
    """Write atomically, under the lock: a crash leaves the old file or the new one, never a broken one."""
    real = state.regular_file(path, "index")
    with state.locked(real, "index"):
        _write(index, real)


def update(path: str | Path, record: Callable[[Index], object],
           recorded: Index | None = None) -> tuple[Index, list[str]]:
    """Add a run to the index on disk and save it, under the lock, so runs writing one index at once each add
    theirs (last writer wins would keep one). ``recorded``: the index as this run read it with ``record``
    applied; it is written as it is when the file has not changed since (one run at a time, the usual case),
    else the file is read again and ``record`` applied to what it holds now. Returns the index saved and
    the notes of reading it again (a file that had to be moved aside meanwhile)."""
    real = state.regular_file(path, "index")
    with state.locked(real, "index"):
        raw = _raw(path, real)
        if recorded is not None and recorded.read_digest == _digest(raw):
            index, notes = recorded, []
        else:
            index = _parse(path, real, raw, move_aside=True)
            notes = index.notes
            record(index)
        _write(index, real)
    return index, notes


def _raw(path: str | Path, real: Path) -> bytes | None:
    """The file's bytes; None when there is no file."""
    try:
        return real.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StateError(f"index {path}: cannot read ({error.strerror})",
                         "check the path and its permissions") from None


def _digest(raw: bytes | None) -> str:
    return "" if raw is None else hashlib.sha256(raw).hexdigest()


def _parse(path: str | Path, real: Path, raw: bytes | None, move_aside: bool) -> Index:
    if raw is None:
        return Index()
    try:
        data = json.loads(raw, parse_constant=_no_constant)
        if _SURROGATE_ESCAPE.search(raw):
            data = _scrubbed(data)
        index = Index.from_json(data)
        index.read_digest = _digest(raw)
        return index
    except Unusable as error:
        kind, reason = error.kind, str(error)
    except (ValueError, RecursionError) as error:  # not JSON (or not UTF-8, or nested beyond reason)
        kind, reason = "corrupt", f"not valid JSON ({str(error)[:80] or type(error).__name__})"
    if kind == "corrupt":
        reason = f"unreadable or not a tokenopt index: {reason}"
    aside = real.with_name(f"{real.name}.{kind}-{int(time.time())}")
    try:
        if not move_aside:
            raise OSError
        os.replace(real, aside)
        action = f"moved aside to {aside.name} and started a fresh one"
    except OSError:
        action = "ignored"
    return Index(notes=[f"index {path}: {reason}; {action}"])


# JSON may spell a lone surrogate ("\ud800"), which no UTF-8 writer accepts; tokenopt writes none, so only a
# hand-edited file has one, and only then is every string looked at.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return without_lone_surrogates(value)
    if isinstance(value, list):
        return [_scrubbed(item) for item in value]
    if isinstance(value, dict):
        return {without_lone_surrogates(key): _scrubbed(item) for key, item in value.items()}
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _write(index: Index, real: Path) -> None:
    data = json.dumps(index.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    state.replace(real, data, "index", mode=0o644)  # 0o644: the cache-save step may run as another user


def _entry(entry_id: str, pattern: Pattern, now: str) -> Entry:
    event = pattern.event
    return Entry(entry_id, pattern.key, event.kind, event.priority.label, mask(event.message), event.message,
                 event.location, event.test_label or event.test_id, first_seen=now, last_seen=now)


def _summary(pattern: Pattern) -> str:
    """An error-type summary, not a trace: what failed, where, how it reads."""
    event = pattern.event
    where = f" at {event.location}" if event.location else ""
    return f"{event.kind.replace('_', ' ')}{where}: {event.message[:300]}"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
