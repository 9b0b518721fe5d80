"""The action end to end, the way the runner runs a Docker action: INPUT_* variables, the workspace, the event
payload, $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT files, and GitHub's API served by the fake on 127.0.0.1."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from github_actions_server import FakeActions
from github_server import FakeGitHub, served
from runner_side import runner_command, runner_env_file
from support import FIXTURES, ROOT, unblock_fifo_later

from tokenopt import action
from tokenopt.errors import EncodingUnavailableError, UsageError
from tokenopt.github import comment_marker
from tokenopt.tokens import load_counter

PR = 7


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    yield from served(FakeGitHub)


def runner_env(tmp_path: Path, logs: list[Path], api_url: str = "http://127.0.0.1:9", **inputs: str) -> dict[str, str]:
    """A workspace holding ``logs`` and the environment the runner gives the container."""
    workspace = tmp_path / "workspace"
    (workspace / "logs").mkdir(parents=True, exist_ok=True)
    for log in logs:
        shutil.copy(log, workspace / "logs" / log.name)
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": PR}}))
    env = {"GITHUB_WORKSPACE": str(workspace), "GITHUB_EVENT_PATH": str(event), "GITHUB_EVENT_NAME": "pull_request",
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "GITHUB_OUTPUT": str(tmp_path / "output"),
           "GITHUB_API_URL": api_url, "GITHUB_REPOSITORY": "octo-org/octo-repo",
           "INPUT_LOG-FILES": "logs/*.log\n!logs/ignored.log", "INPUT_GITHUB-TOKEN": "user-token"}
    env.update({f"INPUT_{name.replace('_', '-').upper()}": value for name, value in inputs.items()})
    for path in (tmp_path / "summary.md", tmp_path / "output"):
        path.touch()
    return env


def outputs(tmp_path: Path) -> dict[str, str]:
    return runner_env_file((tmp_path / "output").read_text())


def test_inputs_are_read_like_the_runner_passes_them():
    settings, options = action.read_inputs({"INPUT_LOG-FILES": "a.log\n\n b/**/*.log \n", "INPUT_TOKEN-BUDGET": "500",
                                            "INPUT_COMMENT": "on-failure", "INPUT_PULL-REQUEST": "#12"})
    assert settings.log_file == ("a.log", "b/**/*.log") and settings.budget == 500
    assert settings.fail_on == "critical" and settings.format == "markdown"
    assert options.comment == "on-failure" and options.pull_request == 12 and options.annotations


@pytest.mark.parametrize("name, value, says", [
    ("TOKEN-BUDGET", "lots", "input token-budget"),
    ("FAIL-ON", "sometimes", "input fail-on"),
    ("COMMENT", "yes", "input comment"),
    ("PULL-REQUEST", "abc", "input pull-request"),
])
def test_a_bad_input_is_one_line_naming_it(name: str, value: str, says: str):
    with pytest.raises(UsageError) as raised:
        action.read_inputs({"INPUT_LOG-FILES": "a.log", f"INPUT_{name}": value})
    assert says in raised.value.one_line() and "\n" not in raised.value.one_line()


def test_a_failing_run_writes_everything_then_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    env = runner_env(tmp_path, [FIXTURES / "pytest" / "failures.log", FIXTURES / "cargo" / "test_failures.log"])
    assert action.run(env) == 1
    summary = (tmp_path / "summary.md").read_text()
    assert "tests/test_invoice.py::test_total_with_discount" in summary and "ring::tests::latest_after_wrap" in summary
    assert "<details><summary>Digest" in summary and len(summary.encode()) < 1_048_576
    values = outputs(tmp_path)
    assert values["conclusion"] == "failure" and int(values["critical-count"]) == 5
    assert int(values["tokens"]) <= 76659 and Path(env["GITHUB_WORKSPACE"], values["digest-path"]).exists()
    assert json.loads(Path(env["GITHUB_WORKSPACE"], values["json-path"]).read_text())["events"]
    commands = [runner_command(line) for line in capsys.readouterr().out.splitlines()]
    errors = [c for c in commands if c and c[0] == "error"]
    assert 1 <= len(errors) <= 10 and all(c[1].get("file") and c[1].get("line") for c in errors)


def test_fail_on_never_and_no_summary(tmp_path: Path):
    env = runner_env(tmp_path, [FIXTURES / "pytest" / "failures.log"], FAIL_ON="never", SUMMARY="off")
    assert action.run(env) == 0
    assert (tmp_path / "summary.md").read_text() == "" and outputs(tmp_path)["conclusion"] == "success"


@pytest.mark.parametrize("policy, code, command", [("warn", 0, "warning"), ("error", 1, "error"), ("ignore", 0, None)])
def test_no_log_files_follows_if_no_files_found(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 policy: str, code: int, command: str | None):
    env = runner_env(tmp_path, [], IF_NO_FILES_FOUND=policy)
    assert action.run(env) == code
    said = [runner_command(line) for line in capsys.readouterr().out.splitlines()]
    assert [c[0] for c in said if c] == ([command] if command else [])
    assert outputs(tmp_path)["conclusion"] == "no-logs"


def test_the_comment_is_created_then_updated_in_place(tmp_path: Path, fake: FakeGitHub):
    log = FIXTURES / "pytest" / "failures.log"
    for _ in range(2):
        assert action.run(runner_env(tmp_path, [log], fake.url, COMMENT="always")) == 1
    comments = fake.comments[PR]
    assert len(comments) == 1 and comment_marker("CI log digest") in comments[0]["body"]
    assert "test_invoice_with_dashed_sku" in comments[0]["body"] and len(comments[0]["body"]) <= 65_536
    assert [m for m, _ in fake.requests].count("PATCH") <= 1 and [m for m, _ in fake.requests].count("POST") == 1


def test_a_fork_token_warns_and_the_summary_is_still_written(tmp_path: Path, fake: FakeGitHub,
                                                              capsys: pytest.CaptureFixture[str]):
    fake.read_only = True
    env = runner_env(tmp_path, [FIXTURES / "pytest" / "failures.log"], fake.url, COMMENT="always")
    assert action.run(env) == 1  # from fail-on: the comment's failure never decides the build
    warnings = [c for c in map(runner_command, capsys.readouterr().out.splitlines()) if c and c[0] == "warning"]
    assert any("workflow_run" in c[2] for c in warnings)
    assert "test_total_with_discount" in (tmp_path / "summary.md").read_text()


HOSTILE_TEST = '''
def test_hostile():
    message = "\\n".join([
        "::set-output name=pwned::yes", "::add-mask::hidden", "::stop-commands::abc", "x ##[error]inside a line",
        "::error file=evil.py,line=1::forged", "</details><img src=https://evil.example/x.png> @octocat #123",
        "````", "![t](https://evil.example/t.png) | break | table",
    ])
    assert False, message
'''


def test_hostile_log_text_never_reaches_the_runner_as_a_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_hostile.py").write_text(textwrap.dedent(HOSTILE_TEST))
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "test_hostile.py"], cwd=project,
                         capture_output=True, text=True, check=False)
    log = tmp_path / "hostile.log"
    log.write_text(run.stdout)
    assert "::set-output name=pwned::yes" in run.stdout  # the real tool printed the attack
    assert action.run(runner_env(tmp_path, [log])) == 1
    out = capsys.readouterr().out
    assert "##[" not in out
    for line in out.splitlines():
        command = runner_command(line)
        assert command is None or (command[0] in ("error", "warning", "notice") and "pwned" not in command[1])
    live = outside_fences((tmp_path / "summary.md").read_text())  # inside a fence nothing renders
    assert "<img" not in live and "</details><" not in live and "@octocat" not in live
    assert "![t](https" not in live and " #123" not in live and "| break |" not in live


def outside_fences(markdown: str) -> str:
    """The Markdown that renders as Markdown: fenced blocks removed, checking that each fence closes with
    the same marker it opened with (a log line cannot close it early)."""
    kept, fence = [], ""
    for line in markdown.splitlines():
        stripped = line.strip()
        if fence:
            if stripped == fence:
                fence = ""
            continue
        if stripped.startswith("```"):
            fence = "`" * (len(stripped) - len(stripped.lstrip("`")))
            continue
        kept.append(line)
    assert not fence, "a fence was left open"
    return "\n".join(kept)


def test_empty_index_path_remembers_nothing_and_baked_encodings_are_found(tmp_path: Path):
    settings, _ = action.read_inputs({"INPUT_LOG-FILES": "a.log", "INPUT_INDEX-PATH": "",
                                      "TOKENOPT_ENCODINGS_DIR": "/opt/tiktoken"})
    assert settings.index == "" and settings.encoding_dir == ("/opt/tiktoken",)
    assert action.read_inputs({"INPUT_LOG-FILES": "a.log"})[0].index == ".tokenopt/index.json"


def test_files_for_later_steps_are_readable_by_others(tmp_path: Path):
    env = runner_env(tmp_path, [FIXTURES / "pytest" / "failures.log"])
    action.run(env)
    workspace = Path(env["GITHUB_WORKSPACE"])
    for written in (workspace / "tokenopt-digest.md", workspace / ".tokenopt" / "index.json"):
        assert written.stat().st_mode & 0o044 == 0o044, written


def test_on_change_comments_only_when_the_failures_change(tmp_path: Path, fake: FakeGitHub):
    pytest_log, jest_log = FIXTURES / "pytest" / "failures.log", FIXTURES / "jest" / "failures.log"
    action.run(runner_env(tmp_path / "a", [pytest_log], fake.url, COMMENT="on-change", INDEX_PATH=""))
    action.run(runner_env(tmp_path / "b", [pytest_log], fake.url, COMMENT="on-change", INDEX_PATH=""))
    assert [m for m, _ in fake.requests if m != "GET"] == ["POST"]  # same failures: left alone
    action.run(runner_env(tmp_path / "c", [pytest_log, jest_log], fake.url, COMMENT="on-change", INDEX_PATH=""))
    assert [m for m, _ in fake.requests if m != "GET"] == ["POST", "PATCH"]
    assert "formatAddress" in fake.comments[PR][0]["body"]


def test_the_digest_inside_a_summary_is_demoted_but_fenced_lines_are_not():
    from tokenopt.render import demote

    markdown = "# CI log digest: 1 failed test\n## Failures\n```\n# a comment in a log\n```\n###### deep"
    assert demote(markdown).split("\n") == ["#### CI log digest: 1 failed test", "##### Failures", "```",
                                            "# a comment in a log", "```", "###### deep"]


def commands_said(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, dict[str, str], str]]:
    return [c for c in map(runner_command, capsys.readouterr().out.splitlines()) if c]


def assert_everything_written(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    values = outputs(tmp_path)
    assert values["conclusion"] == "failure" and int(values["critical-count"]) >= 3
    assert "test_total_with_discount" in (tmp_path / "summary.md").read_text()
    assert Path(env["GITHUB_WORKSPACE"], values["json-path"]).exists()
    return values


def test_a_dangling_symlink_matched_by_the_glob_is_a_note_and_everything_is_written(tmp_path: Path, capsys):
    env = runner_env(tmp_path, [FIXTURES / "pytest" / "failures.log"])
    (Path(env["GITHUB_WORKSPACE"]) / "logs" / "gone.log").symlink_to(tmp_path / "rotated-away.log")
    assert action.run(env) == 1
    values = assert_everything_written(tmp_path, env)
    notes = json.loads(Path(env["GITHUB_WORKSPACE"], values["json-path"]).read_text())["notes"]
    assert any("gone.log: skipped" in note for note in notes)
    assert any(c[0] == "error" and c[1].get("file") for c in commands_said(capsys))  # annotations too


@pytest.mark.parametrize("where", ["under-a-file", "fifo", "read-only"])
def test_an_index_that_cannot_be_written_is_a_warning_and_everything_else_is_written(tmp_path: Path, capsys,
                                                                                     where: str):
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "plain.txt").write_text("a file, not a directory")
    os.mkfifo(workspace / "index.fifo")
    if where == "read-only" and not Path("/proc/self").is_dir():
        pytest.skip("needs Linux's /proc, where no file can be created")
    index = {"under-a-file": "plain.txt/index.json", "fifo": "index.fifo", "read-only": "/proc/tokenopt.json"}[where]
    env = runner_env(tmp_path, [FIXTURES / "pytest" / "failures.log"], INDEX_PATH=index)
    watchdog = unblock_fifo_later(workspace / "index.fifo")
    assert action.run(env) == 1
    watchdog.cancel()
    assert_everything_written(tmp_path, env)
    said = commands_said(capsys)
    warnings = [c for c in said if c[0] == "warning" and c[1].get("title", "").startswith("tokenopt")]
    assert len(warnings) == 1 and index in warnings[0][2], said
    assert any(c[0] == "error" and c[1].get("file") for c in said)
    assert (workspace / "plain.txt").read_text() == "a file, not a directory"
    assert stat.S_ISFIFO(os.lstat(workspace / "index.fifo").st_mode)


def test_inputs_with_nothing_readable_are_their_own_conclusion_and_fail_under_fail_on(tmp_path: Path, capsys):
    binary = tmp_path / "core.log"
    binary.write_bytes(bytes(range(256)) * 64)
    env = runner_env(tmp_path, [binary])
    assert action.run(env) == 1
    assert outputs(tmp_path)["conclusion"] == "unreadable"
    assert "nothing could be read" in (tmp_path / "summary.md").read_text()
    assert any(c[0] == "error" and "nothing could be read" in c[2] for c in commands_said(capsys))
    env = runner_env(tmp_path / "never", [binary], FAIL_ON="never")
    assert action.run(env) == 0
    assert outputs(tmp_path / "never")["conclusion"] == "unreadable"
    assert any(c[0] == "warning" and "nothing could be read" in c[2] for c in commands_said(capsys))


# --- a run's job logs: the workflow_run recipe ------------------------------------------------------------------

@pytest.fixture
def actions() -> Iterator[FakeActions]:
    yield from served(FakeActions)


def run_env(tmp_path: Path, actions: FakeActions, run_id: str, **inputs: str) -> dict[str, str]:
    """The workflow_run recipe: no log files, the triggering run's id, the repository the runner passes."""
    env = runner_env(tmp_path, [], actions.url, RUN_ID=run_id, REPOSITORY=actions.repository, **inputs)
    del env["INPUT_LOG-FILES"]
    env["GITHUB_SERVER_URL"] = actions.server_url
    return env


