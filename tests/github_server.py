"""A fake GitHub on 127.0.0.1 for the REST client's tests: issue comments, /user, pagination, faults (the
Actions endpoints, a run's jobs and their logs, are added in ``github_actions_server``).

Every request is checked against GitHub's own REST API description (the npm package ``@octokit/openapi``,
installed under tests/openapi): the method and path must be an operation of the spec, path and query
parameters must be declared and of the declared type, and a JSON body must satisfy the operation's schema,
with no property the schema does not name (GitHub ignores those silently, which would hide a typo). A
request that does not pass gets a 422 like GitHub's and is recorded in ``violations``; the tests fail on
any. The server's own answers are checked against the response schemas the same way, so the fake cannot
drift from what GitHub sends.
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from rest_description import INSTALL_COMMAND, SPEC_PATH, load_spec

__all__ = ["INSTALL_COMMAND", "SPEC_PATH", "Answer", "FakeGitHub", "served"]  # the first two for the tests' skips
READ_ONLY = "Resource not accessible by integration"
DOCS = "https://docs.github.com/rest"
Fake = TypeVar("Fake", bound="FakeGitHub")


def served(make: Callable[[], Fake]) -> Iterator[Fake]:
    """The body of a fixture: the fake ``make()`` builds, serving; the test is skipped without GitHub's REST
    description and fails on any request or answer the description refuses."""
    if not SPEC_PATH.exists():
        pytest.skip(f"GitHub's REST API description is not installed: run `{INSTALL_COMMAND}`")
    with make() as server:
        yield server
    if server.violations:
        pytest.fail("requests GitHub's REST API description refuses:\n" + "\n".join(server.violations))


@dataclass
class Fault:
    status: int
    message: str
    headers: dict[str, str] = field(default_factory=dict)
    count: int = 1
    methods: tuple[str, ...] = ()
    path: str = ""  # only requests whose path contains this


@dataclass
class Answer:
    status: int
    data: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class FakeGitHub:
    """GitHub for one repository, served at ``url`` (``prefix`` "/api/v3" makes it look like GHES).

    Tokens: ``users`` maps a token to a login; ``app_tokens`` are installation tokens, which GET /user
    refuses. ``read_only`` answers writes like a fork PR's token. ``clock`` stamps rate-limit resets.
    """

    def __init__(self, repository: str = "octo-org/octo-repo", *, prefix: str = "",
                 clock: Any = time.time) -> None:
        self.repository, self.repository_id, self.prefix, self.clock = repository, 1300192, prefix, clock
        self.users: dict[str, str] = {"user-token": "octocat"}
        self.app_tokens: set[str] = {"app-token"}
        self.read_only = False
        self.comments: dict[int, list[dict[str, Any]]] = {}
        self.requests: list[tuple[str, str]] = []
        self.violations: list[str] = []
        self.faults: list[Fault] = []
        self._next_id, self._lock = 1000, threading.Lock()
        self.spec = load_spec()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.prefix}"

    def __enter__(self) -> FakeGitHub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- what tests set up and look at -------------------------------------------------------------------

    def add_comment(self, issue: int, body: str, login: str = "octocat") -> int:
        with self._lock:
            return self._create(issue, body, login)["id"]

    def bodies(self, issue: int) -> list[tuple[str, str]]:
        return [(c["user"]["login"], c["body"]) for c in self.comments.get(issue, [])]

    def fail(self, status: int, count: int = 1, message: str = "Server Error", methods: tuple[str, ...] = (),
             headers: dict[str, str] | None = None, path: str = "") -> None:
        self.faults.append(Fault(status, message, headers or {}, count, methods, path))

    def primary_rate_limit(self, reset_in: int, status: int = 403, methods: tuple[str, ...] = ()) -> None:
        self.fail(status, 1, "API rate limit exceeded for installation ID 1.", methods, {
            "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": str(int(self.clock()) + reset_in)})

    def secondary_rate_limit(self, retry_after: int, status: int = 403, methods: tuple[str, ...] = ()) -> None:
        self.fail(status, 1, "You have exceeded a secondary rate limit. Please wait a few minutes before you try "
                  "again.", methods, {"retry-after": str(retry_after)})

    # --- serving ---------------------------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Any, body: bytes) -> Answer:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query, keep_blank_values=True)
        with self._lock:
            self.requests.append((method, target))
            outside = self.serve_outside_api(method, path, query, headers)
            if outside is not None:
                return outside
            if not path.startswith(self.prefix + "/"):
                return self._refuse(404, "Not Found", f"{method} {path}: outside the API prefix {self.prefix!r}")
            path = self._unalias(path[len(self.prefix):])
            problems = self._header_problems(method, path, headers)
            problems += self.spec.request_problems(method, path, query, body, headers.get("Content-Type", ""))
            if problems:
                return self._refuse(422, "Invalid request.\n\n" + "\n".join(problems), *problems)
            token = headers.get("Authorization", "").removeprefix("Bearer ").removeprefix("token ")
            if token not in self.users and token not in self.app_tokens:
                return Answer(401, {"message": "Bad credentials", "documentation_url": DOCS})
            fault = self.fault(method, path)
            if fault is not None:
                return Answer(fault.status, {"message": fault.message, "documentation_url": DOCS}, fault.headers)
            answer = self._route(method, path, query, token, json.loads(body) if body else None)
            self.violations += self.spec.response_problems(method, path, answer.status, answer.data)
            return answer

    def serve_outside_api(self, method: str, path: str, query: dict[str, list[str]], headers: Any) -> Answer | None:
        """A request that is not an API call (a subclass serves files there, the way GitHub's storage does)."""
        return None

    def _refuse(self, status: int, message: str, *problems: str) -> Answer:
        self.violations.extend(problems)
        return Answer(status, {"message": message, "documentation_url": DOCS})

    def _unalias(self, path: str) -> str:
        # GitHub's Link headers name the repository by id; it serves those URLs like /repos/{owner}/{repo}.
        found = re.match(r"/repositories/([0-9]+)(/.*)$", path)
        if found and int(found.group(1)) == self.repository_id:
            return f"/repos/{self.repository}{found.group(2)}"
        return path

    def _header_problems(self, method: str, path: str, headers: Any) -> list[str]:
        where, problems = f"{method} {path}", []
        if not headers.get("Authorization", "").startswith(("Bearer ", "token ")):
            problems.append(f"{where}: no Authorization: Bearer header")
        if "application/vnd.github+json" not in headers.get("Accept", ""):
            problems.append(f"{where}: Accept is {headers.get('Accept')!r}, not application/vnd.github+json")
        if headers.get("X-GitHub-Api-Version") != "2022-11-28":
            problems.append(f"{where}: X-GitHub-Api-Version is {headers.get('X-GitHub-Api-Version')!r}")
        if not headers.get("User-Agent"):
            problems.append(f"{where}: no User-Agent (GitHub refuses such requests)")
        return problems

    def fault(self, method: str, path: str) -> Fault | None:
        """The next planned failure for this request, if any (each is answered ``count`` times)."""
        for fault in self.faults:
            if fault.count > 0 and (not fault.methods or method in fault.methods) and fault.path in path:
                fault.count -= 1
                return fault
        return None

    def _route(self, method: str, path: str, query: dict[str, list[str]], token: str, payload: Any) -> Answer:
        if path == "/user":
            if token in self.app_tokens:
                return Answer(403, {"message": READ_ONLY, "documentation_url": DOCS})
            return Answer(200, self._user(self.users[token], public=True))
        found = re.fullmatch(r"/repos/([^/]+/[^/]+)/issues/(?:([0-9]+)/comments|comments/([0-9]+))", path)
        if found is None or found.group(1).lower() != self.repository.lower():
            return Answer(404, {"message": "Not Found", "documentation_url": DOCS})
        if method != "GET" and self.read_only:
            return Answer(403, {"message": READ_ONLY, "documentation_url": DOCS})
        login = self.users.get(token, "github-actions[bot]")
        if found.group(2):
            issue = int(found.group(2))
            if method == "POST":
                return Answer(201, self._create(issue, payload["body"], login))
            return self._page(issue, query)
        return self._by_id(method, int(found.group(3)), payload)

    def _page(self, issue: int, query: dict[str, list[str]]) -> Answer:
        items, headers = self.paged(self.comments.get(issue, []), query, f"issues/{issue}/comments")
        return Answer(200, items, headers)

    def paged(self, everything: list[Any], query: dict[str, list[str]], under: str) -> tuple[list[Any], dict[str, str]]:
        """One page of ``everything`` and its Link header, as GitHub writes it: the repository by id."""
        per_page = min(int(query.get("per_page", ["30"])[0]), 100)
        page = max(int(query.get("page", ["1"])[0]), 1)
        last = max(1, -(-len(everything) // per_page))
        base = f"{self.url}/repositories/{self.repository_id}/{under}"
        rest = {key: values[0] for key, values in query.items() if key != "page"}
        links = [(page - 1, "prev"), (page + 1, "next"), (last, "last"), (1, "first")]
        shown = [(number, rel) for number, rel in links
                 if (rel in ("prev", "first") and page > 1) or (rel in ("next", "last") and page < last)]
        link = ", ".join(f'<{base}?{urlencode({**rest, "page": number})}>; rel="{rel}"' for number, rel in shown)
        return everything[(page - 1) * per_page:page * per_page], {"Link": link} if link else {}

    def _by_id(self, method: str, comment_id: int, payload: Any) -> Answer:
        for comments in self.comments.values():
            for comment in comments:
                if comment["id"] != comment_id:
                    continue
                if method == "DELETE":
                    comments.remove(comment)
                    return Answer(204)
                if method == "PATCH":
                    comment.update(body=payload["body"], updated_at=self._now())
                return Answer(200, comment)
        return Answer(404, {"message": "Not Found", "documentation_url": DOCS})

    def _create(self, issue: int, body: str, login: str) -> dict[str, Any]:
        self._next_id += 1
        number, site = self._next_id, f"https://github.com/{self.repository}"
        comment = {
            "id": number, "node_id": f"IC_kwDO{number:08d}", "url": f"{self.url}/repos/{self.repository}/issues/"
            f"comments/{number}", "html_url": f"{site}/pull/{issue}#issuecomment-{number}", "body": body,
            "user": self._user(login), "created_at": self._now(), "updated_at": self._now(),
            "issue_url": f"{self.url}/repos/{self.repository}/issues/{issue}",
            "author_association": "NONE" if login.endswith("[bot]") else "MEMBER", "performed_via_github_app": None}
        self.comments.setdefault(issue, []).append(comment)
        return comment

    def _user(self, login: str, public: bool = False) -> dict[str, Any]:
        api = f"{self.url}/users/{login}"
        user: dict[str, Any] = {
            "login": login, "id": 41898282 if login.endswith("[bot]") else 583231, "node_id": f"U_{login}",
            "avatar_url": f"https://avatars.githubusercontent.com/{login}", "gravatar_id": "", "url": api,
            "html_url": f"https://github.com/{login}", "followers_url": f"{api}/followers",
            "following_url": f"{api}/following{{/other_user}}", "gists_url": f"{api}/gists{{/gist_id}}",
            "starred_url": f"{api}/starred{{/owner}}{{/repo}}", "subscriptions_url": f"{api}/subscriptions",
            "organizations_url": f"{api}/orgs", "repos_url": f"{api}/repos", "events_url": f"{api}/events{{/privacy}}",
            "received_events_url": f"{api}/received_events", "type": "Bot" if login.endswith("[bot]") else "User",
            "site_admin": False}
        if public:
            user.update(name=login, company=None, blog="", location=None, email=None, hireable=None, bio=None,
                        public_repos=8, public_gists=1, followers=20, following=0,
                        created_at="2011-01-25T18:44:36Z", updated_at=self._now())
        return user

    def _now(self) -> str:
        return datetime.fromtimestamp(self.clock(), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Handler(BaseHTTPRequestHandler):
    def _serve(self) -> None:
        fake: FakeGitHub = self.server.fake  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        answer = fake.handle(self.command, self.path, self.headers, body)
        text = isinstance(answer.data, bytes)  # a file's content, as it is; anything else is the API's JSON
        data = answer.data if text else b"" if answer.data is None else json.dumps(answer.data).encode("utf-8")
        self.send_response(answer.status)
        kind = "text/plain; charset=utf-8" if text else "application/json; charset=utf-8"
        headers = {"Content-Type": kind, "X-GitHub-Media-Type": "github.v3",
                   "X-GitHub-Request-Id": f"FAKE:{len(fake.requests)}", "Content-Length": str(len(data)),
                   **answer.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _serve

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output quiet
        pass
