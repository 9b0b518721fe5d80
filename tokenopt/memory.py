"""What a run remembers: its patterns checked against the cross-run index (new, recurring, fixed), and
the index written back once the digest is out."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

from . import index as index_store
from . import mcp_memory
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

    def save(self) -> None:
        if self.index is None:
            return
        index_store.save(self.index, self.path)
        if self.memory_file and self.store_memory:
            # The digest is already out: a warning about the shared file can only go to stderr.
            for warning in mcp_memory.write(self.index, self.memory_file):
                print(f"tokenopt: warning: {warning}", file=sys.stderr)


def recall(collected: Collected, settings: Settings) -> Memory:
    """Mark each remembered pattern new or recurring, list what was fixed since the last run; reorder so new
    failures come first within their priority. Without an index path, nothing is remembered."""
    if not settings.index:
        return Memory()
    index = index_store.load(settings.index)
    collected.notes.extend(index.notes)
    has_history = bool(index.runs)
    remembered = [p for p in collected.patterns if p.priority >= REMEMBERED and p.event.kind not in RESULT_KINDS]
    store = settings.store_memory or bool(settings.memory_file)  # a memory file is asked-for memory
    verdicts, fixed = index.record(remembered, summaries=store,
                                   max_patterns=settings.index_max_patterns)
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
    return Memory(index, settings.index, shown, settings.memory_file, store)


def _new_first(patterns: list[Pattern]) -> None:
    ranked = sorted(patterns, key=lambda p: (-p.priority, not p.new, p.order))
    for order, pattern in enumerate(ranked):
        pattern.order = order
