"""One job's memory: its runs, the failure patterns seen in them, what its passing runs print, and the
verdict a new run's failures get from them.

A job is the unit: a failure is new, a regression, recurring, flaky or fixed only against earlier runs of
the same job (the same workflow job and matrix values, or the same command line), never against another
job's. Each pattern keeps its count per remembered run, so copies of one job's history written by parallel
jobs from one restored cache merge exactly. Runs that fall out of the window are folded into
``older_runs``/``older_count``.
"""
from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field

from .fingerprint import mask
from .model import Pattern

MAX_PATTERNS = 5_000  # per job
MAX_RUNS = 30  # remembered one by one, per job
MAX_NORMAL = 10_000  # patterns of passing runs remembered, per job
FLAKY_WINDOW = 10  # "flaky 4/10": failed in 4 of the last 10 runs
FLAKY_FLIPS = 3  # a failure that came and went this often in the window is flaky
PRIORITY_RANK = {"critical": 4, "high": 3, "medium": 2, "low": 1, "verbose": 0}


@dataclass
class Run:
    id: str
    time: str
    label: str = ""
    patterns: int = 0
    outcome: str = ""  # "failed" or "passed": whether the run had failures
    commit: str = ""


@dataclass
class Entry:
    """One error pattern across a job's runs. ``example`` is already redacted: lines are redacted when read."""

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
    """What a job's history says of one failure of this run."""

    id: str
    state: str  # shown: "new" (never seen), "regression" (back after a run without it), "recurring" or "flaky"
    first_seen: str
    runs_seen: int
    streak: int  # runs in a row, this one included, that had it
    failed: int  # runs of the last ``window`` (this one included) that had it
    window: int
    new: bool = False  # this job never had it before
    regression: bool = False  # the job's previous run did not have it (a brand-new failure after a pass too)

    def history(self) -> str:
        """A short column: ``new``, ``regression``, ``3rd run``, ``flaky 4/10``."""
        if self.state == "flaky":
            return f"flaky {self.failed}/{self.window}"
        if self.state == "recurring":
            return f"{_ordinal(self.streak)} run"
        return self.state


@dataclass
class JobHistory:
    key: str
    runs: list[Run] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    normal: dict[str, None] = field(default_factory=dict)  # pattern ids seen in passing runs, oldest first

    @property
    def last_time(self) -> str:
        return self.runs[-1].time if self.runs else ""

    def is_normal(self, pattern_id: str) -> bool:
        return pattern_id in self.normal

    def record(self, patterns: list[Pattern], seen_ids: list[str], outcome: str, commit: str, now: str,
               max_patterns: int = MAX_PATTERNS, summaries: bool = False) -> tuple[dict[str, Verdict], list[Entry]]:
        """Add this run: its failure ``patterns`` (by id) and, when it passed, every pattern id it printed (what
        is normal for the job). A verdict per pattern id, and the failures of the previous run gone now."""
        previous = self.runs[-1] if self.runs else None
        run = Run(uuid.uuid4().hex[:10], now, patterns=len(patterns), outcome=outcome, commit=commit)
        fresh = set()
        for pattern in patterns:
            entry = self.entries.get(pattern.id)
            if entry is None:
                entry = self.entries[pattern.id] = _entry(pattern, now)
                fresh.add(pattern.id)
            entry.counts[run.id] = entry.counts.get(run.id, 0) + pattern.count
            entry.last_seen, entry.example = now, pattern.event.message
            entry.location = pattern.event.location or entry.location
            if summaries:
                entry.summary = _summary(pattern)
        before = self.runs[:]
        self.runs.append(run)
        verdicts = {p.id: self._verdict(self.entries[p.id], p.id in fresh, previous, before, run) for p in patterns}
        gone = [self.entries[i] for i in sorted(self._ids_in(previous) - set(verdicts)) if i in self.entries]
        if outcome == "passed":
            self._learn(seen_ids)
        self._fold_old_runs()
        self._evict(max_patterns, now_ids=set(verdicts))
        return verdicts, gone

    def _verdict(self, entry: Entry, new: bool, previous: Run | None, before: list[Run], run: Run) -> Verdict:
        window = self.runs[-FLAKY_WINDOW:]
        present = [r.id in entry.counts for r in window]
        flips = sum(1 for a, b in zip(present, present[1:], strict=False) if a != b)
        same_commit = bool(run.commit) and any(r.commit == run.commit and r.id not in entry.counts for r in before)
        streak = 0
        for here in reversed(present):
            if not here:
                break
            streak += 1
        regression = previous is not None and previous.id not in entry.counts
        if flips >= FLAKY_FLIPS or same_commit:
            state = "flaky"
        elif new:
            state = "new"
        else:
            state = "regression" if regression else "recurring"
        return Verdict(entry.id, state, entry.first_seen, entry.runs_seen, streak, sum(present), len(window),
                       new, regression)

    def _ids_in(self, run: Run | None) -> set[str]:
        return set() if run is None else {entry.id for entry in self.entries.values() if run.id in entry.counts}

    def _learn(self, seen_ids: list[str]) -> None:
        """A passing run: what it printed is normal for the job (the newest kept, the oldest forgotten first)."""
        for pattern_id in seen_ids:
            self.normal.pop(pattern_id, None)
            self.normal[pattern_id] = None
        while len(self.normal) > MAX_NORMAL:
            del self.normal[next(iter(self.normal))]

    def _fold_old_runs(self) -> None:
        while len(self.runs) > MAX_RUNS:
            gone = self.runs.pop(0).id
            for entry in self.entries.values():
                if gone in entry.counts:
                    entry.older_runs += 1
                    entry.older_count += entry.counts.pop(gone)

    def _evict(self, max_patterns: int, now_ids: set[str]) -> None:
        """At most ``max_patterns``, a hard limit: the least recently seen go first, then this run's least
        severe."""
        excess = len(self.entries) - max_patterns
        if excess <= 0:
            return
        order = sorted(self.entries.values(), key=lambda e: (e.id in now_ids, PRIORITY_RANK.get(e.priority, 0),
                                                             e.last_seen))
        for entry in order[:excess]:
            del self.entries[entry.id]

    def merged_with(self, other: JobHistory) -> None:
        """Fold another copy of this job's history in (one run is the same run in every copy)."""
        runs = {run.id: run for run in self.runs}
        for run in other.runs:
            runs.setdefault(run.id, run)
        for entry in other.entries.values():
            known = self.entries.get(entry.id)
            if known is None:
                self.entries[entry.id] = Entry(**{**asdict(entry), "counts": dict(entry.counts)})
                continue
            known.counts.update(entry.counts)
            known.older_runs = max(known.older_runs, entry.older_runs)
            known.older_count = max(known.older_count, entry.older_count)
            known.first_seen = min(known.first_seen, entry.first_seen)
            if entry.last_seen > known.last_seen:
                known.last_seen, known.example, known.summary = entry.last_seen, entry.example, entry.summary
                known.location = entry.location or known.location
        self.runs = sorted(runs.values(), key=lambda r: r.time)
        self._learn(list(other.normal))
        self._fold_old_runs()


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _entry(pattern: Pattern, now: str) -> Entry:
    event = pattern.event
    return Entry(pattern.id, pattern.key, event.kind, event.priority.label, mask(event.message), event.message,
                 event.location, event.test_label or event.test_id, first_seen=now, last_seen=now)


def _summary(pattern: Pattern) -> str:
    """An error-type summary, not a trace: what failed, where, how it reads."""
    event = pattern.event
    where = f" at {event.location}" if event.location else ""
    return f"{event.kind.replace('_', ' ')}{where}: {event.message[:300]}"
