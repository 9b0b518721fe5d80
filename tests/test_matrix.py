"""One digest for many jobs: the same failure on several jobs once, with the jobs it occurred in and what differed
in each; links to the failing line in each job's log. The jobs are three legs of one real matrix
(tests/fixtures/runs/ledger, made by tests/fixtures/projects/matrix/make.sh): two fail the same test with other
values, one fails two tests of its own. GitHub is the fake on 127.0.0.1 (tests/github_actions_server.py)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from github_actions_server import FakeActions
from github_server import served
from live_markdown import PAYLOADS, benign, live_elements, to_html
from support import ROOT

from tokenopt import action, matrix
from tokenopt.cli import main
from tokenopt.model import Event, Link, Pattern, Priority, Seen
from tokenopt.render import jobs
from tokenopt.settings import Settings

RUN = 9_100
PR = 7
LEDGER = ROOT / "tests" / "fixtures" / "runs" / "ledger"
LEGS = (("test (half_even, us)", "half_even-us"), ("test (half_even, eu)", "half_even-eu"),
        ("test (half_up, sqlite)", "half_up-sqlite"))
SHARED = "FAILED tests/test_fees.py::test_fee_rounds_half_up_like_the_card_network"
OWN = ("FAILED tests/test_store.py::test_balance_sums_the_entries",
       "FAILED tests/test_store.py::test_unknown_account_is_zero")


def log_of(leg: str) -> bytes:
    return (LEDGER / f"{leg}.log").read_bytes()


def step_and_line(leg: str, text: str) -> tuple[int, int]:
    """Where ``text`` first starts a line of the leg's log, as GitHub's job page counts: the step (1 is "Set up
    job", then one per ``##[group]Run``) and the line within it (its header is line 1)."""
    lines = [line.split(" ", 1)[1] if " " in line else "" for line in log_of(leg).decode().splitlines()]
    headers = [n for n, line in enumerate(lines, 1) if line.startswith("##[group]Run ")]
    number = next(n for n, line in enumerate(lines, 1) if line.startswith(text))
    before = [h for h in headers if h <= number]
    return len(before) + 1, number - before[-1] + 1


@pytest.fixture
def actions() -> Iterator[FakeActions]:
    yield from served(FakeActions)


def run_env(tmp_path: Path, actions: FakeActions, **inputs: str) -> dict[str, str]:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": PR}}))
    for name in ("summary.md", "output"):
        (tmp_path / name).touch()
    env = {"GITHUB_WORKSPACE": str(workspace), "GITHUB_EVENT_PATH": str(event), "GITHUB_EVENT_NAME": "pull_request",
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "GITHUB_OUTPUT": str(tmp_path / "output"),
           "GITHUB_API_URL": actions.url, "GITHUB_SERVER_URL": actions.server_url,
           "GITHUB_REPOSITORY": actions.repository, "INPUT_GITHUB-TOKEN": "user-token"}
    env.update({f"INPUT_{name.upper()}": value for name, value in inputs.items()})
    return env


def test_a_three_job_run_is_one_digest_and_one_comment_with_links(tmp_path: Path, actions: FakeActions):
    ids = actions.add_run(RUN, [(name, "failure", log_of(leg)) for name, leg in LEGS])
    env = run_env(tmp_path, actions, **{"RUN-ID": str(RUN), "COMMENT": "always", "TOKEN-BUDGET": "900"})
    assert action.run(env) == 1  # one verdict for the run
    summary = json.loads((tmp_path / "workspace" / "tokenopt-digest.json").read_text())
    failures = {event["message"].split(" - ")[0]: event for event in summary["events"]
                if event["priority"] == "critical"}
    assert sorted(failures) == sorted((SHARED, *OWN))
    shared = failures[SHARED]
    assert shared["count"] == 2 and [job["job"] for job in shared["jobs"]] == ["test (half_even, us)",
                                                                                "test (half_even, eu)"]
    # the first job's failure is shown whole; the second says only what differs in it
    assert shared["jobs"][0]["differs"] == []
    assert shared["jobs"][1]["differs"] == ["AssertionError: assert Decimal('0.52') == Decimal('0.53')"]
    for (name, leg), job_id in zip(LEGS[:2], ids, strict=False):
        step, line = step_and_line(leg, "________________ test_fee_rounds_half_up")
        expected = f"{actions.run_url(RUN, job_id)}#step:{step}:{line}"
        assert [job["url"] for job in shared["jobs"] if job["job"] == name] == [expected]
    assert [job["job"] for job in failures[OWN[0]]["jobs"]] == ["test (half_up, sqlite)"]
    step, line = step_and_line("half_up-sqlite", "________________________ test_balance_sums_the_entries")
    assert failures[OWN[0]]["jobs"][0]["url"] == f"{actions.run_url(RUN, ids[2])}#step:{step}:{line}"

    digest = summary["digest"]
    assert digest.count(f"`{SHARED}") == 1
    assert "fails on: `test (half_even, us)`, `test (half_even, eu)`" in digest
    assert "  - on `test (half_even, eu)`: `AssertionError: assert Decimal('0.52') == Decimal('0.53')`" in digest
    assert summary["tokens"] <= 900

    comments = actions.comments[PR]
    assert len(comments) == 1  # one sticky comment for the whole run
    body = comments[0]["body"]
    us, eu = (f"{actions.run_url(RUN, job_id)}#step:{step_and_line(leg, '________________ test_fee')[0]}:"
              f"{step_and_line(leg, '________________ test_fee')[1]}" for (_, leg), job_id in zip(LEGS[:2], ids,
                                                                                                   strict=False))
    assert f"fails on: [`test (half_even, us)`]({us}), [`test (half_even, eu)`]({eu})" in body
    table = (tmp_path / "summary.md").read_text()
    assert "| Failure | Location | Job |" in table
    assert f"[`test (half_up, sqlite)`]({actions.run_url(RUN, ids[2])}#step:" in table


# --- collect in each job, merge in a final one -----------------------------------------------------------------

def digest_together(tmp_path: Path, logs: list[Path]) -> dict[str, Any]:
    code = main([*(arg for log in logs for arg in ("--log-file", str(log))), "--budget", "900", "--index", "",
                 "--format", "json", "--out", str(tmp_path / "together.json")])
    assert code == 0
    return json.loads((tmp_path / "together.json").read_text())


def collect_each(tmp_path: Path, logs: list[Path]) -> list[Path]:
    for log in logs:
        assert main(["--log-file", str(log), "--index", "", "--out", str(tmp_path / "own.md"), "--budget", "900",
                     "--collect", str(tmp_path / "collected"), "--job", log.stem]) == 0
    return [tmp_path / "collected" / matrix.folder_name(log.stem) for log in logs]


def comparable(event: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """An event with its inputs named by their jobs (a file's path there, a collected job's name here)."""
    jobs = [{**job, "source": names.get(job["source"], job["source"]), "job": names.get(job["source"], job["job"])}
            for job in event["jobs"]]
    first, last = (names.get(w.rpartition(":")[0], w.rpartition(":")[0]) + ":" + w.rpartition(":")[2]
                   for w in (event["first"], event["last"]))
    return {**event, "jobs": jobs, "first": first, "last": last}


def test_the_jobs_collected_and_merged_give_the_events_digested_together(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]):
    logs = [LEDGER / f"{leg}.log" for _, leg in LEGS]
    together = digest_together(tmp_path, logs)
    folders = collect_each(tmp_path, logs)
    assert main(["merge", str(tmp_path / "merged"), *map(str, folders), "--budget", "900"]) == 0
    merged = json.loads((tmp_path / "merged" / "digest.json").read_text())
    names = {str(log): log.stem for log in logs}
    assert [comparable(e, names) for e in together["events"]] == [comparable(e, {}) for e in merged["events"]]
    # the same figures (the digests' own lengths differ with the inputs' names: a path there, a job's name here)
    assert {k: merged[k] for k in ("input_lines", "input_tokens", "input_bytes", "priorities")} == \
        {k: together[k] for k in ("input_lines", "input_tokens", "input_bytes", "priorities")}
    assert merged["tokens"] <= 900
    assert merged["merged"] == [log.stem for log in logs] and merged["sources"] == merged["merged"]
    assert "fails on: `half_even-us`, `half_even-eu`" in merged["digest"]


def test_a_missing_or_corrupt_job_folder_is_named_in_the_merged_digest(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]):
    folders = collect_each(tmp_path, [LEDGER / "half_even-us.log", LEDGER / "half_up-sqlite.log"])
    events = folders[0] / "events.json"
    events.write_text(events.read_text().replace('"count": 1', '"count": "one"', 1))
    broken = tmp_path / "collected" / "artifact-without-events"
    broken.mkdir()
    missing = tmp_path / "never-downloaded"
    code = main(["merge", str(tmp_path / "merged"), str(tmp_path / "collected"), str(missing), "--fail-on", "critical"])
    assert code == 1  # the job that could be read still fails the run
    digest = (tmp_path / "merged" / "digest.md").read_text()
    notes = json.loads((tmp_path / "merged" / "digest.json").read_text())["notes"]
    assert any(str(events) in note and "'count' is not int" in note for note in notes)
    assert any(str(broken) in note and "events.json is missing" in note for note in notes)
    assert any(str(missing) in note and "no such folder" in note for note in notes)
    assert "test_balance_sums_the_entries" in digest and "test_fee_rounds" not in digest


