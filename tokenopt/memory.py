"""What a run remembers: its patterns checked against the cross-run index (new, recurring, fixed), and
the index written back once the digest is out."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import index as index_store
from . import mcp_memory, state
from .errors import StateError
from .model import RESULT_KINDS, Collected, Pattern, Priority
from .settings import Settings

REMEMBERED = Priority.MEDIUM  # errors and warnings are remembered; context lines would flood the index
FIXED_SHOWN = 10


@dataclass
class Memory:
    index: index_store.Index | None = None
    path: str = ""
    fixed: list[str] = field(default_factory=list)
    memory_file: str = ""  # the MCP memory server's graph file, updated too when store_memory is on
    store_memory: bool = False
    remembered: list[Pattern] = field(default_factory=list)  # this run's, recorded again when saving
    now: str = ""  # this run's time in the index
    max_patterns: int = index_store.MAX_PATTERNS
    warnings: list[str] = field(default_factory=list)  # state files that could not be used, for stderr/the log

    def save(self) -> list[str]:
        """Add this run to the index as it is now on disk (other runs may have saved since it was read), then
        the memory file. The digest is already out: a problem is a warning returned (and kept), never an abort."""
        if self.index is None:
            return []
        found: list[str] = []
        try:
            saved, notes = index_store.update(self.path, lambda index: index.record(
                self.remembered, now=self.now, summaries=self.store_memory, max_patterns=self.max_patterns),
                recorded=self.index)
            found += notes
            if self.memory_file and self.store_memory:
                found += mcp_memory.write(saved, self.memory_file)
        except StateError as error:
            found.append(error.one_line())
        self.warnings += found
        return found


def recall(collected: Collected, settings: Settings) -> Memory:
    """Mark each remembered pattern new or recurring, list what was fixed since the last run; reorder so new
    failures come first within their priority. Without an index path, nothing is remembered; an index that
    cannot be used is a note and a warning, and the run goes on without one."""
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
    has_history = bool(index.runs)
    remembered = [p for p in collected.patterns if p.priority >= REMEMBERED and p.event.kind not in RESULT_KINDS]
    verdicts, fixed = index.record(remembered, summaries=store, max_patterns=settings.index_max_patterns)
    for pattern in remembered:
        verdict = verdicts[pattern.key]
        pattern.id, pattern.new = verdict.id, verdict.new
        pattern.first_seen, pattern.runs_seen = verdict.first_seen, verdict.runs_seen
        # Only failures carry their history in the digest: on a summary or a warning it is noise.
        if has_history and pattern.priority == Priority.CRITICAL:
            pattern.history = verdict.history()
    if has_history:
        _new_first(collected.patterns)
    shown = [f"{e.example[:200]}" + (f" ({e.location})" if e.location and e.location not in e.example else "")
             for e in fixed if e.priority == Priority.CRITICAL.label]
    if len(shown) > FIXED_SHOWN:
        shown = shown[:FIXED_SHOWN] + [f"… and {len(shown) - FIXED_SHOWN} more"]
    return Memory(index, settings.index, shown, settings.memory_file, store, remembered, index.runs[-1].time,
                  settings.index_max_patterns)


def _new_first(patterns: list[Pattern]) -> None:
    ranked = sorted(patterns, key=lambda p: (-p.priority, not p.new, p.order))
    for order, pattern in enumerate(ranked):
        pattern.order = order
