"""tokenopt.github: workflow commands as the runner parses them, environment files as the runner reads them,
the event payload, and the sticky-comment client against a fake GitHub that checks every request against
GitHub's published REST API description."""
from __future__ import annotations

import json
import re
import socket
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from github_server import INSTALL_COMMAND, SPEC_PATH, FakeGitHub, served
from hypothesis import given
from hypothesis import strategies as st
from runner_side import RUNNER_LINES, runner_command, runner_env_file

from tokenopt import github, workflow
from tokenopt.errors import GitHubError
from tokenopt.github import GitHubClient, RateLimitError, ReadOnlyTokenError

NOW = 1_700_000_000.0
TITLE = "CI log digest"
PR = 7

# --- workflow commands ------------------------------------------------------------------------------------------

def test_commands_escape_data_and_properties_like_the_runner() -> None:
    line = workflow.command("error", "50% done\r\nnext", file="src/a,b:c.py", line=3, col="", title="x: y")
    assert line == "::error file=src/a%2Cb%3Ac.py,line=3,title=x%3A y::50%25 done%0D%0Anext"
    assert workflow.warning("w", end_line=4, end_column=2) == "::warning endLine=4,endColumn=2::w"
    assert workflow.group("Run: tests") == "::group::Run: tests"
    assert workflow.endgroup() == "::endgroup::"
    assert workflow.notice("n") == "::notice::n"
    assert workflow.add_mask("abc\r\ndef\n \n") == "::add-mask::abc\n::add-mask::def"
    with pytest.raises(ValueError):
        workflow.command("error here", "x")
    with pytest.raises(ValueError):
        workflow.command("error", "x", **{"ti tle": "x"})


# Property values: the runner trims the property list and splits each pair at "=" dropping empty parts.
property_text = st.text(min_size=1).filter(lambda text: text == text.strip() and not text.startswith("="))


@given(message=st.text(), title=property_text, file=property_text)
def test_the_runner_reads_back_exactly_what_was_annotated(message: str, title: str, file: str) -> None:
    line = workflow.error(message, file=file, line=12, title=title)
    assert not RUNNER_LINES.search(line)
    assert runner_command(line) == ("error", {"file": file, "line": "12", "title": title}, message)


fragments = st.sampled_from(["::", ":", "##[", "#", "[", "]", " ", "\t", "\xa0", "\u2028", "\u200b", "\ufeff",
                             "\r", "\n", "\r\n", "error", "set-output name=x::", "%0A"])
untrusted = st.one_of(st.text(), st.lists(fragments, max_size=30).map("".join))


@given(untrusted)
def test_safe_text_never_runs_a_command(text: str) -> None:
    shown = workflow.safe_line(text)
    assert "##[" not in shown
    for line in RUNNER_LINES.split(shown):
        assert not line.lstrip(workflow._LEADING_BLANKS).startswith("::")
        assert runner_command(line) is None
    # It reads the same: only invisible characters were added, and line breaks made uniform.
    assert shown.replace("\u200b", "") == "\n".join(RUNNER_LINES.split(text)).replace("\u200b", "")


def test_safe_text_examples() -> None:
    assert workflow.safe_line("plain text: fine") == "plain text: fine"
    assert workflow.safe_line("  ::error::pwned") == "  :\u200b:error::pwned"
    shown = workflow.safe_line("ok\r::add-mask::x ##[set-env name=A]b")
    assert shown == "ok\n:\u200b:add-mask::x #\u200b#[set-env name=A]b"


@given(untrusted)
def test_a_verbatim_block_cannot_be_resumed_from_inside(text: str) -> None:
    lines = workflow.verbatim_block(text).split("\n")
    token = lines[0].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token) and lines[-1] == f"::{token}::"
    assert "\n".join(lines[1:-1]) == text
    assert token not in text.lower()  # the runner resumes on the token in any case, as ::t:: or ##[t]


# --- environment files --------------------------------------------------------------------------------------

values = st.dictionaries(st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True),
                         st.one_of(st.text(), st.lists(fragments | st.just("ghadelimiter_"), max_size=12).map("".join)),
                         max_size=5)


