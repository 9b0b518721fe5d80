"""The Actions part of the fake GitHub: a workflow run's jobs and their logs, served the way GitHub serves them.

- ``GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs`` (and ``…/attempts/{n}/jobs``): the jobs in the REST
  description's ``job`` shape, paginated with a Link header that names the repository by id, like GitHub's.
- ``GET /repos/{owner}/{repo}/actions/jobs/{job_id}``: one job.
- ``GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs``: 302 to a signed URL on another host name
  (``localhost`` rather than ``127.0.0.1``), valid for a minute, where the log is served as text. A request
  that brings the token to that host is a violation: GitHub's clients drop it when the host changes.

Every API request and answer is still checked against GitHub's REST description (``FakeGitHub``). Tokens in
``no_actions_read`` lack the permission: 403 "Resource not accessible by integration", as GitHub answers a
``GITHUB_TOKEN`` without ``actions: read``. A log is the bytes of a real job log, a UTF-8 byte order mark first
as GitHub's job logs have.
"""
from __future__ import annotations

import re
import secrets
from typing import Any

from github_server import DOCS, READ_ONLY, Answer, FakeGitHub

BLOB_PATH = "/_blob/job-logs/"
SIGNED_FOR = 60  # seconds a log URL stays valid, as GitHub's do
_GROUP = re.compile(rb"^(?:\xef\xbb\xbf)?\S+Z ##\[group\](Run .+)$", re.MULTILINE)
_ERROR = re.compile(rb"^\S+Z ##\[error\]", re.MULTILINE)


