"""The data that flows through the pipeline: lines in, events and a digest out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .steps import Framing


# A run's page: scheme and host (a port on a test server), owner/name, the run id. Nothing else passes.
RUN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/actions/runs/[0-9]+")


class Priority(IntEnum):
    """Higher is more important, so ``>=`` reads as "at least as severe"."""

    VERBOSE = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Priority":
        return cls[name.strip().upper()]


@dataclass(frozen=True, slots=True)
class Line:
    """One normalised, redacted line of input."""

    source: str
    number: int
    text: str


# Kinds that report a run's result ("=== 3 failed, 25 passed ===", "FAIL src/a.test.js", a CI system's
# "Process completed with exit code 1."), not a problem of their own: they never decide --fail-on and are
# not remembered as error patterns.
RESULT_KINDS = frozenset({"summary", "failed_suite", "banner", "verdict"})


@dataclass(slots=True)
class Event:
    """Something worth reporting: a failed test, an error with its traceback, a warning, a line of info.

    Everything it quotes is the log's own text: ``message`` is one line as printed (the failure line),
    ``detail`` the few lines that explain it (the assertion, the compared values, the root cause) and
    ``excerpt`` the lines that belong to the event (a traceback's frames, an assertion's diff), already
    capped so memory stays bounded.
    """

    priority: Priority
    kind: str
    message: str
    source: str
    line: int
    location: str = ""
    test_id: str = ""  # one spelling per test, for grouping its views (section, summary line)
    test_label: str = ""  # the fullest spelling seen, for people (pytest's node id with the file path)
    excerpt: tuple[str, ...] = ()
    detail: tuple[str, ...] = ()
    omitted_lines: int = 0
    key: str = ""
    step: str = ""  # the CI step (``##[group]Run …``, a GitLab section, a Jenkins stage) it happened in

    @property
    def where(self) -> str:
        return self.location or f"{self.source}:{self.line}"


@dataclass(frozen=True, slots=True)
class Link:
    """A place in a job's log on GitHub: the run's page, else the job's, else a line of one of its steps. Built
    only from a validated run URL and numbers (never from log text), so a link cannot point anywhere else."""

    run_url: str
    job: int | None = None
    step: int | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        if not RUN_URL.fullmatch(self.run_url):
            raise ValueError(f"not a run's URL: {self.run_url!r}")
        for number in (self.job, self.step, self.line):
            if number is not None and (type(number) is not int or number < 1):
                raise ValueError(f"not a positive number: {number!r}")

    @property
    def url(self) -> str:
        if self.job is None:
            return self.run_url
        job = f"{self.run_url}/job/{self.job}"
        return f"{job}#step:{self.step}:{self.line}" if self.step is not None and self.line is not None else job


@dataclass(slots=True)
class Seen:
    """A pattern in one input (a job's log): how often, its first line there, what it said there that the
    pattern's shown event does not (the values that differ from job to job), and the link to that line."""

    count: int = 1
    line: int = 0
    differs: tuple[str, ...] = ()
    link: Link | None = None


@dataclass(slots=True)
class Pattern:
    """Events folded together because they share a key: one representative, a count, first and last."""

    key: str
    event: Event
    count: int = 1
    first: str = ""
    last: str = ""
    order: int = 0
    id: str = ""  # the short fingerprint, once the index has seen the pattern
    new: bool | None = True  # not in this job's history before this run (None: a result line, no finding)
    verdict: str = ""  # against this job's history: new, regression, recurring or flaky
    regression: bool = False  # the job's previous run did not have it
    history: str = ""  # "new", or "seen in 7 of the last 10 runs since 2026-11-01", once there is a history
    first_seen: str = ""
    runs_seen: int = 0
    # Folded events need not be equal: the distinct messages (a few) and, per masked part, its distinct values
    # (``line 24, 34, 48, 51``), so a fold never passes off one occurrence's value as every occurrence's.
    variants: list[str] = field(default_factory=list)
    distinct: int = 1
    values: list[dict[str, None]] = field(default_factory=list)
    rank: float = 0.0  # within its priority, higher is kept longer (place, rarity); set once the input is read
    sources: dict[str, Seen] = field(default_factory=dict)  # the inputs (jobs) it occurred in, in order

    @property
    def priority(self) -> Priority:
        return self.event.priority


@dataclass(slots=True)
class Tally:
    """How many events of one priority were seen, and how many patterns they folded into."""

    events: int = 0
    patterns: int = 0
    overflow: int = 0


@dataclass(slots=True)
class Collected:
    """Everything a streaming pass learned about the input: patterns by priority plus volume figures."""

    patterns: list[Pattern]
    tallies: dict[Priority, Tally]
    input_bytes: int
    input_lines: int
    input_chars: int
    input_tokens: int
    input_tokens_exact: bool
    sources: list[str]
    notes: list[str] = field(default_factory=list)
    profile: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # how the digest names each input's job, when several
    framings: list["Framing"] = field(default_factory=list)  # per input: its CI steps, the failing one, its tail
    whole: list[Line] | None = None  # every line, while the input is small enough to be passed through whole
    unread: list[str] = field(default_factory=list)  # sources of which nothing could be read (each has a note)

    @property
    def nothing_read(self) -> bool:
        """No line was read and some input could not be: "no failures found" would be a guess, not a finding."""
        return bool(self.unread) and not self.input_lines
