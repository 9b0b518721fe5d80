"""CI framings: how GitHub Actions, GitLab, Travis, Jenkins, Buildkite, Azure Pipelines and CircleCI cut a
job log into steps, which step failed, and the verdict lines that say so.

A job log ends with whatever ran last (post-job cleanup, an upload under ``if: always()``), so the end of
the log is a poor place to look for the failure; the end of the failing step is a good one. The tracker
sees every line once, keeps the last lines of the steps that may have failed in bounded rings, and at
the end names the failing step and hands over its last lines. A log without any framing is one step.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from .model import Line

TAIL_LINES = 200  # kept per candidate step; the budget decides how many are shown
KEPT_CANDIDATES = 4  # finished steps with failures whose tails are kept, besides the current one
MAX_STEPS = 500  # steps listed per input; later ones are counted, not listed
LABEL_CHARS = 60

# A step starts: (system, pattern whose group "name" names it). Checked only on lines that start with one
# of _START_CHARS, so most lines cost one string test. "$ command" echoes (Travis, GitLab scripts, plain
# shell logs) start a step in any log; Buildkite's "--- " and "+++ " only after its "~~~ " has been seen,
# since go test ("--- FAIL:") and diffs ("--- a/x") print the same characters.
_STARTS = (
    ("github", re.compile(r"^##\[group\](?P<name>(?:Post )?Run .+)$")),
    ("github", re.compile(r"^(?P<name>Post job cleanup)\.$")),
    ("gitlab", re.compile(r"^section_start:\d+:(?P<name>\S+)")),
    ("travis", re.compile(r"^travis_fold:start:(?P<name>\S+)")),
    ("", re.compile(r"^\$ (?P<name>\S.*)$")),
    ("jenkins", re.compile(r"^\[Pipeline\] \{ \((?P<name>.+)\)$")),
    ("buildkite", re.compile(r"^~~~ (?P<name>\S.*)$")),
    ("azure", re.compile(r"^##\[section\]Starting: (?P<name>.+)$")),
)
_BUILDKITE_GROUP = re.compile(r"^(?:---|\+\+\+) (?P<name>\S.*)$")
_ENDS = re.compile(r"^(?:section_end:\d+:|travis_fold:end:|##\[section\]Finishing: |\[Pipeline\] // stage)")
# A step's own verdict: it failed (the exit status, where the system prints one).
STEP_VERDICT = re.compile(
    r"^##\[error\]Process completed with exit code (?P<code>\d+)"
    r"|^The command \".*\" exited with (?P<code2>\d+)\.$"
    r"|^ERROR: script returned exit code (?P<code3>\d+)"
    r"|^##\[error\].*\bexited with code '?(?P<code4>\d+)'?"
    r"|^##vso\[task\.complete result=(?P<azure>Failed)")
# The job's verdict: printed once, at the end of a failed job.
JOB_VERDICT = re.compile(
    r"^ERROR: Job failed: |^Done\. Your build exited with [1-9]|^Finished: (?:FAILURE|UNSTABLE|ABORTED)\b"
    r"|^Build step '.+' marked build as failure|^🚨 Error: The command exited with status [1-9]"
    r"|^Exited with code (?:exit status )?[1-9]|^CircleCI received exit code [1-9]")
_START_CHARS = ("##", "Post", "section_", "travis_", "$ ", "[Pipeline]", "~~~", "--- ", "+++ ")
_END_CHARS = ("section_end", "travis_fold:end", "##[section]Finishing", "[Pipeline] // stage")
_VERDICT_CHARS = ("##", "The command", "ERROR: ", "Done. ", "Finished: ", "Build step", "🚨", "Exited with", "CircleCI")
MARKS = tuple(dict.fromkeys(_START_CHARS + _END_CHARS + _VERDICT_CHARS))  # how a step's line may start


def is_boundary(text: str) -> bool:
    """A line that starts or ends a step, or says one failed: the lines before it are a step's last ones."""
    return text.startswith(_START_CHARS + _END_CHARS + _VERDICT_CHARS) and (
        any(pattern.match(text) for _, pattern in _STARTS) or bool(_ENDS.match(text)) or is_verdict(text))


def is_verdict(text: str) -> bool:
    """A line in which the CI system (not a tool) says a step or the job failed."""
    return text.startswith(_VERDICT_CHARS) and bool(STEP_VERDICT.search(text) or JOB_VERDICT.search(text))


@dataclass
class Step:
    """One step of a job: its name, where it starts and ends, whether it failed and what said so."""

    name: str
    source: str
    first: int
    last: int = 0
    failed: bool = False
    verdict: str = ""
    failures: int = 0  # failure lines found in it (by recognizers or the generic finder)
    tail: deque[Line] = field(default_factory=lambda: deque(maxlen=TAIL_LINES), repr=False)