def test_a_runs_failed_jobs_are_digested_and_commented(tmp_path: Path, actions: FakeActions):
    cases = ROOT / "bench" / "corpus" / "cases"
    ids = actions.add_run(4242, [("lint", "success", (FIXTURES / "pytest" / "passing.log").read_bytes()),
                                 ("test", "failure", (cases / "py-pytest-runner-timestamps" / "job.log").read_bytes())])
    env = run_env(tmp_path, actions, "4242", COMMENT="always", PULL_REQUEST=str(PR))
    assert action.run(env) == 1
    assert "tests/test_money.py::test_str_formats_thousands" in (tmp_path / "summary.md").read_text()
    assert "test_str_formats_thousands" in actions.comments[PR][0]["body"]
    summary = json.loads(Path(env["GITHUB_WORKSPACE"], outputs(tmp_path)["json-path"]).read_text())
    assert summary["sources"] == ["test.log"] and summary["run"]["url"] == actions.run_url(4242)
    assert [(job["id"], job["html_url"]) for job in summary["run"]["jobs"]] == [(ids[1], actions.run_url(4242, ids[1]))]


def test_a_token_without_actions_read_is_one_error_line(tmp_path: Path, actions: FakeActions,
                                                        capsys: pytest.CaptureFixture[str]):
    actions.add_run(4242, [("test", "failure", (FIXTURES / "pytest" / "failures.log").read_bytes())])
    actions.no_actions_read.add("user-token")
    assert action.run(run_env(tmp_path, actions, "4242")) == 2
    said = [runner_command(line) for line in capsys.readouterr().out.splitlines()]
    assert len(said) == 1 and said[0] is not None and said[0][0] == "error"
    assert "`permissions: actions: read`" in said[0][2] and "Resource not accessible by integration" in said[0][2]


