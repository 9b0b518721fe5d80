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

import functools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

OPENAPI_DIR = Path(__file__).resolve().parent / "openapi"
SPEC_PATH = OPENAPI_DIR / "node_modules" / "@octokit" / "openapi" / "generated" / "api.github.com.json"
INSTALL_COMMAND = "npm install --prefix tests/openapi --no-audit --no-fund"
READ_ONLY = "Resource not accessible by integration"
# Any endpoint may answer these, in the basic-error shape, whether or not the description lists them: 404 for
# what the token may not see, 403 for a permission it lacks.
GENERIC_ERRORS = (403, 404)
DOCS = "https://docs.github.com/rest"


@functools.lru_cache(maxsize=1)
def load_spec() -> Spec:
    return Spec(json.loads(SPEC_PATH.read_text(encoding="utf-8")))


class Spec:
    """The parts of an OpenAPI 3.0 document a request check needs: routes, parameters, JSON schemas."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.routes = []
        for template, item in document["paths"].items():
            names = re.findall(r"\{([^}]+)\}", template)
            pattern = re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(template))
            literal = len(re.sub(r"\{[^}]+\}", "", template))
            self.routes.append((literal, re.compile(pattern + "$"), names, template, item))
        self.routes.sort(key=lambda route: -route[0])  # the most specific template wins, as in a router

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            node = functools.reduce(lambda part, key: part[key], node["$ref"].lstrip("#/").split("/"), self.document)
        return node

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any], dict[str, str]] | None:
        for _, pattern, names, template, item in self.routes:
            found = pattern.match(path)
            if found and method.lower() in item:
                values = {name: unquote(value) for name, value in zip(names, found.groups(), strict=True)}
                return template, item, values
        return None

    def request_problems(self, method: str, path: str, query: dict[str, list[str]], body: bytes,
                         content_type: str) -> list[str]:
        match = self.operation(method, path)
        if match is None:
            return [f"{method} {path}: no operation of the spec has this method and path"]
        template, item, values = match
        operation = item[method.lower()]
        where = f"{method} {template}"
        problems = []
        declared = [self.resolve(p) for p in [*item.get("parameters", []), *operation.get("parameters", [])]]
        for parameter in declared:
            name, schema = parameter["name"], self.resolve(parameter.get("schema", {}))
            if parameter["in"] == "path":
                problems += scalar_problems(schema, values.get(name, ""), f"{where}: path parameter {name}")
            elif parameter["in"] == "query" and name in query:
                if len(query[name]) > 1:
                    problems.append(f"{where}: query parameter {name} given {len(query[name])} times")
                problems += scalar_problems(schema, query[name][0], f"{where}: query parameter {name}")
            elif parameter["in"] == "query" and parameter.get("required"):
                problems.append(f"{where}: required query parameter {name} is missing")
        known = {p["name"] for p in declared if p["in"] == "query"}
        problems += [f"{where}: unknown query parameter {name}" for name in query if name not in known]
        return problems + self._body_problems(where, operation, body, content_type)

    def _body_problems(self, where: str, operation: dict[str, Any], body: bytes, content_type: str) -> list[str]:
        declared = self.resolve(operation.get("requestBody"))
        if not declared:
            return [f"{where}: the operation takes no body, got {len(body)} bytes"] if body else []
        if not body:
            return [f"{where}: the request body is required"] if declared.get("required") else []
        if content_type.split(";")[0].strip() != "application/json":
            return [f"{where}: body sent as {content_type!r}, not application/json"]
        try:
            value = json.loads(body)
        except ValueError as error:
            return [f"{where}: the body is not JSON ({error})"]
        schema = declared["content"]["application/json"]["schema"]
        return self.schema_problems(schema, value, f"{where}: body")

    def response_problems(self, method: str, path: str, status: int, value: Any) -> list[str]:
        match = self.operation(method, path)
        if match is None:
            return []
        template, item, _ = match
        declared = self.resolve(item[method.lower()]["responses"].get(str(status)))
        if declared is None and status in GENERIC_ERRORS:  # GitHub's refusals, listed or not, in its error shape
            declared = self.resolve({"$ref": "#/components/responses/not_found"})
        if declared is None:
            return [f"fake server: {method} {template} answered {status}, which the spec does not list"]
        schema = declared.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            return [] if value is None else [f"fake server: {method} {template} {status} must have no body"]
        return self.schema_problems(schema, value, f"fake server: {method} {template} {status}")

    def schema_problems(self, schema: Any, value: Any, where: str, strict: bool = True) -> list[str]:
        """A subset of JSON Schema: $ref, type, nullable, enum, required, properties, additionalProperties,
        items, allOf, anyOf, oneOf (as "at least one"). ``strict`` also refuses properties not named."""
        schema = self.resolve(schema) or {}
        problems = []
        for part in schema.get("allOf", []):
            problems += self.schema_problems(part, value, where, strict=False)
        for key in ("anyOf", "oneOf"):
            branches = [self.schema_problems(part, value, where, strict) for part in schema.get(key, [])]
            if branches and all(branches):
                problems.append(f"{where}: matches none of the {key} shapes, e.g. {branches[0][0]}")
        if value is None:
            return problems if schema.get("nullable") or "type" not in schema else [f"{where}: null"]
        kind = schema.get("type")
        if kind and not is_type(value, kind):
            return [*problems, f"{where}: {type(value).__name__} where the schema wants {kind}"]
        if "enum" in schema and value not in schema["enum"]:
            problems.append(f"{where}: {value!r} is not one of {schema['enum']}")
        if isinstance(value, list):
            for index, element in enumerate(value):
                problems += self.schema_problems(schema.get("items", {}), element, f"{where}[{index}]", strict)
        if isinstance(value, dict):
            problems += self._object_problems(schema, value, where, strict)
        return problems

    def _object_problems(self, schema: dict[str, Any], value: dict[str, Any], where: str, strict: bool) -> list[str]:
        problems = [f"{where}: required property {name} is missing" for name in schema.get("required", [])
                    if name not in value]
        properties, extra = schema.get("properties", {}), schema.get("additionalProperties")
        for name, element in value.items():
            if name in properties:
                problems += self.schema_problems(properties[name], element, f"{where}.{name}", strict)
            elif isinstance(extra, dict):
                problems += self.schema_problems(extra, element, f"{where}.{name}", strict)
            elif extra is False or (strict and properties and extra is None):
                problems.append(f"{where}: unknown property {name}")
        return problems


def is_type(value: Any, kind: str | list[str]) -> bool:
    if isinstance(kind, list):
        return any(is_type(value, k) for k in kind)
    checks = {"integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
              "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
              "array": lambda v: isinstance(v, list), "object": lambda v: isinstance(v, dict),
              "null": lambda v: v is None}
    return checks[kind](value)


def scalar_problems(schema: dict[str, Any], text: str, where: str) -> list[str]:
    """A path or query value (always text on the wire) against its parameter schema."""
    kind, problems = schema.get("type", "string"), []
    if text == "":
        problems.append(f"{where} is empty")
    elif kind == "integer" and not re.fullmatch(r"-?[0-9]+", text):
        problems.append(f"{where}: {text!r} is not an integer")
    elif kind == "boolean" and text not in ("true", "false"):
        problems.append(f"{where}: {text!r} is not true or false")
    elif "enum" in schema and text not in [str(choice) for choice in schema["enum"]]:
        problems.append(f"{where}: {text!r} is not one of {schema['enum']}")
    elif schema.get("format") == "date-time":
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            problems.append(f"{where}: {text!r} is not an ISO 8601 time")
    return problems


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
