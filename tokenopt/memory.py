"""What a run remembers: its failures judged against earlier runs of the same job (new, regression,
recurring, flaky, fixed), what the job's passing runs print (lines that explain a failure are the ones a
passing run never prints), and the index written back once the digest is out."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from . import baseline, mcp_memory, state
from . import index as index_store
from .errors import StateError
from .finder import assess
from .fingerprint import short_id
from .history import Entry, Verdict
from .model import RESULT_KINDS, Collected, Pattern, Priority
from .settings import PASSED, Settings

REMEMBERED = Priority.MEDIUM  # errors and warnings are remembered; context lines would flood the index
FIXED_SHOWN = 10
CLEAN_END_LINES = 30  # the last lines of a log (or of its failing step) that must hold no error for a pass


@dataclass
class Memory:
    index: index_store.Index | None = None
    path: str = ""
    job: str = ""
    fixed: list[str] = field(default_factory=list)
    memory_file: str = ""  # the MCP memory server's graph file, updated too when store_memory is on
    store_memory: bool = False
    record: tuple = ()  # what this run adds (patterns, ids seen, outcome, commit, time): applied again on save
    max_patterns: int = 0
    warnings: list[str] = field(default_factory=list)  # state files that could not be used, for stderr/the log
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    fixed_count: int = 0

    def counts(self) -> dict[str, int]:
        """Failures by verdict, and the fixed ones: the action's outputs."""
        verdicts = self.verdicts.values()
        return {"new": sum(v.new for v in verdicts), "regression": sum(v.regression for v in verdicts),
                "flaky": sum(v.state == "flaky" for v in verdicts), "fixed": self.fixed_count}

    def save(self) -> list[str]:
        """Add this run to the index as it is now on disk (other runs may have saved since it was read), then
        the memory file. The digest is already out: a problem is a warning returned (and kept), never an abort."""
        if self.index is None:
            return []
        found: list[str] = []
        try:
            saved, notes = index_store.update(self.path, self._apply, recorded=self.index)
            found += notes
            if self.memory_file and self.store_memory:
                found += mcp_memory.write(saved, self.memory_file)
        except StateError as error:
            found.append(error.one_line())
        self.warnings += found
        return found

    def _apply(self, index: index_store.Index) -> None:
        patterns, seen, outcome, commit, now = self.record
        index.record(patterns, self.job, now, self.max_patterns, self.store_memory, outcome, commit, seen)


def job_key(settings: Settings) -> str:
    """The job a run belongs to: the one named, else the inputs it reads (the same command, the same job)."""
    if settings.job:
        return settings.job
    named = sorted(settings.log_file) + ([settings.run] if settings.run else [])
    return "inputs:" + hashlib.sha1("\n".join(named).encode()).hexdigest()[:12]


def recall(collected: Collected, settings: Settings, now: str = "") -> Memory:
    """Judge this run's failures against the job's earlier runs, rank its lines by what the job's passing runs
    print, and list what was fixed. Without an index path nothing is remembered; an index that cannot be used
    is a note and a warning, and the run goes on without one."""
    if not settings.index:
        return Memory()
    store = settings.store_memory or bool(settings.memory_file)  # a memory file is asked-for memory
    try:
        index = index_store.load(settings.index)
        if settings.memory_file:
            state.regular_file(settings.memory_file, "memory file")
    except StateError as error:
        collected.notes.append(error.one_line())
        return Memory(warnings=[error.one_line()])
    collected.notes.extend(index.notes)
    key = job_key(settings)
    job = index.job(key)
    for pattern in collected.patterns:
        pattern.id = short_id(pattern.key)
    # judged and read before the job's normal lines change anything: only a pass, as it was printed, teaches
    outcome = run_outcome(collected, settings.outcome)
    seen = tuple(baseline.printed(collected)) if outcome == "passed" else ()
    baseline.apply(collected, job)
    remembered = [p for p in collected.patterns if p.priority >= REMEMBERED and p.event.kind not in RESULT_KINDS]
    now = now or index_store._now()
    record = (remembered, seen, outcome, settings.commit, now)
    had_history = bool(job.runs)
    verdicts, gone = index.record(remembered, key, now, settings.index_max_patterns, store, outcome,
                                  settings.commit, seen)
    for pattern in remembered:
        verdict = verdicts[pattern.id]
        pattern.new, pattern.first_seen, pattern.runs_seen = verdict.new, verdict.first_seen, verdict.runs_seen
        pattern.verdict, pattern.regression = verdict.state, verdict.regression
        # failures carry their history; on a summary or a warning it is noise
        if had_history and pattern.priority == Priority.CRITICAL:
            pattern.history = verdict.history()
    for pattern in collected.patterns:
        if pattern.event.kind in RESULT_KINDS:
            pattern.new = None  # a result line is no finding: neither new nor known
    if had_history:
        _new_first(collected.patterns)
    failures = {v.id: v for p, v in ((p, verdicts[p.id]) for p in remembered) if p.priority == Priority.CRITICAL}
    fixed = [e for e in gone if e.priority == Priority.CRITICAL.label]
    return Memory(index, settings.index, key, _fixed(fixed), settings.memory_file, store, record,
                  settings.index_max_patterns, verdicts=failures, fixed_count=len(fixed))


def run_outcome(collected: Collected, told: str) -> str:
    """Whether the run passed: as CI says when told, else from the log: no failure, no failing step and no error
    among its last lines (where a job says why it stopped). An error line earlier on does not fail a run:
    passing runs print them too, and those are what they should teach; a run wrongly taken for a pass would
    teach its own failure as normal, so the end of the log must be clean."""
    if told != "auto":
        return "passed" if told in PASSED else "failed"
    failures = any(p.priority == Priority.CRITICAL and p.event.kind not in RESULT_KINDS for p in collected.patterns)
    failing_step = any(f.failing is not None and f.failing.failed for f in collected.framings)
    last = [line.text for framing in collected.framings for line in framing.tail[-CLEAN_END_LINES:]]
    return "failed" if failures or failing_step or any(_stops(text) for text in last) else "passed"


def _stops(text: str) -> bool:
    finding = assess(text)
    return finding is not None and finding.priority >= Priority.HIGH and finding.kind not in RESULT_KINDS


def _fixed(gone: list[Entry]) -> list[str]:
    shown = [f"{e.example[:200]}" + (f" ({e.location})" if e.location and e.location not in e.example else "")
             for e in gone]
    if len(shown) > FIXED_SHOWN:
        shown = shown[:FIXED_SHOWN] + [f"… and {len(shown) - FIXED_SHOWN} more"]
    return shown


def _new_first(patterns: list[Pattern]) -> None:
    ranked = sorted(patterns, key=lambda p: (-p.priority, not p.new, p.order))
    for order, pattern in enumerate(ranked):
        pattern.order = order
