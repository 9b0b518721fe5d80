"""Where a failure is: its job's name, its link to the line in the job's log on GitHub, and its repository path."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from runner_side import runner_command
from support import FIXTURES, ROOT

from tokenopt import action
from tokenopt.locations import go_file, repository_path
from tokenopt.model import Link
from tokenopt.origins import Origin, labels_for, run_url

RUN = "https://github.com/octo-org/octo-repo/actions/runs/42"


@pytest.mark.parametrize("line, steps, expected", [
    (3, (), f"{RUN}/job/7#step:1:3"),  # before the first ##[group]Run: "Set up job"
    (10, (), f"{RUN}/job/7#step:2:1"),  # a step's header is its line 1
    (30, (), f"{RUN}/job/7#step:3:11"),
    (30, (1, 2, 5, 6), f"{RUN}/job/7#step:5:11"),  # the jobs API's numbers of the steps that ran
    (30, (1, 2), f"{RUN}/job/7"),  # steps the API does not list: the job's page, never a wrong step
    (30, (1, 2, 3, 4, 5), f"{RUN}/job/7"),  # steps and headers disagree: the job's page
])
def test_a_line_links_to_its_step_and_its_line_within(line: int, steps: tuple[int, ...], expected: str) -> None:
    link = Origin("test", RUN, 7, steps).link(line, [10, 20])
    assert link is not None and link.url == expected


def test_without_a_job_the_run_is_linked_and_without_a_run_nothing() -> None:
    assert Origin("test", RUN).link(30, [10]) == Link(RUN)
    assert Origin("test").link(30, [10]) is None


@pytest.mark.parametrize("run_url_, numbers", [
    ("https://github.com/a/b/actions/runs/1) [x](https://evil.example", (1, 1, 1)),
    ("javascript:alert(1)//github.com/a/b/actions/runs/1", (1, 1, 1)),
    (RUN, (1, 0, 1)),
    (RUN, (1, True, 1)),
])
def test_a_link_is_only_ever_a_runs_page_and_numbers(run_url_: str, numbers: tuple[int, ...]) -> None:
    with pytest.raises(ValueError):
        Link(run_url_, *numbers)


def test_the_runners_context_makes_a_run_url_only_when_well_formed() -> None:
    assert run_url("https://github.com/", "octo-org/octo-repo", "42") == RUN
    assert run_url("https://github.com", "octo-org/octo-repo", "42; rm") == ""
    assert run_url("https://github.com", "octo-org/octo repo", "42") == ""


def test_inputs_are_named_by_their_job_or_the_shortest_path_that_tells_them_apart() -> None:
    assert labels_for(["logs/a/test.log", "logs/b/test.log", "build.log", "x.log"], {"x.log": "test (3.12)"}) == {
        "logs/a/test.log": "a/test", "logs/b/test.log": "b/test", "build.log": "build", "x.log": "test (3.12)"}


@pytest.mark.parametrize("path, workspace, expected", [
    ("/home/runner/work/shop/shop/tally/tally.go", "", "tally/tally.go"),
    ("/Users/runner/work/shop/shop/tally/tally.go", "", "tally/tally.go"),
    ("D:\\a\\shop\\shop\\tally\\tally.go", "", "tally\\tally.go"),
    ("/github/workspace/tally/tally.go", "/github/workspace", "tally/tally.go"),
    ("/github/workspace2/tally.go", "/github/workspace", "/github/workspace2/tally.go"),
    ("/usr/lib/go/src/testing/testing.go", "/github/workspace", "/usr/lib/go/src/testing/testing.go"),
])
def test_paths_are_made_relative_to_the_repository(path: str, workspace: str, expected: str) -> None:
    assert repository_path(path, workspace) == expected


def test_a_go_test_file_is_found_in_its_packages_folder(tmp_path: Path) -> None:
    (tmp_path / "ledger").mkdir()
    (tmp_path / "ledger" / "money_test.go").touch()
    exists = lambda path: (tmp_path / path).exists()  # noqa: E731
    assert go_file("money_test.go", "./ledger", exists) == "ledger/money_test.go"
    assert go_file("money_test.go", "example.com/x/ledger", exists) == "ledger/money_test.go"
    assert go_file("other_test.go", "example.com/x/ledger", exists) == "other_test.go"  # not found: as go said


def test_annotations_name_go_test_files_by_their_repository_path(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    workspace = tmp_path / "workspace"
    shutil.copytree(ROOT / "tests" / "fixtures" / "projects" / "go" / "shop", workspace)
    shutil.copy(FIXTURES / "go" / "test.log", workspace / "go-test.log")
    env = {"GITHUB_WORKSPACE": str(workspace), "INPUT_LOG-FILES": "go-test.log", "INPUT_INDEX-PATH": "",
           "INPUT_FAIL-ON": "never"}
    assert action.run(env) == 0
    said = [c for c in map(runner_command, capsys.readouterr().out.splitlines()) if c and c[0] == "error"]
    files = {options.get("file") for _, options, message in said if "TestTotalsSubtractsReturns" in message}
    assert files == {"tally/tally_test.go"}  # go printed "tally_test.go:13" under "FAIL example.com/shop/tally"
