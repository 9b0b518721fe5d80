"""A run's job logs from GitHub's REST API: run and job URLs, the jobs list page by page, each log through
GitHub's redirect, retries, refusals that name the permission, and the digest of what was downloaded. GitHub
is the fake on 127.0.0.1 (tests/github_actions_server.py), checked against GitHub's REST description; the logs
it serves are real job logs from bench/corpus/cases."""
from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from github_actions_server import BLOB_PATH, FakeActions
from github_server import served
from support import FIXTURES, ROOT

from tokenopt import runs
from tokenopt.cli import main
from tokenopt.errors import GitHubError, NoInputError, UsageError
from tokenopt.github import GitHubClient

NOW = 1_700_000_000.0
RUN = 7_001
CASES = ROOT / "bench" / "corpus" / "cases"
PYTEST_RUNNER = CASES / "py-pytest-runner-timestamps" / "job.log"  # 3 failed tests, GitHub's log format
PIP_SETUP_RUNNER = CASES / "py-pytest-pip-setup-runner" / "job.log"
GO_RUNNER = CASES / "go-test-panic-runner-timestamps" / "job.log"  # 2 Go panics
PASSING = FIXTURES / "pytest" / "passing.log"
SHARED_FAILURES = ("FAILED tests/test_money.py::test_str_formats_thousands",
                   "FAILED tests/test_parse.py::test_bad_amount_names_the_line",
                   "FAILED tests/test_report.py::test_report_grand_total")
GO_FAILURES = ("--- FAIL: TestParseSample", "--- FAIL: TestEvictsLeastRecentlyUsed")


def crafted_job() -> bytes:
    """A second Python job that fails the same way: the real setup steps of the pip-setup job (checkout,
    Python, dependencies from the index, the project) followed by the real test step of the first job."""
    setup = PIP_SETUP_RUNNER.read_bytes().splitlines(keepends=True)
    test = PYTEST_RUNNER.read_bytes().splitlines(keepends=True)
    return b"".join(setup[:114] + test[40:])


def three_jobs() -> list[tuple[str, str | None, bytes]]:
    return [("test (3.11)", "failure", PYTEST_RUNNER.read_bytes()),
            ("test (3.12)", "failure", crafted_job()),
            ("go / test", "failure", GO_RUNNER.read_bytes())]


@pytest.fixture
def fake() -> Iterator[FakeActions]:
    yield from served(lambda: FakeActions(prefix="/api/v3", clock=lambda: NOW))  # GitHub Enterprise Server's path


@pytest.fixture
def waits() -> list[float]:
    return []


def client_for(fake: FakeActions, waits: list[float], token: str = "user-token", **options: object) -> GitHubClient:
    return GitHubClient(token, fake.url, fake.repository, sleep=waits.append, clock=lambda: NOW,
                        purpose=runs.RUN_LOGS, **options)


def target(fake: FakeActions, run: int = RUN, job: int | None = None) -> runs.RunTarget:
    return runs.parse_target(fake.run_url(run, job))


def paths(fake: FakeActions, part: str) -> list[str]:
    return [request for _, request in fake.requests if part in request]


# --- naming a run ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("https://github.com/octo-org/octo-repo/actions/runs/123",
     runs.RunTarget("https://github.com", "octo-org/octo-repo", 123)),
    ("https://github.com/octo-org/octo-repo/actions/runs/123/job/456#step:4:12",
     runs.RunTarget("https://github.com", "octo-org/octo-repo", 123, 456)),
    ("https://github.com/octo-org/octo.repo_2/actions/runs/123/attempts/2/",
     runs.RunTarget("https://github.com", "octo-org/octo.repo_2", 123, attempt=2)),
    (" https://ghe.example.com/team/app/actions/runs/9?pr=3 ",
     runs.RunTarget("https://ghe.example.com", "team/app", 9)),
    ("123", runs.RunTarget("https://ghe.example.com", "team/app", 123)),
])
def test_a_run_is_named_by_its_url_or_its_id(text: str, expected: runs.RunTarget) -> None:
    assert runs.parse_target(text, "team/app", "https://ghe.example.com") == expected