@given(first=values, second=values)
def test_outputs_round_trip_through_the_runner_parser(first: dict[str, str], second: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "GITHUB_OUTPUT"
        workflow.write_outputs(path, first)
        workflow.write_outputs(path, second)
        assert runner_env_file(path.read_bytes().decode("utf-8")) == {**first, **second}


@given(st.text() | st.lists(st.just("ghadelimiter_") | st.text(max_size=3), max_size=8).map("".join))
def test_the_delimiter_never_occurs_in_the_value(value: str) -> None:
    assert workflow.heredoc_delimiter(value) not in value


def test_output_names_the_runner_would_misread_are_refused(tmp_path: Path) -> None:
    for name in ("", "a=b", "a<<b", "a\nb"):
        with pytest.raises(ValueError):
            workflow.write_outputs(tmp_path / "out", {name: "x"})


def test_the_summary_never_passes_the_step_limit(tmp_path: Path) -> None:
    assert workflow.SUMMARY_LIMIT_BYTES == 1_048_576 and github.COMMENT_LIMIT_CHARS == 65_536
    path = tmp_path / "summary.md"
    workflow.append_summary(path, "é" * 500_000)  # 1,000,000 bytes and a newline
    with pytest.raises(GitHubError, match="1,048,576"):
        workflow.append_summary(path, "x" * 48_576)
    workflow.append_summary(path, "x" * 48_574)
    assert path.stat().st_size == workflow.SUMMARY_LIMIT_BYTES


# --- the event payload ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("event, number", [
    ({"action": "opened", "number": 5, "pull_request": {"number": 5}}, 5),  # pull_request, pull_request_target
    ({"workflow_run": {"event": "pull_request", "pull_requests": [{"number": 9}, {"number": 10}]}}, 9),
    ({"workflow_run": {"event": "pull_request", "pull_requests": []}}, None),  # a fork's PR
    ({"issue": {"number": 12, "pull_request": {}}, "comment": {"id": 1}}, 12),  # issue_comment
    ({"ref": "refs/heads/main", "commits": []}, None),  # push
    ({"pull_request": {"number": "5"}}, None),
    ({"pull_request": {"number": True}}, None),
    ([1, 2], None),
])
def test_the_pull_request_number_from_each_event_shape(tmp_path: Path, event: object, number: int | None) -> None:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    assert workflow.pull_request_number(str(path)) == number


