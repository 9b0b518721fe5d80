"""A workflow run's job logs from GitHub's REST API, downloaded to files the reader takes like any other.

A run is named by its URL (``https://github.com/OWNER/REPO/actions/runs/RUN_ID``, a job's URL
``…/job/JOB_ID``, or a re-run's ``…/attempts/N``) or by its id and repository. Its jobs are listed page by
page; the selected jobs' logs (GitHub answers 302 with a short-lived URL to the text) are streamed into a
temporary folder, one file per job, and handed to the pipeline as sources named after the job, so nothing
after the reader knows they came from the API. What links back to each job (its id, page, steps and run)
stays with the result for the reports.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import urllib.parse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import NoInputError, Purpose, UsageError
from .origins import Origin
from .reader import Source

if TYPE_CHECKING:  # the client (urllib.request, http.client, email, ssl) loads only when a run is read
    from .github import GitHubClient

DEFAULT_SERVER_URL = "https://github.com"
JOBS = ("failed", "all")
FAILED = ("failure", "timed_out", "startup_failure")  # the conclusions `gh run view --log-failed` reads
RUN_LOGS = Purpose("actions: read", "check the run (or job) id and the repository; a private repository needs a "
                   "token that may read its Actions (`permissions: actions: read`)")
NAMES_SHOWN = 10  # job names listed in a note before "and N more"

_RUN_URL = re.compile(r"(?P<server>https?://[^/?#]+)/(?P<repository>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)"
                      r"/actions/runs/(?P<run>[0-9]+)(?:/attempts/(?P<attempt>[0-9]+)|/job/(?P<job>[0-9]+))?/?"
                      r"(?:[?#].*)?")
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


@dataclass(frozen=True)
class RunTarget:
    """The run (or one job of it) to read, and the GitHub it lives on."""

    server_url: str
    repository: str
    run_id: int
    job_id: int | None = None
    attempt: int | None = None

    @property
    def url(self) -> str:
        return f"{self.server_url}/{self.repository}/actions/runs/{self.run_id}"

    @property
    def jobs_path(self) -> str:
        """The jobs list, 100 a page: of the latest attempt, or of the attempt the URL named."""
        runs = f"/repos/{self.repository}/actions/runs/{self.run_id}"
        if self.attempt is not None:
            return f"{runs}/attempts/{self.attempt}/jobs?per_page=100"
        return f"{runs}/jobs?filter=latest&per_page=100"


def parse_target(text: str, repository: str = "", server_url: str = DEFAULT_SERVER_URL, *,
                 name: str = "run", repository_name: str = "repository") -> RunTarget:
    """A run's or a job's URL, or a run id in ``repository``; ``name`` and ``repository_name`` are how errors
    call the two settings (``--run``, ``input run-id``)."""
    text = text.strip()
    if text.isdigit():
        if not _REPOSITORY.fullmatch(repository.strip()):
            raise UsageError(f"{name}={text} is a run id, and {repository_name}={repository!r} is not owner/name",
                             f"give {repository_name} as OWNER/NAME, or the run's URL")
        return RunTarget(server_url.rstrip("/"), repository.strip(), int(text))
    found = _RUN_URL.fullmatch(text)
    if found is None:
        raise UsageError(f"{name}={text!r} is neither a run id nor a run's URL",
                         "give https://github.com/OWNER/REPO/actions/runs/RUN_ID (or …/job/JOB_ID), or the run id")
    optional = {key: int(found.group(key)) if found.group(key) else None for key in ("job", "attempt")}
    return RunTarget(found.group("server"), found.group("repository"), int(found.group("run")), optional["job"],
                     optional["attempt"])


def api_url_for(server_url: str) -> str:
    """The REST API of a GitHub: api.github.com, ``api.<host>`` on GHE.com, ``<host>/api/v3`` on a server."""
    parts = urllib.parse.urlsplit(server_url)
    host = parts.netloc.lower()
    if host in ("github.com", "www.github.com"):
        return "https://api.github.com"
    if host.endswith(".ghe.com"):
        return f"{parts.scheme}://api.{parts.netloc}"
    return f"{server_url.rstrip('/')}/api/v3"


@dataclass(frozen=True)
class Access:
    """How to reach GitHub: the token, and the server and API URL of the environment (``GITHUB_SERVER_URL``,
    ``GITHUB_API_URL``), used for a bare run id and for runs on that same server."""

    token: str = field(repr=False)
    server_url: str = DEFAULT_SERVER_URL
    api_url: str = ""

    def api_for(self, target: RunTarget) -> str:
        from .github import origin

        same = origin(target.server_url) == origin(self.server_url)
        return self.api_url if self.api_url and same else api_url_for(target.server_url)


@dataclass(frozen=True)
class JobLog:
    """One job's downloaded log and what links back to it: the job's page, its steps, its run."""

    id: int
    name: str
    conclusion: str
    html_url: str
    run_url: str
    steps: tuple[tuple[int, str, str], ...]  # (number, name, conclusion), for links to a step's lines
    source: str  # the name the digest shows: the job's name and .log
    path: Path
    size: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "conclusion": self.conclusion, "html_url": self.html_url,
                "run_url": self.run_url, "source": self.source, "bytes": self.size,
                "steps": [{"number": n, "name": name, "conclusion": c} for n, name, c in self.steps]}


@dataclass
class RunLogs:
    """The logs read from a run (none when no run was asked for), and notes on what was not read."""

    target: RunTarget | None = None
    logs: list[JobLog] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def sources(self) -> list[Source]:
        return [Source(log.source, log.path) for log in self.logs]

    def origins(self) -> dict[str, Origin]:
        """Each log's job: its name, and its place on GitHub for links to its lines."""
        if self.target is None:
            return {}
        return {log.source: Origin(log.name, self.target.url, log.id,
                                   tuple(number for number, _, conclusion in log.steps if conclusion != "skipped"))
                for log in self.logs}

    def to_json(self) -> dict[str, Any]:
        if self.target is None:
            return {}
        target = self.target
        return {"url": target.url, "repository": target.repository, "id": target.run_id, "attempt": target.attempt,
                "jobs": [log.to_json() for log in self.logs]}


