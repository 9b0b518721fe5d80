"""The cross-run error-reference index file: every job's history (``history.JobHistory``) in one versioned
JSON file, saved atomically (temp file, fsync, rename) under a lock, checked field by field when loaded,
bounded in jobs, and per job in patterns and in the runs it remembers one by one. Copies written by
parallel jobs from one restored cache merge exactly: a run is the same run in every copy."""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import state
from .errors import StateError
from .fingerprint import FINGERPRINT_VERSION, short_id
from .history import MAX_PATTERNS, MAX_RUNS, Entry, JobHistory, Run, Verdict
from .index_schema import JOB, PATTERN, RUN, SCHEMA, VERSION, Unusable, check_header, check_names
from .model import Pattern
from .reader import without_lone_surrogates

MAX_JOBS = 200  # jobs remembered in one index file; the one run longest ago goes first
__all__ = ["MAX_PATTERNS", "MAX_RUNS", "Entry", "Index", "JobHistory", "Run", "Verdict", "load", "merge", "save",
           "update"]


@dataclass
class Index:
    """Every job's history in one file, so a cache restored by prefix serves a whole workflow."""

    jobs: dict[str, JobHistory] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # warnings from loading, for the digest and stderr
    read_digest: str = ""  # a hash of the file it was read from ("" for none): did the file change since?

    def job(self, key: str) -> JobHistory:
        """The history of job ``key`` (empty for a job not seen before)."""
        found = self.jobs.get(key)
        if found is None:
            found = self.jobs[key] = JobHistory(key)
        return found

    def record(self, patterns: list[Pattern], job: str = "", now: str = "", max_patterns: int = MAX_PATTERNS,
               summaries: bool = False, outcome: str = "failed", commit: str = "", seen: tuple[str, ...] = ()
               ) -> tuple[dict[str, Verdict], list[Entry]]:
        """Add a run of ``job``: a verdict per pattern id, and the previous run's failures gone now."""
        for pattern in patterns:
            pattern.id = pattern.id or short_id(pattern.key)
        found = self.job(job).record(patterns, list(seen), outcome, commit, now or _now(), max_patterns, summaries)
        self.bound()
        return found

    @property
    def entries(self) -> dict[str, Entry]:
        """Every job's patterns; a pattern two jobs share, by its latest copy."""
        found: dict[str, Entry] = {}
        for job in self.jobs.values():
            for entry in job.entries.values():
                if entry.id not in found or entry.last_seen > found[entry.id].last_seen:
                    found[entry.id] = entry
        return found

    @property
    def runs(self) -> list[Run]:
        return sorted((run for job in self.jobs.values() for run in job.runs), key=lambda r: r.time)

    def bound(self, max_jobs: int = MAX_JOBS) -> None:
        while len(self.jobs) > max_jobs:
            del self.jobs[min(self.jobs.values(), key=lambda job: job.last_time).key]

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "version": VERSION, "fingerprint_version": FINGERPRINT_VERSION,
                "jobs": [{"key": job.key, "runs": [vars(r) for r in job.runs],
                          "patterns": [vars(e) for e in sorted(job.entries.values(), key=lambda e: e.first_seen)],
                          "normal": list(job.normal)} for job in self.jobs.values()]}

    @classmethod
    def from_json(cls, data: Any) -> Index:
        """The index in ``data`` with every field checked; an ``Unusable`` error says why not."""
        check_header(data)
        jobs = {}
        for record in JOB.records(data.get("jobs"), "jobs"):
            runs = [Run(**run) for run in RUN.records(record["runs"], "runs")]
            entries = [Entry(**entry) for entry in PATTERN.records(record["patterns"], "patterns")]
            normal = dict.fromkeys(check_names(record.get("normal", []), "normal"))
            jobs[record["key"]] = JobHistory(record["key"], runs, {entry.id: entry for entry in entries}, normal)
        return cls(jobs)


def merge(indexes: list[Index], max_patterns: int = MAX_PATTERNS) -> Index:
    """One index holding every job, run and count of ``indexes`` (copies of one run are one run)."""
    merged = Index()
    for index in indexes:
        for job in index.jobs.values():
            merged.job(job.key).merged_with(job)
    for job in merged.jobs.values():
        job._evict(max_patterns, now_ids=set())
    merged.bound()
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


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