@pytest.mark.parametrize("text, repository, says", [
    ("https://github.com/octo-org/octo-repo/pull/12", "", "neither a run id nor a run's URL"),
    ("https://github.com/octo-org/octo-repo/actions/runs/abc", "", "neither a run id nor a run's URL"),
    ("https://github.com/a/b/c/actions/runs/1", "", "neither a run id nor a run's URL"),
    ("123", "", "--repository='' is not owner/name"),
    ("123", "octo-repo", "--repository='octo-repo' is not owner/name"),
])
def test_what_is_not_a_run_is_one_line_naming_the_flag(text: str, repository: str, says: str) -> None:
    with pytest.raises(UsageError) as raised:
        runs.parse_target(text, repository, name="--run", repository_name="--repository")
    assert says in raised.value.one_line() and "\n" not in raised.value.one_line()


@pytest.mark.parametrize("server, api", [
    ("https://github.com", "https://api.github.com"),
    ("https://octocorp.ghe.com", "https://api.octocorp.ghe.com"),  # GHE.com (data residency)
    ("https://ghe.example.com", "https://ghe.example.com/api/v3"),  # GitHub Enterprise Server
])
def test_the_api_of_each_kind_of_github(server: str, api: str) -> None:
    assert runs.api_url_for(server) == api
    # GITHUB_API_URL wins for runs on the workflow's own server, and only for those
    access = runs.Access("t", server, "https://proxy.example/api")
    assert access.api_for(runs.parse_target(f"{server}/a/b/actions/runs/1")) == "https://proxy.example/api"
    assert access.api_for(runs.parse_target("https://elsewhere.example/a/b/actions/runs/1")) == \
        "https://elsewhere.example/api/v3"


def test_the_token_stays_out_of_reprs() -> None:
    assert "s3cr3t" not in repr(runs.Access("ghp_s3cr3t"))


# --- choosing the jobs ----------------------------------------------------------------------------------------

def test_failed_jobs_are_chosen_and_what_has_no_log_is_noted() -> None:
    listed = [{"id": 1, "name": "lint", "status": "completed", "conclusion": "success"},
              {"id": 2, "name": "test", "status": "completed", "conclusion": "failure"},
              {"id": 3, "name": "slow", "status": "completed", "conclusion": "timed_out"},
              {"id": 4, "name": "deploy", "status": "completed", "conclusion": "skipped"},
              {"id": 5, "name": "report", "status": "in_progress", "conclusion": None}]
    chosen, notes = runs.choose(listed, "failed")
    assert [job["id"] for job in chosen] == [2, 3]
    assert notes == ["report: not finished, so no log yet (1 job)", "read 2 of the run's 5 jobs (jobs: failed)"]
    assert [job["id"] for job in runs.choose(listed, "all")[0]] == [1, 2, 3]  # a skipped job has no log


# --- the run against the fake GitHub ---------------------------------------------------------------------------

