"""Where each input came from: the job it is the log of (how the digest names it) and its place on GitHub, so a
failure can link to its line in the job's log (``{run}/job/{job}#step:{step}:{line}``).

GitHub's job log is its steps' logs one after another: the lines before the first ``##[group]Run …`` are "Set up
job" (step 1), each ``##[group]Run …`` starts the next step, and a step's line 1 is that header. The step numbers
are the jobs API's (they may skip; a skipped step has no lines); without them, the headers are counted.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import RUN_URL, Collected, Link, Pattern
from .steps import Framing

_SERVER = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?")
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_LOG_SUFFIX = re.compile(r"\.(?:log|txt|out)$")


@dataclass(frozen=True)
class Origin:
    """One input's job: its name, its run's page, its job id and step numbers when known."""

    label: str
    run_url: str = ""
    job: int | None = None
    steps: tuple[int, ...] = ()  # the jobs API's numbers of the steps that ran, in order; () when unknown

    def link(self, line: int, starts: Sequence[int]) -> Link | None:
        """The link to ``line`` of this input: to the line in its step when the job and its steps are known, to
        the job's page when only the job is, to the run's page when only the run is, else none."""
        if not RUN_URL.fullmatch(self.run_url):
            return None
        if self.job is None:
            return Link(self.run_url)
        before = bisect_right(starts, line)  # step headers at or before the line: 0 is "Set up job"
        numbers = self.steps or tuple(range(1, len(starts) + 2))
        # "Set up job", a header per step, "Complete job": a log that says otherwise (a composite action's own
        # groups) cannot be matched to the steps, and a link to the wrong step is worse than one to the job
        agrees = not self.steps or len(self.steps) == len(starts) + 2
        if line < 1 or before >= len(numbers) or not agrees:
            return Link(self.run_url, self.job)
        within = line - starts[before - 1] + 1 if before else line
        return Link(self.run_url, self.job, numbers[before], within)


def run_url(server_url: str, repository: str, run_id: str | int) -> str:
    """A run's page from the runner's context (``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY``, ``GITHUB_RUN_ID``),
    or '' unless all three are well formed."""
    server, run = server_url.rstrip("/"), str(run_id)
    if _SERVER.fullmatch(server) and _REPOSITORY.fullmatch(repository) and run.isdigit():
        return f"{server}/{repository}/actions/runs/{int(run)}"
    return ""


def labels_for(sources: Iterable[str], known: Mapping[str, str] | None = None) -> dict[str, str]:
    """How the digest names each input: the name it is known by (a job's), else the shortest tail of its path
    that tells it apart from the others, without ``.log``."""
    known = known or {}
    sources = list(dict.fromkeys(sources))
    parts = {source: source.replace("\\", "/").split("/") for source in sources if source not in known}
    labels = dict(known)
    for source, pieces in parts.items():
        for size in range(1, len(pieces) + 1):
            tail = "/".join(pieces[-size:])
            if sum("/".join(other[-size:]) == tail for other in parts.values()) == 1:
                break
        labels[source] = _LOG_SUFFIX.sub("", tail) or tail
    return {source: labels[source] for source in sources if source in labels}


def attach_links(patterns: Iterable[Pattern], origins: Mapping[str, Origin], framings: Iterable[Framing]) -> None:
    """Each pattern's occurrence in each input gets the link to its first line there."""
    starts = {framing.source: framing.step_starts for framing in framings}
    for pattern in patterns:
        for source, seen in pattern.sources.items():
            origin = origins.get(source)
            if origin is not None and seen.link is None:
                seen.link = origin.link(seen.line, starts.get(source, ()))


def place(collected: Collected, known: Mapping[str, Origin], run_page: str = "") -> None:
    """Name each input's job (``collected.labels``) and link each occurrence of a pattern to its line: inputs
    from the API by their job, the others (log files) by the run they were read in, when it is known."""
    collected.labels = labels_for(collected.sources, {source: origin.label for source, origin in known.items()})
    origins = {source: known.get(source) or Origin(label, run_page) for source, label in collected.labels.items()}
    attach_links(collected.patterns, origins, collected.framings)