def test_no_payload_means_no_pull_request(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    for path in ("", None, tmp_path / "missing.json", tmp_path / "bad.json"):
        assert workflow.pull_request_number(path) is None


@given(st.text())
def test_markers_are_inert_html_comments(title: str) -> None:
    assert re.fullmatch(r"<!-- tokenopt:[\w]+(-[\w]+)* -->", github.comment_marker(title), re.UNICODE)


# --- the REST client against the fake GitHub ----------------------------------------------------------------

@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    yield from served(lambda: FakeGitHub(clock=lambda: NOW))


@pytest.fixture
def waits() -> list[float]:
    return []


def client_for(fake: FakeGitHub, waits: list[float], token: str = "user-token", **options: object) -> GitHubClient:
    return GitHubClient(token, fake.url, fake.repository, sleep=waits.append, clock=lambda: NOW, **options)


def writes(fake: FakeGitHub) -> list[str]:
    return [method for method, _ in fake.requests if method != "GET"]


def test_create_then_update_in_place(fake: FakeGitHub, waits: list[float]) -> None:
    client = client_for(fake, waits)
    first = client.upsert_comment(PR, "3 failed", TITLE)
    second = client.upsert_comment(PR, "1 failed", TITLE)
    client.upsert_comment(PR, "1 failed", TITLE)  # unchanged: not even an edit
    assert first.id == second.id and writes(fake) == ["POST", "PATCH"]
    assert fake.bodies(PR) == [("octocat", f"{github.comment_marker(TITLE)}\n1 failed")]


def test_two_titles_are_two_independent_comments(fake: FakeGitHub, waits: list[float]) -> None:
    client = client_for(fake, waits)
    for title, body in (("Unit tests", "u1"), ("Lint", "l1"), ("Unit tests", "u2")):
        client.upsert_comment(PR, f"{github.comment_marker(title)}\n{body}", title)
    assert [body for _, body in fake.bodies(PR)] == ["<!-- tokenopt:unit-tests -->\nu2", "<!-- tokenopt:lint -->\nl1"]


def test_someone_elses_comment_with_the_marker_is_left_alone(fake: FakeGitHub, waits: list[float]) -> None:
    quoted = f"> {github.comment_marker(TITLE)}\n> quoting the bot"
    fake.add_comment(PR, quoted, login="mallory")
    client_for(fake, waits).upsert_comment(PR, "ours", TITLE)
    assert fake.bodies(PR) == [("mallory", quoted), ("octocat", f"{github.comment_marker(TITLE)}\nours")]


@pytest.mark.parametrize("prefix", ["", "/api/v3"])  # github.com, and GitHub Enterprise Server's API path
def test_the_sticky_comment_is_found_on_page_two(waits: list[float], prefix: str) -> None:
    if not SPEC_PATH.exists():
        pytest.skip(f"GitHub's REST API description is not installed: run `{INSTALL_COMMAND}`")
    with FakeGitHub(prefix=prefix, clock=lambda: NOW) as fake:
        for index in range(130):
            fake.add_comment(PR, f"review comment {index}", login="alice")
        sticky = fake.add_comment(PR, f"{github.comment_marker(TITLE)}\nold", login="octocat")
        client = client_for(fake, waits)
        assert len(list(client.comments(PR))) == 131
        assert client.upsert_comment(PR, "new", TITLE).id == sticky
        assert writes(fake) == ["PATCH"] and len(fake.bodies(PR)) == 131
        assert any(f"/repositories/{fake.repository_id}/" in target and "page=2" in target
                   for _, target in fake.requests)
    assert fake.violations == []


def test_an_app_token_comments_as_the_actions_bot(fake: FakeGitHub, waits: list[float]) -> None:
    fake.add_comment(PR, f"{github.comment_marker(TITLE)}\nby a person", login="octocat")
    client = client_for(fake, waits, token="app-token")
    assert client.login() == github.ACTIONS_BOT_LOGIN  # GET /user: 403 for installation tokens
    client.upsert_comment(PR, "one", TITLE)
    client_for(fake, waits, token="app-token").upsert_comment(PR, "two", TITLE)
    assert [login for login, _ in fake.bodies(PR)] == ["octocat", "github-actions[bot]"]
    assert fake.bodies(PR)[1][1].endswith("two") and writes(fake) == ["POST", "PATCH"]


def test_the_fingerprint_says_whether_the_comment_changed(fake: FakeGitHub, waits: list[float]) -> None:
    client = client_for(fake, waits)
    assert client.comment_changed(PR, TITLE, "abc123")
    client.upsert_comment(PR, "body", TITLE, fingerprint="abc123")
    assert not client.comment_changed(PR, TITLE, "abc123") and client.comment_changed(PR, TITLE, "def456")
    assert client.delete_comment(PR, TITLE) and not client.delete_comment(PR, TITLE)
    assert fake.bodies(PR) == []


def test_server_errors_are_retried_with_back_off(fake: FakeGitHub, waits: list[float]) -> None:
    fake.fail(502, count=2)
    client_for(fake, waits).upsert_comment(PR, "body", TITLE)
    assert waits == [1.0, 2.0] and len(fake.bodies(PR)) == 1


def test_retries_end_with_an_error(fake: FakeGitHub, waits: list[float]) -> None:
    fake.fail(503, count=10, message="Service Unavailable")
    with pytest.raises(GitHubError) as raised:
        client_for(fake, waits, max_retries=3).upsert_comment(PR, "body", TITLE)
    assert raised.value.status == 503 and "4 tries" in raised.value.problem and waits == [1.0, 2.0, 4.0]
    assert not isinstance(raised.value, (ReadOnlyTokenError, RateLimitError))


@pytest.mark.parametrize("status", [403, 429])
def test_the_primary_rate_limit_waits_for_the_reset(fake: FakeGitHub, waits: list[float], status: int) -> None:
    fake.primary_rate_limit(reset_in=42, status=status, methods=("POST",))
    client_for(fake, waits).upsert_comment(PR, "body", TITLE)
    assert waits == [42.0] and len(fake.bodies(PR)) == 1


def test_a_reset_beyond_the_wait_cap_fails_at_once(fake: FakeGitHub, waits: list[float]) -> None:
    fake.primary_rate_limit(reset_in=3600)
    with pytest.raises(RateLimitError) as raised:
        client_for(fake, waits, max_wait=120).upsert_comment(PR, "body", TITLE)
    assert waits == [] and "3600 s" in raised.value.problem


@pytest.mark.parametrize("status", [403, 429])
def test_the_secondary_rate_limit_honours_retry_after(fake: FakeGitHub, waits: list[float], status: int) -> None:
    fake.secondary_rate_limit(retry_after=7, status=status, methods=("POST",))
    fake.secondary_rate_limit(retry_after=11, status=status, methods=("POST",))
    client_for(fake, waits).upsert_comment(PR, "body", TITLE)
    assert waits == [7.0, 11.0] and len(fake.bodies(PR)) == 1


def test_a_fork_read_only_token_is_a_typed_error_with_the_way_out(fake: FakeGitHub, waits: list[float]) -> None:
    fake.read_only = True
    with pytest.raises(ReadOnlyTokenError) as raised:
        client_for(fake, waits, token="app-token").upsert_comment(PR, "body", TITLE)
    assert raised.value.status == 403 and "workflow_run" in raised.value.fix and waits == []
    assert "Resource not accessible by integration" in raised.value.one_line()


def test_the_token_stays_out_of_errors_and_reprs(fake: FakeGitHub, waits: list[float]) -> None:
    fake.users["ghp_" + "s3cr3t" * 6] = "octocat"
    client = GitHubClient("ghp_" + "s3cr3t" * 6, fake.url, "octo-org/other-repo", sleep=waits.append)
    with pytest.raises(GitHubError) as raised:
        client.upsert_comment(PR, "body", TITLE)
    assert raised.value.status == 404
    assert "s3cr3t" not in raised.value.one_line() + repr(client) + repr(raised.value)


def test_links_to_another_host_are_not_followed(fake: FakeGitHub, waits: list[float]) -> None:
    with pytest.raises(GitHubError, match="another host"):
        client_for(fake, waits).request("GET", "https://attacker.example/repos/a/b/issues/1/comments")
    assert fake.requests == []


def test_what_is_checked_before_any_request(fake: FakeGitHub, waits: list[float]) -> None:
    with pytest.raises(GitHubError, match="65,536"):
        client_for(fake, waits).upsert_comment(PR, "x" * 65_536, TITLE)
    with pytest.raises(GitHubError, match="token"):
        GitHubClient("", fake.url, fake.repository).upsert_comment(PR, "x", TITLE)
    with pytest.raises(GitHubError, match="owner/name"):
        GitHubClient("user-token", fake.url, "").upsert_comment(PR, "x", TITLE)
    assert fake.requests == []


def test_an_unreachable_api_is_retried_then_reported(waits: list[float]) -> None:
    with socket.socket() as probe:  # a port that nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = GitHubClient("t", f"http://127.0.0.1:{port}", "a/b", sleep=waits.append, max_retries=2)
    with pytest.raises(GitHubError, match="cannot reach") as raised:
        client.upsert_comment(PR, "body", TITLE)
    assert raised.value.status is None and waits == [1.0, 2.0]


@pytest.mark.parametrize("method, path, body, problem", [
    ("POST", "/repos/octo-org/octo-repo/issues/7/comments", {"bdy": "x"}, "unknown property bdy"),
    ("POST", "/repos/octo-org/octo-repo/issues/7/comments", {"body": 5}, "int where the schema wants string"),
    ("GET", "/repos/octo-org/octo-repo/issues/seven/comments", None, "not an integer"),
    ("GET", "/repos/octo-org/octo-repo/issues/7/comments?perpage=100", None, "unknown query parameter perpage"),
    ("PUT", "/repos/octo-org/octo-repo/issues/comments/1", {"body": "x"}, "no operation"),
])
def test_the_fake_refuses_what_github_would(fake: FakeGitHub, method: str, path: str, body: object,
                                            problem: str) -> None:
    request = urllib.request.Request(fake.url + path, method=method, data=None if body is None else
                                     json.dumps(body).encode(), headers={
        "Authorization": "Bearer user-token", "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28", "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request)
    assert raised.value.code == 422 and problem in json.load(raised.value)["message"]
    assert any(problem in violation for violation in fake.violations)
    fake.violations.clear()
