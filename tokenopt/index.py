"""The cross-run error-reference index: which patterns were seen before, since when, how often.

A versioned JSON file, saved atomically (temp file, fsync, rename), bounded in patterns and in the
runs it remembers one by one. Each pattern keeps its counts per remembered run, so indexes written by
parallel jobs from the same restored cache merge exactly: a run is the same run in every copy. Runs
that fall out of the window are folded into ``older_runs``/``older_count``; merging takes the larger
of those, because both copies derive them from the same history.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import StateError
from .fingerprint import FINGERPRINT_VERSION, mask, short_id
from .model import Pattern

SCHEMA = "tokenopt-index"
VERSION = 1
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
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise ValueError("not a tokenopt index")
        if not isinstance(data.get("version"), int) or data["version"] > VERSION:
            raise _FutureVersion(f"index version {data.get('version')!r} is newer than this tokenopt ({VERSION})")
        runs = [Run(**r) for r in data["runs"]]
        entries = {e["id"]: Entry(**e) for e in data["patterns"]}
        if data.get("fingerprint_version") != FINGERPRINT_VERSION:
            entries = {}  # keys made by other masks would never match again: start the history afresh
        return cls(entries, runs)


class _FutureVersion(ValueError):
    pass


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
    """The index at ``path``; a fresh one if there is none. A corrupt or newer file is moved aside (unless
    only read), never trusted."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Index()
    except OSError as error:
        raise StateError(f"cannot read index {path}: {error.strerror}", "check the path and its permissions") from None
    try:
        return Index.from_json(json.loads(raw))
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        aside = path.with_name(f"{path.name}.{'newer' if isinstance(error, _FutureVersion) else 'corrupt'}-"
                               f"{int(time.time())}")
        try:
            if not move_aside:
                raise OSError
            os.replace(path, aside)
        except OSError:
            aside = path
        reason = str(error) if isinstance(error, _FutureVersion) else "unreadable or not a tokenopt index"
        action = f"moved aside to {aside.name} and started a fresh one" if aside != path else "ignored"
        return Index(notes=[f"index {path}: {reason}; {action}"])


def save(index: Index, path: str | Path) -> None:
    """Write atomically: a crash leaves the old file or the new one, never a broken one."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(json.dumps(index.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes 0600; the cache-save step may run as another user
        os.replace(temp, path)
    except OSError as error:
        raise StateError(f"cannot write index {path}: {error.strerror}", "check the directory and its permissions") \
            from None


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
