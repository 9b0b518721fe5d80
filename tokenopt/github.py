"""The GitHub REST client: calls retried on 5xx and rate limits, pages followed through the Link header,
files downloaded through GitHub's redirect, and one sticky PR comment per title. What a run's job logs need
on top of it lives in ``runs``; workflow commands and the runner's files live in ``workflow``.

Nothing here reads the environment: the caller passes the API URL (``GITHUB_API_URL`` on GitHub Enterprise
Server) and the token, so tests point it at a local server.
"""
from __future__ import annotations

import json
import re
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from http.client import HTTPException
from pathlib import Path
from typing import Any, BinaryIO

from .errors import GitHubError, Purpose

COMMENT_LIMIT_CHARS = 65_536  # the REST API refuses a longer comment body with 422
DEFAULT_API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"
USER_AGENT = "tokenopt-action"  # GitHub refuses requests without one
# The login GITHUB_TOKEN comments under. Installation tokens get 403 on GET /user, so this is who "we" are.
ACTIONS_BOT_LOGIN = "github-actions[bot]"
READ_ONLY_MESSAGE = "Resource not accessible by integration"

# Invisible, and not whitespace to .NET's TrimStart, so "::" and "##[" read the same but no longer parse.
# What .NET's TrimStart may skip before "::", generously: every Python blank, the old-Unicode \u180e, BOM, ZWSP.
_LINK = re.compile(r'<([^>]*)>\s*;\s*rel="([^"]*)"')
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_FINGERPRINT = re.compile(r"<!-- tokenopt-fingerprint:([\w-]+) -->")
MAX_PAGES = 200  # 20,000 items at 100 a page: far beyond any real PR or run, and a guard against a Link loop
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)


class ReadOnlyTokenError(GitHubError):
    """403 "Resource not accessible by integration": the token may read but not write (fork PRs, Dependabot)."""


class RateLimitError(GitHubError):
    """A rate limit outlasted the retries or the wait cap."""


COMMENTS = Purpose("pull-requests: write", "check the repository and PR number; a private repository needs a token "
                   "that can read it", forks=True)


# --- the REST client ----------------------------------------------------------------------------------------

def comment_marker(title: str) -> str:
    """The hidden line that finds a title's sticky comment again: ``<!-- tokenopt:<title slug> -->``."""
    slug = re.sub(r"[\W_]+", "-", title.casefold()).strip("-") or "default"
    return f"<!-- tokenopt:{slug} -->"


@dataclass(frozen=True)
class Comment:
    id: int
    body: str
    author: str
    url: str


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    data: Any