@contextmanager
def job_logs(run: str, repository: str, jobs: str, access: Access | None) -> Iterator[RunLogs]:
    """The selected jobs' logs of ``run`` in a temporary folder, removed afterwards; nothing when ``run`` is ''."""
    if not run:
        yield RunLogs()
        return
    if access is None or not access.token:
        raise UsageError("reading a run's job logs needs a GitHub token",
                         "set GH_TOKEN or GITHUB_TOKEN (a workflow: the github-token input) to a token with "
                         "`actions: read` on the repository")
    from .github import GitHubClient

    target = parse_target(run, repository, access.server_url)
    client = GitHubClient(access.token, access.api_for(target), target.repository, purpose=RUN_LOGS)
    folder = Path(tempfile.mkdtemp(prefix="tokenopt-run-"))
    try:
        yield fetch(target, client, jobs, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fetch(target: RunTarget, client: GitHubClient, jobs: str, folder: Path) -> RunLogs:
    """List the run's jobs (or take the one job named), choose by ``jobs``, download each log into ``folder``."""
    if target.job_id is not None:
        listed = [client.request("GET", f"{client.repo_path()}/actions/jobs/{target.job_id}").data]
    else:
        listed = [job for page in client.pages(target.jobs_path) for job in _jobs_of(page.data)]
    chosen, notes = choose(listed, jobs, one_job=target.job_id is not None)
    if not chosen:
        why = "the job has not finished yet" if target.job_id is not None else _why_none(listed, jobs)
        raise NoInputError(f"no job log to read in {target.url}: {why}",
                           "a job's log exists once the job completes; to read every finished job, set jobs to all "
                           "(--jobs all)")
    taken: set[str] = set()
    logs = [_download(client, job, folder, taken) for job in chosen]
    return RunLogs(target, logs, notes)


def choose(listed: list[Mapping[str, Any]], jobs: str, one_job: bool = False) -> tuple[list[Mapping[str, Any]],
                                                                                        list[str]]:
    """The jobs to read: finished ones (skipped jobs have no log), all of them or the failed ones; and notes."""
    running = [job for job in listed if job.get("status") != "completed"]
    finished = [job for job in listed if job.get("status") == "completed" and job.get("conclusion") != "skipped"]
    chosen = finished if jobs == "all" or one_job else [job for job in finished if job.get("conclusion") in FAILED]
    notes = []
    if running:
        notes.append(f"{_names(running)}: not finished, so no log yet ({len(running)} job"
                     f"{'s' if len(running) != 1 else ''})")
    if not one_job and listed:
        notes.append(f"read {len(chosen)} of the run's {len(listed)} jobs (jobs: {jobs})")
    return chosen, notes


def _download(client: GitHubClient, job: Mapping[str, Any], folder: Path, taken: set[str]) -> JobLog:
    number, name = int(job["id"]), str(job.get("name") or f"job {job['id']}")
    source = f"{name}.log" if f"{name}.log" not in taken else f"{name} ({number}).log"
    taken.add(source)
    safe = _UNSAFE_IN_FILE_NAMES.sub("_", name).strip(" .")[:100] or "job"
    path = folder / f"{safe}-{number}.log"  # the job id keeps names that differ only in unsafe characters apart
    size = client.download(f"{client.repo_path()}/actions/jobs/{number}/logs", path)
    steps = tuple((int(s.get("number", 0)), str(s.get("name", "")), str(s.get("conclusion") or ""))
                  for s in job.get("steps") or [])
    return JobLog(number, name, str(job.get("conclusion") or ""), str(job.get("html_url") or ""),
                  str(job.get("run_url") or ""), steps, source, path, size)


def _why_none(listed: list[Mapping[str, Any]], jobs: str) -> str:
    running = sum(job.get("status") != "completed" for job in listed)
    finished = f"none of its {len(listed) - running} finished jobs failed" if jobs == "failed" else "no job has a log"
    return finished + (f"; {running} not finished yet" if running else "")


def _jobs_of(data: Any) -> list[Mapping[str, Any]]:
    jobs = data.get("jobs") if isinstance(data, dict) else None
    return [job for job in jobs if isinstance(job, dict)] if isinstance(jobs, list) else []


def _names(jobs: list[Mapping[str, Any]]) -> str:
    shown = ", ".join(str(job.get("name", job.get("id"))) for job in jobs[:NAMES_SHOWN])
    return shown + (f" and {len(jobs) - NAMES_SHOWN} more" if len(jobs) > NAMES_SHOWN else "")