def test_a_three_job_run_is_one_digest_of_the_downloaded_logs(fake: FakeActions, capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    fake.add_run(RUN, three_jobs())
    code = main(["--run", fake.run_url(RUN), "--format", "json", "--out", "-", "--budget", "4000", "--index", ""],
                environ={"GH_TOKEN": "user-token"})
    out, err = capsys.readouterr()
    assert code == 0, err
    summary = json.loads(out)
    assert summary["sources"] == ["test (3.11).log", "test (3.12).log", "go / test.log"]
    items = [line for line in summary["digest"].splitlines() if line.startswith("- `")]
    for failure in (*SHARED_FAILURES, *GO_FAILURES):
        # one item per failure: the failures both Python jobs share are listed once, with both jobs
        assert sum(line.startswith(f"- `{failure}") for line in items) == 1, failure
    shared = [event for event in summary["events"] if event["message"].startswith(SHARED_FAILURES)]
    assert [[job["job"] for job in event["jobs"]] for event in shared] == [["test (3.11)", "test (3.12)"]] * 3
    assert summary["priorities"]["critical"]["kept_patterns"] == len(SHARED_FAILURES) + len(GO_FAILURES)
    jobs = summary["run"]["jobs"]
    assert summary["run"]["url"] == fake.run_url(RUN) and summary["run"]["repository"] == fake.repository
    assert [(job["name"], job["conclusion"], job["source"]) for job in jobs] == [
        ("test (3.11)", "failure", "test (3.11).log"), ("test (3.12)", "failure", "test (3.12).log"),
        ("go / test", "failure", "go / test.log")]
    assert [job["html_url"] for job in jobs] == [fake.run_url(RUN, job["id"]) for job in jobs]
    assert jobs[0]["steps"][-2] == {"number": 5, "name": jobs[0]["steps"][-2]["name"], "conclusion": "failure"}
    assert "read 3 of the run's 3 jobs (jobs: failed)" in summary["notes"]
    # each log through its signed URL on the other host name, without the token
    assert len(fake.log_requests) == 3 and not any(carried for _, carried in fake.log_requests)


def test_a_150_job_run_is_read_page_by_page(fake: FakeActions, waits: list[float], tmp_path: Path) -> None:
    passing = PASSING.read_bytes()
    matrix = [(f"test ({index})", "success", passing) for index in range(150)]
    matrix[20] = ("test (20)", "failure", PYTEST_RUNNER.read_bytes())
    matrix[130] = ("test (130)", "failure", GO_RUNNER.read_bytes())
    fake.add_run(RUN, matrix)
    fetched = runs.fetch(target(fake), client_for(fake, waits), "failed", tmp_path)
    assert [log.name for log in fetched.logs] == ["test (20)", "test (130)"]
    listed = paths(fake, "/jobs?")
    assert len(listed) == 2 and "page=2" in listed[1] and f"/repositories/{fake.repository_id}/" in listed[1]
    assert "read 2 of the run's 150 jobs (jobs: failed)" in fetched.notes
    assert [log.path.read_bytes() for log in fetched.logs] == [fake.logs[log.id] for log in fetched.logs]


def test_every_finished_job_with_jobs_all(fake: FakeActions, waits: list[float], tmp_path: Path) -> None:
    fake.add_run(RUN, [("lint", "success", PASSING.read_bytes()), ("test", "failure", PYTEST_RUNNER.read_bytes()),
                       ("docs", "skipped", b""), ("report", None, b"")])
    fetched = runs.fetch(target(fake), client_for(fake, waits), "all", tmp_path)
    assert [log.name for log in fetched.logs] == ["lint", "test"]
    assert fetched.notes == ["report: not finished, so no log yet (1 job)", "read 2 of the run's 4 jobs (jobs: all)"]


def test_a_job_url_reads_that_job_alone(fake: FakeActions, waits: list[float], tmp_path: Path) -> None:
    ids = fake.add_run(RUN, three_jobs())
    fetched = runs.fetch(target(fake, job=ids[2]), client_for(fake, waits), "failed", tmp_path)
    assert [log.id for log in fetched.logs] == [ids[2]] and fetched.notes == []
    assert paths(fake, "/jobs?") == []


def test_a_job_still_running_has_no_log_yet(fake: FakeActions, waits: list[float], tmp_path: Path) -> None:
    job = fake.add_job(RUN, "deploy", None, b"", status="in_progress")
    with pytest.raises(NoInputError, match="the job has not finished yet"):
        runs.fetch(target(fake, job=job), client_for(fake, waits), "failed", tmp_path)
    fake.add_job(RUN, "lint", "success", PASSING.read_bytes())
    with pytest.raises(NoInputError) as raised:
        runs.fetch(target(fake), client_for(fake, waits), "failed", tmp_path)
    assert "none of its 1 finished jobs failed; 1 not finished yet" in raised.value.one_line()
    assert "jobs all" in raised.value.one_line() and fake.log_requests == []


def test_server_errors_on_the_list_and_on_a_log_are_retried(fake: FakeActions, waits: list[float],
                                                            tmp_path: Path) -> None:
    fake.add_run(RUN, three_jobs()[:1])
    fake.fail(502, path="/jobs")
    fake.fail(503, message="ServerBusy", path=BLOB_PATH)
    fetched = runs.fetch(target(fake), client_for(fake, waits), "failed", tmp_path)
    assert fetched.logs[0].path.read_bytes() == fake.logs[fetched.logs[0].id]
    assert waits == [1.0, 1.0]
    assert len(paths(fake, "/logs")) == 2  # the retry asks the API again: a signed URL lives a minute


def test_a_secondary_rate_limit_waits_as_asked(fake: FakeActions, waits: list[float], tmp_path: Path) -> None:
    fake.add_run(RUN, three_jobs()[:1])
    fake.secondary_rate_limit(retry_after=9)
    runs.fetch(target(fake), client_for(fake, waits), "failed", tmp_path)
    assert waits == [9.0]


@pytest.mark.parametrize("token, run, says", [
    ("user-token", 404, "GitHub answered 404 to GET /api/v3/repos/octo-org/octo-repo/actions/runs/404/jobs"),
    ("no-actions-token", RUN, "grant `permissions: actions: read`"),
    ("wrong-token", RUN, "the token is invalid or expired"),
])
def test_refusals_are_one_line_naming_the_fix(fake: FakeActions, capsys: pytest.CaptureFixture[str], token: str,
                                             run: int, says: str) -> None:
    fake.add_run(RUN, three_jobs())
    fake.users["no-actions-token"] = "octocat"
    fake.no_actions_read.add("no-actions-token")
    code = main(["--run", fake.run_url(run), "--out", "-"], environ={"GITHUB_TOKEN": token})
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1 and says in err, err
    assert "actions: read" in err and token not in err


def test_no_token_is_refused_before_any_request(fake: FakeActions, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--run", fake.run_url(RUN)], environ={})
    assert code == 2 and "GH_TOKEN or GITHUB_TOKEN" in capsys.readouterr().err and fake.requests == []


def test_the_token_goes_to_a_log_host_only_when_it_is_the_apis(fake: FakeActions, waits: list[float],
                                                               tmp_path: Path) -> None:
    fake.add_run(RUN, three_jobs()[:1])
    fake.log_host = "127.0.0.1"  # the log on the API's own origin (a GitHub Enterprise Server may do this)
    runs.fetch(target(fake), client_for(fake, waits), "failed", tmp_path)
    assert [carried for _, carried in fake.log_requests] == [True]


def test_a_log_is_streamed_to_disk(fake: FakeActions, waits: list[float], tmp_path: Path) -> None:
    big = PYTEST_RUNNER.read_bytes() * 2_000  # 21 MB of real log lines
    job = fake.add_job(RUN, "test", "failure", big)
    tracemalloc.start()
    try:
        size = client_for(fake, waits).download(f"/repos/{fake.repository}/actions/jobs/{job}/logs", tmp_path / "a")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size == len(big) + 3 and (tmp_path / "a").stat().st_size == size  # the byte order mark GitHub puts first
    assert peak < 2 * 1024 * 1024, f"{peak:,} bytes held while downloading {size:,}"


def test_the_downloaded_logs_are_gone_after_the_run(fake: FakeActions) -> None:
    fake.add_run(RUN, three_jobs()[:1])
    with runs.job_logs(fake.run_url(RUN), "", "failed", runs.Access("user-token")) as fetched:
        folder = fetched.logs[0].path.parent
        assert fetched.sources()[0].name == "test (3.11).log" and fetched.logs[0].path.is_file()
    assert not folder.exists()


def test_job_names_that_clash_as_file_names_stay_apart(fake: FakeActions, waits: list[float], tmp_path: Path) -> None:
    fake.add_run(RUN, [("build / test", "failure", PYTEST_RUNNER.read_bytes()),
                       ("build _ test", "failure", GO_RUNNER.read_bytes()),
                       ("build / test", "failure", PASSING.read_bytes())])
    fetched = runs.fetch(target(fake), client_for(fake, waits), "failed", tmp_path)
    assert [source.name for source in fetched.sources()] == [
        "build / test.log", "build _ test.log", f"build / test ({fetched.logs[2].id}).log"]
    assert len({log.path for log in fetched.logs}) == 3
    assert [log.path.read_bytes() for log in fetched.logs] == [fake.logs[log.id] for log in fetched.logs]


def test_an_unreachable_github_is_retried_then_one_line(waits: list[float], tmp_path: Path) -> None:
    client = GitHubClient("t", "http://127.0.0.1:9", "a/b", sleep=waits.append, max_retries=1, purpose=runs.RUN_LOGS)
    with pytest.raises(GitHubError, match="cannot reach GitHub"):
        runs.fetch(runs.parse_target("http://127.0.0.1:9/a/b/actions/runs/1"), client, "failed", tmp_path)
    assert waits == [1.0]