class GitHubClient:
    """The REST calls behind one sticky comment per title, with retries on 5xx and rate limits.

    ``sleep`` and ``clock`` are seams for tests: waits are requested, never timed. ``max_wait`` caps the
    seconds spent waiting in one call; a rate limit that resets later fails at once with RateLimitError.
    ``author`` overrides the login the sticky comment must have: needed for a custom GitHub App's token,
    whose ``<app>[bot]`` login cannot be asked for (GET /user refuses installation tokens).
    """

    def __init__(self, token: str, api_url: str = DEFAULT_API_URL, repository: str = "", *,
                 sleep: Callable[[float], object] = time.sleep, clock: Callable[[], float] = time.time,
                 max_retries: int = 4, max_wait: float = 120.0, timeout: float = 30.0,
                 author: str | None = None, purpose: Purpose = COMMENTS) -> None:
        self._token = token
        self.purpose = purpose
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")
        self.repository = repository
        self.sleep, self.clock = sleep, clock
        self.max_retries, self.max_wait, self.timeout = max_retries, max_wait, timeout
        self._login = author

    def __repr__(self) -> str:  # the token stays out of logs and tracebacks
        return f"GitHubClient(api_url={self.api_url!r}, repository={self.repository!r})"

    def login(self) -> str:
        """The login our comments carry: GET /user, or the Actions bot for a token that may not ask."""
        if self._login is None:
            try:
                self._login = str(self.request("GET", "/user").data["login"])
            except ReadOnlyTokenError:
                self._login = ACTIONS_BOT_LOGIN
        return self._login

    def comments(self, issue_number: int) -> Iterator[Comment]:
        """Every comment of an issue or PR, oldest first."""
        for response in self.pages(f"{self.repo_path()}/issues/{int(issue_number)}/comments?per_page=100"):
            yield from map(_comment, response.data if isinstance(response.data, list) else [])

    def pages(self, path: str) -> Iterator[Response]:
        """GET ``path`` and every following page, as the Link header's ``rel="next"`` leads."""
        url: str | None = path
        for _ in range(MAX_PAGES):
            if url is None:
                return
            response = self.request("GET", url)
            yield response
            url = _next_page(response.headers.get("Link", ""))

    def find_comment(self, issue_number: int, title: str) -> Comment | None:
        """The sticky comment for ``title``: the oldest with its marker written by us; others' are ignored."""
        self.repo_path()  # a missing token or repository fails here, before any call
        marker, login = comment_marker(title), self.login()
        for comment in self.comments(issue_number):
            if marker in comment.body and _same_login(comment.author, login):
                return comment
        return None

    def upsert_comment(self, issue_number: int, body: str, title: str, fingerprint: str = "") -> Comment:
        """Update the sticky comment for ``title`` in place, or create it; the marker is added if missing.

        ``fingerprint`` (letters, digits, ``-``, ``_``) is stored hidden in the body for ``comment_changed``.
        """
        marker = comment_marker(title)
        text = body if marker in body else f"{marker}\n{body}"
        if fingerprint:
            if not re.fullmatch(r"[\w-]+", fingerprint):
                raise ValueError(f"not a comment fingerprint: {fingerprint!r}")
            text = f"{text}\n<!-- tokenopt-fingerprint:{fingerprint} -->"
        if len(text) > COMMENT_LIMIT_CHARS:
            raise GitHubError(f"the comment is {len(text):,} characters, over GitHub's {COMMENT_LIMIT_CHARS:,}",
                              "shorten the comment before posting it")
        existing = self.find_comment(issue_number, title)
        if existing is not None and existing.body == text:
            return existing
        if existing is not None:
            data = self.request("PATCH", f"{self.repo_path()}/issues/comments/{existing.id}", {"body": text}).data
        else:
            data = self.request("POST", f"{self.repo_path()}/issues/{int(issue_number)}/comments", {"body": text}).data
        return _comment(data)

    def comment_changed(self, issue_number: int, title: str, fingerprint: str) -> bool:
        """True unless the sticky comment exists and was written with this same fingerprint."""
        existing = self.find_comment(issue_number, title)
        stored = _FINGERPRINT.search(existing.body) if existing else None
        return stored is None or stored.group(1) != fingerprint

    def delete_comment(self, issue_number: int, title: str) -> bool:
        """Delete the sticky comment for ``title``; False when there was none."""
        existing = self.find_comment(issue_number, title)
        if existing is None:
            return False
        self.request("DELETE", f"{self.repo_path()}/issues/comments/{existing.id}")
        return True

    def request(self, method: str, path: str, payload: Any = None) -> Response:
        """One API call, retried on 5xx, network errors and rate limits. ``path`` is relative to the API URL,
        or an absolute URL on the same host (a pagination link)."""
        url = self._absolute(path)
        return self._retried(method, url, lambda: self._send(method, url, payload))

    def download(self, path: str, destination: Path) -> int:
        """GET ``path`` into the file ``destination``, streamed, following redirects (a job log answers 302 with
        a signed URL on another host, which gets no token); returns the bytes written. Retried like
        ``request``, each try from the API URL again: the signed URL expires within a minute."""
        url = self._absolute(path)
        return int(self._retried("GET", url, lambda: self._fetch(url, destination)).data)

    def _retried(self, method: str, url: str, send: Callable[[], Response]) -> Response:
        attempt, waited = 0, 0.0
        while True:
            response = send()
            if 200 <= response.status < 300:
                return response
            wait = _retry_wait(response, attempt, self.clock())
            if wait is None or attempt >= self.max_retries or waited + wait > self.max_wait:
                raise _error(method, url, response, wait, f"{attempt + 1} tries and {waited:.0f} s of waiting "
                                                          f"(at most {self.max_wait:.0f} s)", self.purpose)
            self.sleep(wait)
            attempt, waited = attempt + 1, waited + wait

    def _send(self, method: str, url: str, payload: Any) -> Response:
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        request = self._request(method, url, data)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return Response(answer.status, _headers(answer.headers), _json(answer.read()))
        except urllib.error.HTTPError as failure:
            return Response(failure.code, _headers(failure.headers), _json(failure.read()))
        except (urllib.error.URLError, HTTPException, OSError) as failure:
            return _unreachable(failure)

    def _fetch(self, url: str, destination: Path) -> Response:
        """One try of ``download``: the redirects followed by hand, so that the token goes to the API's own
        host only, as GitHub's clients do; the body copied to disk in pieces, never held in memory."""
        for _ in range(MAX_REDIRECTS + 1):
            request = self._request("GET", url, None, token=origin(url) == origin(self.api_url))
            try:
                with _NO_REDIRECTS.open(request, timeout=self.timeout) as answer:
                    return Response(answer.status, _headers(answer.headers), _save(answer, destination))
            except urllib.error.HTTPError as failure:
                with failure:
                    location, body = failure.headers.get("Location", ""), failure.read()
                if failure.code not in _REDIRECTS or not location:
                    return Response(failure.code, _headers(failure.headers), _json(body))
                url = urllib.parse.urljoin(url, location)
                if origin(url)[0] not in ("http", "https"):
                    return Response(0, {}, {"message": f"a redirect to a {origin(url)[0]!r} URL"})
            except (urllib.error.URLError, HTTPException, OSError) as failure:
                return _unreachable(failure)
        return Response(0, {}, {"message": f"more than {MAX_REDIRECTS} redirects"})

    def _request(self, method: str, url: str, data: bytes | None, token: bool = True) -> urllib.request.Request:
        request = urllib.request.Request(url, data=data, method=method, headers={
            "Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION, "User-Agent": USER_AGENT})
        if token:
            # Unredirected: should urllib follow a redirect to another host, the token does not go along.
            request.add_unredirected_header("Authorization", f"Bearer {self._token}")
        return request

    def repo_path(self) -> str:
        """``/repos/owner/name``, once the token and the repository are known to be usable."""
        if not self._token:
            raise GitHubError("no GitHub token", "pass github-token (its default is ${{ github.token }})")
        if not _REPOSITORY.fullmatch(self.repository):
            raise GitHubError(f"repository {self.repository!r} is not owner/name",
                              "pass the repository as owner/name (GITHUB_REPOSITORY)")
        return f"/repos/{self.repository}"

    def _absolute(self, path: str) -> str:
        if not path.startswith(("http://", "https://")):
            return self.api_url + path
        if origin(path) != origin(self.api_url):
            raise GitHubError(f"GitHub sent a link to another host ({origin(path)})",
                              "check the API URL (GITHUB_API_URL); the token is only sent to that host")
        return path


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any) -> None:  # a 3xx comes back as an HTTPError, to follow by hand
        return None


_NO_REDIRECTS = urllib.request.build_opener(_NoRedirect)


def _save(answer: BinaryIO, destination: Path) -> int:
    with open(destination, "wb") as out:
        shutil.copyfileobj(answer, out, 1 << 16)
        return out.tell()


def _unreachable(failure: BaseException) -> Response:
    return Response(0, {}, {"message": str(getattr(failure, "reason", failure))})


def _comment(item: dict[str, Any]) -> Comment:
    return Comment(int(item["id"]), item.get("body") or "", (item.get("user") or {}).get("login") or "",
                   item.get("html_url") or "")


def _same_login(author: str, login: str) -> bool:
    # REST says "github-actions[bot]" where GraphQL says "github-actions": compare without the suffix.
    def bare(name: str) -> str:
        name = name.casefold()
        return name[:-5] if name.endswith("[bot]") else name
    return bool(author) and bare(author) == bare(login)


def _next_page(link: str) -> str | None:
    for url, rel in _LINK.findall(link):
        if "next" in rel.split():
            return url
    return None


def origin(url: str) -> tuple[str, str]:
    """(scheme, host[:port]) in lower case: two URLs of one origin may share a token."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _headers(message: Any) -> dict[str, str]:
    # Case-insensitive lookups everywhere below: store a canonical capitalisation.
    return {"-".join(word.capitalize() for word in key.split("-")): value for key, value in message.items()}


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return {"message": raw[:200].decode("utf-8", "replace")}


def _message(response: Response) -> str:
    data = response.data
    return str(data.get("message", "")) if isinstance(data, dict) else ""


def _retry_wait(response: Response, attempt: int, now: float) -> float | None:
    """Seconds to wait before trying again, or None when trying again cannot help."""
    headers, status = response.headers, response.status
    retry_after = headers.get("Retry-After", "")
    if status in (403, 429):
        reset = headers.get("X-Ratelimit-Reset", "")
        if headers.get("X-Ratelimit-Remaining") == "0" and reset.isdigit():
            return max(float(reset) - now, 1.0)
        if retry_after.isdigit():
            return float(retry_after)
        if status == 429 or "secondary rate limit" in _message(response).lower():
            return 60.0  # GitHub's advice when it names no time: wait at least a minute
        return None
    if status == 0 or status >= 500:
        return float(retry_after) if retry_after.isdigit() else float(2 ** attempt)
    return None


def _error(method: str, url: str, response: Response, wait: float | None, spent: str,
           purpose: Purpose = COMMENTS) -> GitHubError:
    what, status, message = f"{method} {urllib.parse.urlsplit(url).path}", response.status, _message(response)
    if status == 0:
        return GitHubError(f"cannot reach GitHub for {what}: {message}", "check GITHUB_API_URL and the network")
    if status == 403 and purpose.forks and READ_ONLY_MESSAGE.lower() in message.lower():
        return ReadOnlyTokenError(
            f"GitHub refused {what}: the token is read-only (403 {READ_ONLY_MESSAGE})",
            "normal for pull requests from forks and Dependabot: upload the digest as an artifact and post the "
            "comment from a workflow_run workflow; otherwise grant `permissions: pull-requests: write`", status)
    if wait is not None and status in (403, 429):
        return RateLimitError(f"GitHub rate limit on {what} ({status}: {message}): it asked for {wait:.0f} s more "
                              f"after {spent}", "run fewer jobs that comment at once (`concurrency:`) or retry "
                              "the job later", status)
    if wait is not None:
        return GitHubError(f"GitHub kept failing {what} ({status}: {message}) after {spent}", "retry the job later",
                           status)
    fixes = {401: "the token is invalid or expired: check github-token (GH_TOKEN or GITHUB_TOKEN on the command "
                  f"line), a token with `{purpose.permission}`",
             403: f"the token lacks a permission: grant `permissions: {purpose.permission}`",
             404: purpose.not_found, 422: "GitHub refused the request as invalid: please report it"}
    return GitHubError(f"GitHub answered {status} to {what}: {message}", fixes.get(status, ""), status)