class FakeActions(FakeGitHub):
    """A fake GitHub that also holds workflow runs: ``add_run`` and ``add_job`` set them up."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jobs: dict[int, list[dict[str, Any]]] = {}  # run id → its jobs, as the API shows them
        self.logs: dict[int, bytes] = {}  # job id → its log
        self.signed: dict[str, tuple[int, float]] = {}  # signature → (job id, expiry)
        self.no_actions_read: set[str] = set()
        self.log_requests: list[tuple[str, bool]] = []  # (path, whether it carried an Authorization header)
        self.log_host = "localhost"  # the signed URLs' host name; "127.0.0.1" puts them on the API's own host
        self._next_job = 29_000_000_000

    @property
    def server_url(self) -> str:
        """The web host of this GitHub (job pages), where a run's URL points."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def add_run(self, run_id: int, jobs: list[tuple[str, str | None, bytes]], status: str = "completed") -> list[int]:
        """A run of ``(name, conclusion, log)`` jobs; a None conclusion is a job still running. Returns the job ids."""
        return [self.add_job(run_id, name, conclusion, log, "in_progress" if conclusion is None else status)
                for name, conclusion, log in jobs]

    def add_job(self, run_id: int, name: str, conclusion: str | None, log: bytes, status: str = "completed") -> int:
        with self._lock:
            self._next_job += 1
            number = self._next_job
            self.jobs.setdefault(run_id, []).append(self._job(run_id, number, name, status, conclusion, log))
            if not log.startswith(b"\xef\xbb\xbf"):
                log = b"\xef\xbb\xbf" + log
            self.logs[number] = log
            return number

    def run_url(self, run_id: int, job_id: int | None = None) -> str:
        url = f"{self.server_url}/{self.repository}/actions/runs/{run_id}"
        return url if job_id is None else f"{url}/job/{job_id}"

    # --- serving --------------------------------------------------------------------------------------------

    def _route(self, method: str, path: str, query: dict[str, list[str]], token: str, payload: Any) -> Answer:
        found = re.fullmatch(r"/repos/([^/]+/[^/]+)/actions/(?:runs/([0-9]+)(?:/attempts/[0-9]+)?/jobs"
                             r"|jobs/([0-9]+)(/logs)?)", path)
        if found is None:
            return super()._route(method, path, query, token, payload)
        if found.group(1).lower() != self.repository.lower():
            return Answer(404, {"message": "Not Found", "documentation_url": DOCS})
        if token in self.no_actions_read:
            return Answer(403, {"message": READ_ONLY, "documentation_url": DOCS})
        if found.group(2):
            if int(found.group(2)) not in self.jobs:
                return Answer(404, {"message": "Not Found", "documentation_url": DOCS})
            everything = self.jobs[int(found.group(2))]
            jobs, headers = self.paged(everything, query, path.split("/", 4)[4])
            return Answer(200, {"total_count": len(everything), "jobs": jobs}, headers)
        job = next((job for jobs in self.jobs.values() for job in jobs if job["id"] == int(found.group(3))), None)
        if job is None:
            return Answer(404, {"message": "Not Found", "documentation_url": DOCS})
        return self._signed_redirect(job["id"]) if found.group(4) else Answer(200, job)

    def _signed_redirect(self, job_id: int) -> Answer:
        signature = secrets.token_urlsafe(16)
        self.signed[signature] = (job_id, self.clock() + SIGNED_FOR)
        port = self.httpd.server_address[1]
        return Answer(302, None, {"Location": f"http://{self.log_host}:{port}{BLOB_PATH}{job_id}?sig={signature}"})

    def serve_outside_api(self, method: str, path: str, query: dict[str, list[str]], headers: Any) -> Answer | None:
        if not path.startswith(BLOB_PATH):
            return None
        self.log_requests.append((path, "Authorization" in headers))
        if "Authorization" in headers and not headers.get("Host", "").startswith("127.0.0.1"):
            self.violations.append(f"the token was sent to the log host {headers.get('Host')}")
        fault = self.fault(method, path)
        if fault is not None:
            return Answer(fault.status, fault.message.encode(), fault.headers)
        job_id, expiry = self.signed.get(query.get("sig", [""])[0], (0, 0.0))
        if method != "GET" or str(job_id) != path[len(BLOB_PATH):] or self.clock() > expiry:
            return Answer(403, b"AuthenticationFailed: the signature is not valid or has expired")
        return Answer(200, self.logs[job_id])

    def _job(self, run_id: int, number: int, name: str, status: str, conclusion: str | None,
             log: bytes) -> dict[str, Any]:
        api, when = f"{self.url}/repos/{self.repository}", self._now()
        return {
            "id": number, "run_id": run_id, "run_url": f"{api}/actions/runs/{run_id}", "run_attempt": 1,
            "node_id": f"CR_kwDO{number}", "head_sha": "009b8a3a9ccbb128af87f9b1c0f4c62e8a304f6d",
            "url": f"{api}/actions/jobs/{number}", "html_url": self.run_url(run_id, number), "status": status,
            "conclusion": conclusion, "created_at": when, "started_at": when,
            "completed_at": when if status == "completed" else None, "name": name,
            "steps": steps_of(log, conclusion) if status == "completed" else [],
            "check_run_url": f"{api}/check-runs/{number}", "labels": ["ubuntu-latest"], "runner_id": 7,
            "runner_name": "GitHub Actions 7", "runner_group_id": 2, "runner_group_name": "GitHub Actions",
            "workflow_name": "CI", "head_branch": "main"}


def steps_of(log: bytes, conclusion: str | None) -> list[dict[str, Any]]:
    """The steps a job's page shows for this log: "Set up job", one per ``##[group]Run …``, "Complete job";
    the step whose group holds ``##[error]`` failed, the ones after it were skipped."""
    groups = list(_GROUP.finditer(log))
    failing = next((index for index, group in enumerate(groups)
                    if _ERROR.search(log, group.end(), groups[index + 1].start() if index + 1 < len(groups)
                                     else len(log))), None)
    names = ["Set up job", *(group.group(1).decode("utf-8", "replace")[:100] for group in groups), "Complete job"]
    steps = []
    for number, name in enumerate(names, start=1):
        index = number - 2  # the group this step is, if any
        state = ("failure" if index == failing else "skipped" if failing is not None and 0 <= failing < index
                 < len(groups) else "success")
        steps.append({"name": name, "status": "completed", "conclusion": state if conclusion else None,
                      "number": number, "started_at": None, "completed_at": None})
    return steps