def test_nothing_to_merge_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "empty").mkdir()
    assert main(["merge", str(tmp_path / "out"), str(tmp_path / "empty")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no collected job could be read" in err and "download-artifact" in err


def test_what_is_collected_is_redacted(tmp_path: Path):
    secret = "ghp_" + "R3alLookingT0kenValue1234567890abcde"
    log = tmp_path / "leak.log"
    planted = LEDGER.joinpath("half_up-sqlite.log").read_text().replace(
        "E       sqlite3.OperationalError: unable to open database file",
        f"E       sqlite3.OperationalError: unable to open database file (token {secret})")
    log.write_text(planted)
    assert secret in planted
    for budget in ("200", "100000"):  # a digest and the whole log
        assert main(["--log-file", str(log), "--index", str(tmp_path / "index.json"), "--store-memory",
                     "--out", str(tmp_path / "own.md"), "--budget", budget, "--collect", str(tmp_path / budget)]) == 0
        written = [path for path in (tmp_path / budget).rglob("*") if path.is_file()]
        assert {path.name for path in written} == {"events.json", "digest.json", "index.json"}
        assert all(secret not in path.read_text() and secret[4:20] not in path.read_text() for path in written)
        assert "unable to open database file" in (written[0].parent / "events.json").read_text()


def test_the_action_collects_in_each_leg_and_merges_in_a_final_job(tmp_path: Path, actions: FakeActions):
    collected = tmp_path / "artifacts"  # what actions/download-artifact with merge-multiple puts in one folder
    for rounding, region, leg in (("half_even", "us", "half_even-us"), ("half_even", "eu", "half_even-eu"),
                                  ("half_up", "sqlite", "half_up-sqlite")):
        job = tmp_path / leg
        job.mkdir()
        env = run_env(job, actions, **{"LOG-FILES": str(LEDGER / f"{leg}.log"), "MODE": "collect",
                                       "COLLECT-DIR": str(collected), "FAIL-ON": "never", "SUMMARY": "off",
                                       "MATRIX": json.dumps({"rounding": rounding, "region": region})})
        env.update(GITHUB_JOB="test", GITHUB_RUN_ID=str(RUN))
        assert action.run(env) == 0
    final = tmp_path / "final"
    final.mkdir()
    env = run_env(final, actions, **{"MODE": "merge", "COLLECT-DIR": str(collected), "COMMENT": "always"})
    assert action.run(env) == 1  # one verdict for the matrix
    table = (final / "summary.md").read_text()
    run_page = actions.run_url(RUN)
    # the jobs' folders are read in name order; the legs' job ids are not in their context: links go to the run
    assert f"[`test (half_even, eu)`]({run_page}), [`test (half_even, us)`]({run_page})" in table
    body = actions.comments[PR][0]["body"]
    assert len(actions.comments[PR]) == 1 and "fails on: [`test (half_even, eu)`]" in body


def test_fixed_failures_show_outside_the_collapsed_digest(tmp_path: Path, actions: FakeActions):
    index = tmp_path / "index.json"
    for leg in ("half_up-sqlite", "half_even-us"):  # the sqlite failures, then a run without them
        (tmp_path / leg).mkdir()
        env = run_env(tmp_path / leg, actions, **{"LOG-FILES": str(LEDGER / f"{leg}.log"),
                                                  "INDEX-PATH": str(index), "FAIL-ON": "never"})
        env["GITHUB_JOB"] = "test"  # one job, two runs
        assert action.run(env) == 0
    summary = (tmp_path / "half_even-us" / "summary.md").read_text()
    outside = summary.split("<details>")[0]
    assert "**Fixed since the last run (2):**" in outside
    assert "test_balance_sums_the_entries" in outside and "test_unknown_account_is_zero" in outside


# --- job names and links in Markdown ----------------------------------------------------------------------------

def shared_pattern(jobs: int) -> Pattern:
    run_page = "https://github.com/octo-org/octo-repo/actions/runs/42"
    sources = {f"job{n}.log": Seen(1, 30, (), Link(run_page, 100 + n, 3, 21)) for n in range(jobs)}
    return Pattern("k", Event(Priority.CRITICAL, "failed_test", "FAILED t", "job0.log", 30), sources=sources)


def test_many_jobs_are_counted_not_named() -> None:
    labels = {f"job{n}.log": f"test ({n})" for n in range(12)}
    assert jobs(shared_pattern(6), labels) == "fails on 6 of 12 jobs"
    assert jobs(shared_pattern(2), labels) == "fails on: `test (0)`, `test (1)`"
    assert jobs(shared_pattern(2), {"job0.log": "x"}) == ""  # one input: no job to name


@pytest.mark.parametrize("payload", PAYLOADS)
def test_job_names_stay_text_and_links_go_to_github(payload: str) -> None:
    pattern = shared_pattern(2)

    def page(name: str) -> str:
        labels = {"job0.log": name, "job1.log": "other"}
        return (f"| Failure | Job |\n|---|---|\n| x | {jobs(pattern, labels, links=True, column=True)} |\n\n"
                f"- y — {jobs(pattern, labels, links=True)}\n")

    assert live_elements(page(payload), page(benign(payload))) == []
    assert "https://github.com/octo-org/octo-repo/actions/runs/42/job/100#step:3:21" in to_html(page(payload))


def test_the_legs_verdicts_come_through_the_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    logs = [LEDGER / f"{leg}.log" for _, leg in LEGS]
    for log in logs:  # each leg's first run with an index: every failure is new to it
        assert main(["--log-file", str(log), "--index", str(tmp_path / f"{log.stem}.json"), "--out",
                     str(tmp_path / "own.md"), "--collect", str(tmp_path / "collected"), "--job", log.stem]) == 0
    settings = Settings(budget=900, index="", format="json", out=str(tmp_path / "merged.json"), fail_on="new")
    merged = matrix.merge(settings, [str(tmp_path / "collected")], str(tmp_path / "index.json"))
    assert merged.memory.counts() == {"new": 3, "regression": 0, "flaky": 0, "fixed": 0}
    assert merged.fails("new")
    merged_index = json.loads((tmp_path / "index.json").read_text())  # the legs' histories, each its own job
    assert {job["key"] for job in merged_index["jobs"]} == {log.stem for log in logs}