def test_neither_log_files_nor_a_run_is_refused():
    with pytest.raises(UsageError, match="neither log-files nor run-id"):
        action.read_inputs({"INPUT_TOKEN-BUDGET": "500"})
    with pytest.raises(UsageError, match="input run-id='pull/3' is neither a run id nor a run's URL"):
        action.read_inputs({"INPUT_RUN-ID": "pull/3", "GITHUB_REPOSITORY": "a/b"})
    settings, _ = action.read_inputs({"INPUT_RUN-ID": "17", "GITHUB_REPOSITORY": "octo-org/octo-repo"})
    assert (settings.run, settings.repository, settings.jobs) == ("17", "octo-org/octo-repo", "failed")


def test_an_encoding_the_action_lacks_is_refused_in_the_words_of_a_workflow(tmp_path: Path):
    try:
        load_counter("o200k_base")
    except EncodingUnavailableError:
        pass
    else:
        pytest.skip("an o200k_base file is installed on this machine")
    with pytest.raises(UsageError) as raised:
        action.read_inputs({"INPUT_LOG-FILES": "a.log", "INPUT_ENCODING": "o200k_base",
                            "TOKENOPT_ENCODINGS_DIR": str(tmp_path)})
    said = raised.value.one_line()
    assert "input encoding='o200k_base'" in said and "encoding: cl100k_base" in said and "--" not in said