@dataclass
class Framing:
    """What the tracker learned about one input: its CI system, its steps and the one that failed."""

    source: str
    system: str
    steps: list[Step]
    failing: Step | None  # the step whose last lines explain the failure (the whole log when unframed)
    tail: list[Line]  # the last lines of the failing step, else of the log
    verdicts: list[str]
    lines: int = 0  # the input's last line number
    step_starts: list[int] = field(default_factory=list)  # GitHub's step headers' line numbers, for links

    @property
    def label(self) -> str:
        """How the digest names what the tail is the end of (a long command by its start)."""
        what, name = self.label_parts
        return f"{what} \"{name}\"" if name else what

    @property
    def label_parts(self) -> tuple[str, str]:
        """The label's own words and the step's name (log text, which Markdown shows only as code)."""
        if self.failing is None or not self.failing.name:
            return "the log", ""
        name = self.failing.name if len(self.failing.name) <= LABEL_CHARS else self.failing.name[:LABEL_CHARS] + " …"
        return ("the failing step" if self.failing.failed else "step"), name


class StepTracker:
    """Sees every line of the inputs, in order; ``framings()`` says, per input, what failed where."""

    def __init__(self) -> None:
        self._framings: list[Framing] = []
        self._source = ""
        self._reset("")

    def _reset(self, source: str) -> None:
        self._source = source
        self.system = ""
        self.current = Step("", source, 1)
        self.steps: list[Step] = []
        self.candidates: deque[Step] = deque(maxlen=KEPT_CANDIDATES)
        self.log_tail: deque[Line] = deque(maxlen=TAIL_LINES)
        self.verdicts: list[str] = []
        self.job_failed = False
        self.first_failed: Step | None = None
        self.last_closed: Step | None = None
        self.overflow = 0
        self.last_line = 0
        self.github_starts: list[int] = []

    @property
    def step(self) -> str:
        """The name of the step the last line belongs to ('' outside any step)."""
        return self.current.name

    def see(self, line: Line) -> None:
        if line.source != self._source:
            self._finish_source()
            self._reset(line.source)
        text = line.text
        if text.startswith(_START_CHARS):
            self._maybe_start(line)
        self.current.last = self.last_line = line.number
        self.current.tail.append(line)
        self.log_tail.append(line)
        if text.startswith(_VERDICT_CHARS):
            self._maybe_verdict(text)
        if text.startswith(_END_CHARS) and _ENDS.match(text):
            self._close()

    def gap(self) -> None:
        """Lines were skipped unread: the tails start again, so they only ever hold consecutive lines."""
        self.current.tail.clear()
        self.log_tail.clear()

    def failure_seen(self) -> None:
        """A recognizer or the finder found a failure in the current line: the step may be the failing one."""
        self.current.failures += 1

    def _maybe_start(self, line: Line) -> None:
        starts = _STARTS + ((("buildkite", _BUILDKITE_GROUP),) if self.system == "buildkite" else ())
        for system, pattern in starts:
            match = pattern.match(line.text)
            if match:
                self.system = self.system or system
                if system == "github" and len(self.github_starts) < MAX_STEPS:
                    self.github_starts.append(line.number)
                self._close()
                self.current = Step(match.group("name").strip(), line.source, line.number)
                return

    def _maybe_verdict(self, text: str) -> None:
        step = STEP_VERDICT.search(text)
        if step:
            code = next((g for g in step.groups() if g), "")
            if code == "Failed" or (code.isdigit() and int(code) != 0):
                # printed after its step closed (Jenkins reports a stage's exit once the stage is over)
                failed = self.current if self.current.name or self.last_closed is None else self.last_closed
                failed.failed = True
                failed.verdict = text
                self.verdicts.append(text)
                if failed is self.last_closed and self.first_failed is None:
                    self.first_failed = failed
            if text.startswith("The command"):
                self._close()  # Travis closes a command's step with its exit status
        elif JOB_VERDICT.search(text):
            self.job_failed = True
            self.verdicts.append(text)

    def _close(self) -> None:
        """The current step ends: listed, and its tail kept only while it may be the failing one."""
        step = self.current
        if step.name or step.failures or step.failed:
            if len(self.steps) < MAX_STEPS:
                self.steps.append(step)
            else:
                self.overflow += 1
        if step.failed and self.first_failed is None:
            self.first_failed = step
        elif step.failures:
            if len(self.candidates) == self.candidates.maxlen:
                self.candidates[0].tail.clear()
            self.candidates.append(step)
        previous, self.last_closed = self.last_closed, (step if step.name else self.last_closed)
        if previous is not None and previous is not self.last_closed and previous is not self.first_failed \
                and previous not in self.candidates:
            previous.tail.clear()  # only the last closed step keeps its tail for a verdict printed after it
        self.current = Step("", self._source, step.last + 1)

    def _finish_source(self) -> None:
        if not self._source:
            return
        self._close()
        failing = self._failing()
        tail = list(failing.tail) if failing is not None else list(self.log_tail)
        self._framings.append(Framing(self._source, self.system, self.steps, failing, tail, self.verdicts,
                                      self.last_line, self.github_starts))

    def _failing(self) -> Step | None:
        """The step that failed: the first one with its own failure verdict; else the last step with failures
        in it when the log is framed in steps; else none (the log's end stands for it)."""
        if self.first_failed is not None:
            return self.first_failed
        named = [s for s in self.candidates if s.name]
        return named[-1] if named else None

    def framings(self) -> list[Framing]:
        """One framing per input seen; call once, after the last line."""
        self._finish_source()
        self._source = ""
        return self._framings
