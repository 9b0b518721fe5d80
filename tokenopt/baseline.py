"""What a job's passing runs print, and what that changes in the digest of a failing run of the job.

A passing run teaches its job what is normal: the ids of its patterns and of the lines it printed (line ids
are the light-masked text, so a new duration or counter is the same line) share the job's bounded ``normal``
set. In a failing run, a pattern that passing runs print too sinks (a generic error line among them drops a
tier: it is not what failed), a pattern they never print rises and is marked, and the failing step's last
lines skip the runs of lines that passing runs print too, so the same tokens reach further back into what is
new (the approach of CI failure analysis that shows only lines absent from successful runs).
"""
from __future__ import annotations

from .finder import FINDER_KINDS
from .fingerprint import light_mask, short_id
from .history import JobHistory
from .model import RESULT_KINDS, Collected, Line, Pattern, Priority

NORMAL_RANK, NOVEL_RANK = -3.0, 2.0
QUIET_MIN = 3  # fewer normal lines in a row stay in the tail: the marker would cost about as much


def line_id(text: str) -> str:
    return short_id("line|" + light_mask(text.strip()))


def printed(collected: Collected) -> list[str]:
    """What this run printed, as ids: its patterns, and the lines of its messages, details and tails."""
    texts = [p.event.message for p in collected.patterns] + [d for p in collected.patterns for d in p.event.detail]
    texts += [line.text for framing in collected.framings for line in framing.tail]
    texts += [line.text for line in collected.whole or []]
    return [p.id for p in collected.patterns] + list(dict.fromkeys(line_id(text) for text in texts if text.strip()))


def apply(collected: Collected, job: JobHistory) -> None:
    """Sink what the job's passing runs print, raise what they never do, and quiet the tails."""
    if not job.normal:
        return
    for pattern in collected.patterns:
        _rank(pattern, job)
    failures = {p.event.message for p in collected.patterns if p.priority >= Priority.HIGH}
    for framing in collected.framings:
        framing.tail = quiet(framing.tail, job, failures)


def _rank(pattern: Pattern, job: JobHistory) -> None:
    if pattern.event.kind in RESULT_KINDS:
        return
    if job.is_normal(pattern.id):
        pattern.rank += NORMAL_RANK
        if pattern.event.kind in FINDER_KINDS and Priority.LOW < pattern.priority:
            pattern.event.priority = Priority(pattern.priority - 1)
    else:
        pattern.rank += NOVEL_RANK
        if pattern.priority >= Priority.MEDIUM:
            pattern.history = "not in passing runs"


def quiet(lines: list[Line], job: JobHistory, keep: set[str]) -> list[Line]:
    """``lines`` with each run of ``QUIET_MIN`` or more lines that passing runs print too (blank lines
    among them) replaced by one marker line; a line in ``keep`` (a failure's own line) always stays."""
    out: list[Line] = []
    quiet_run: list[Line] = []

    def flush() -> None:
        printed_lines = [line for line in quiet_run if line.text.strip()]
        if len(printed_lines) >= QUIET_MIN:
            first = quiet_run[0]
            out.append(Line(first.source, first.number, f"… {len(quiet_run)} lines that passing runs print too"))
        else:
            out.extend(quiet_run)
        quiet_run.clear()

    for line in lines:
        if not line.text.strip() or (line.text not in keep and job.is_normal(line_id(line.text))):
            quiet_run.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return out
