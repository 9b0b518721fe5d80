"""A job's memory with real logs and real runs of pytest: jobs never see each other's failures, history never
costs a fact, a coin-flip test is flaky with its flip rate, a bug put into a passing project is a regression,
and ``--fail-on regression`` fails a job only on what was not failing already."""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import FIXTURES, PROJECTS, ROOT

from tokenopt.cli import main

PYTEST_LOG, MYPY_LOG = FIXTURES / "pytest" / "failures.log", FIXTURES / "mypy" / "type_errors.log"
PASSING_PROJECT = PROJECTS / "pytest" / "passing"


def digest(capsys: pytest.CaptureFixture[str], log: Path, *options: str) -> tuple[int, dict]:
    code = main(["--log-file", str(log), "--format", "json", "--out", "-", *options])
    out = capsys.readouterr().out
    return code, json.loads(out[: out.rindex("}") + 1])


def failures(summary: dict) -> list[str]:
    return [e["message"] for e in summary["events"] if e["priority"] == "critical"]


@pytest.mark.parametrize("budget", ["500", "2000"])
def test_two_jobs_in_one_directory_never_mention_each_other(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, budget: str):
    fresh = {}
    for log in (PYTEST_LOG, MYPY_LOG):  # each in a directory of its own: what a first run keeps
        alone = tmp_path / log.stem
        alone.mkdir()
        monkeypatch.chdir(alone)
        fresh[log] = digest(capsys, log, "--budget", budget)[1]
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.chdir(shared)  # then both in one directory (one default index), twice, as on a laptop
    for log, other in ((PYTEST_LOG, MYPY_LOG), (MYPY_LOG, PYTEST_LOG)) * 2:
        summary = digest(capsys, log, "--budget", budget)[1]
        assert failures(summary) == failures(fresh[log])
        kept = [m for m in failures(fresh[log]) if m in summary["digest"]]
        assert kept == [m for m in failures(fresh[log]) if m in fresh[log]["digest"]] and kept
        assert not any(m in summary["digest"] for m in failures(fresh[other]))
        assert "Fixed since" not in summary["digest"] and summary["verdicts"]["fixed"] == 0
    assert summary["verdicts"]["new"] == 0 and all(e["verdict"] == "recurring" for e in summary["events"]
                                                   if e["priority"] == "critical")


def run_pytest(project: Path, log: Path, **env: str) -> int:
    """pytest for real in ``project``; its output is the job's log."""
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:randomly"], cwd=project,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **env},
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    log.write_bytes(done.stdout)
    return done.returncode


COIN_TESTS = '''import os
import random


def test_coin_flip():
    assert random.Random(int(os.environ["COIN_SEED"])).random() >= 0.5, "tails"


def test_always_broken():
    assert sum([0.1] * 3) == 0.3


def test_fine():
    assert sorted("cba") == ["a", "b", "c"]
'''


def test_a_coin_flip_test_is_flaky_with_its_flip_rate(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    project = tmp_path / "coin"
    project.mkdir()
    (project / "test_coin.py").write_text(COIN_TESTS)
    tails = [seed for seed in range(200) if random.Random(seed).random() < 0.5]
    heads = [seed for seed in range(200) if random.Random(seed).random() >= 0.5]
    flips = "TTHTHHTTHT"  # 6 tails in 10 runs, the last one tails: what the last run reports
    log, index = tmp_path / "job.log", str(tmp_path / "index.json")
    for run, side in enumerate(flips):
        seed = (tails if side == "T" else heads)[run]
        assert run_pytest(project, log, COIN_SEED=str(seed)) == 1
        code, summary = digest(capsys, log, "--index", index, "--job", "coin", "--commit", f"c0ffee{run}",
                               "--fail-on", "regression", "--ignore-flaky")
        if run in (0, 2, len(flips) - 1):  # a first run's failures are new; then one known failure, then flaky
            assert code == (1 if run == 0 else 0)
    events = {e["test_id"]: e for e in summary["events"] if e["priority"] == "critical"}
    assert events["test_coin.py::test_coin_flip"]["verdict"] == "flaky"
    assert events["test_coin.py::test_coin_flip"]["history"] == "flaky 6/10"
    assert events["test_coin.py::test_always_broken"]["history"] == "10th run"
    # back after a passing run: a regression, which the flaky verdict explains (--ignore-flaky leaves it out)
    assert summary["verdicts"] == {"new": 0, "regression": 1, "flaky": 1, "fixed": 0}
    assert "flaky 6/10" in summary["digest"]
    # --ignore-flaky: the coin alone does not fail a job that fails only on what is new
    seed = tails[-1]
    (project / "test_coin.py").write_text(COIN_TESTS.replace("def test_always_broken", "def _always_broken"))
    assert run_pytest(project, log, COIN_SEED=str(seed)) == 1
    code, _ = digest(capsys, log, "--index", index, "--job", "coin", "--fail-on", "critical", "--ignore-flaky")
    assert code == 0


def test_a_flip_on_one_commit_is_flaky_at_once(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    project = tmp_path / "coin"
    project.mkdir()
    (project / "test_coin.py").write_text(COIN_TESTS)
    heads = next(s for s in range(200) if random.Random(s).random() >= 0.5)
    tails = next(s for s in range(200) if random.Random(s).random() < 0.5)
    log, index = tmp_path / "job.log", str(tmp_path / "index.json")
    for seed in (heads, tails):  # a re-run of the same commit
        run_pytest(project, log, COIN_SEED=str(seed))
        summary = digest(capsys, log, "--index", index, "--job", "coin", "--commit", "4b825dc")[1]
    events = {e["test_id"]: e for e in summary["events"] if e["priority"] == "critical"}
    assert events["test_coin.py::test_coin_flip"]["verdict"] == "flaky"
    assert events["test_coin.py::test_always_broken"]["verdict"] == "recurring"


def break_(project: Path, old: str, new: str) -> None:
    source = project / "slugkit" / "slug.py"
    text = source.read_text()
    assert old in text
    source.write_text(text.replace(old, new, 1))


def test_a_bug_in_a_passing_project_is_a_regression_and_fail_on_regression_waits_for_a_new_one(
        capsys: pytest.CaptureFixture[str], tmp_path: Path):
    project = tmp_path / "slugkit"
    shutil.copytree(PASSING_PROJECT, project)
    log, index = tmp_path / "job.log", str(tmp_path / "index.json")

    def job(*options: str) -> tuple[int, dict]:
        return digest(capsys, log, "--index", index, "--job", "slugkit", *options)

    assert run_pytest(project, log) == 0
    code, summary = job("--fail-on", "regression")
    assert code == 0 and summary["verdicts"] == {"new": 0, "regression": 0, "flaky": 0, "fixed": 0}
    break_(project, "    n = 2\n", "    n = 1\n")  # unique_slug now offers "base-1"
    assert run_pytest(project, log) == 1
    code, summary = job("--fail-on", "regression")
    regressions = [e for e in summary["events"] if e["verdict"] == "new" and e["priority"] == "critical"]
    assert code == 1 and summary["verdicts"]["regression"] == len(regressions) >= 1
    assert summary["verdicts"]["new"] == len(regressions)
    assert run_pytest(project, log) == 1  # the same failure again: known, the job is not failed for it
    code, summary = job("--fail-on", "regression")
    assert code == 0 and summary["verdicts"]["regression"] == 0 and summary["verdicts"]["new"] == 0
    assert {e["verdict"] for e in summary["events"] if e["priority"] == "critical"} == {"recurring"}
    break_(project, ".rstrip(sep)", "")  # a second bug: a new failure besides the known one
    assert run_pytest(project, log) == 1
    code, summary = job("--fail-on", "regression")
    assert code == 1 and summary["verdicts"]["new"] >= 1
    assert "recurring" in {e["verdict"] for e in summary["events"]}
    break_(project, "    n = 1\n", "    n = 2\n")  # the first bug fixed
    assert run_pytest(project, log) == 1
    code, summary = job("--fail-on", "new")
    assert code == 0 and summary["verdicts"]["fixed"] >= 1 and "Fixed since the last run" in summary["digest"]


def test_a_passing_runs_baseline_brings_more_of_the_failure_forward(tmp_path: Path):
    """A real pair (bench/corpus: the same project, steps and tools with and without the bug): after two passing
    runs of the job, the failing run's digest at 2,000 tokens quotes more of the lines the passing run never
    prints, and every failed test it quoted before."""
    sys.path.insert(0, str(ROOT / "bench"))
    from baseline import failure_lines, share
    from quality import load_cases, passing_twin, tokenopt_digest

    case = load_cases(ROOT / "bench" / "corpus" / "cases", "py-pytest-pip-setup-runner")[0]
    twin = passing_twin(ROOT / "bench" / "corpus" / "passing", case)
    assert twin is not None
    lines = failure_lines(case, twin)
    first, after = tokenopt_digest(case, 2000, tmp_path), tokenopt_digest(case, 2000, tmp_path, earlier=[twin, twin])
    assert share(lines, after) > share(lines, first)
    failed = [line for line in lines if line.startswith("FAILED ") and line in first]
    assert failed and all(line in after for line in failed)


def test_a_failing_steps_tail_skips_what_passing_runs_print_and_keeps_its_failure(capsys: pytest.CaptureFixture[str],
                                                                                  tmp_path: Path):
    """The real pair of a travis-framed prove job: after two passing runs, the failing step's last lines skip
    the runs of lines the passing runs print too (a marker says how many) and keep every failure line."""
    case = ROOT / "bench" / "corpus" / "cases" / "travis-prove-after-failure" / "job.log"
    twin = ROOT / "bench" / "corpus" / "passing" / "travis-prove-after-failure" / "job.log"
    index = str(tmp_path / "index.json")
    first = digest(capsys, case, "--index", "", "--budget", "500")[1]
    for _ in range(2):
        digest(capsys, twin, "--index", index, "--job", "prove", "--budget", "500")
    after = digest(capsys, case, "--index", index, "--job", "prove", "--budget", "500")[1]
    assert "lines that passing runs print too" in after["digest"]
    assert "lines that passing runs print too" not in first["digest"]
    assert all(message in after["digest"] for message in failures(first) if message in first["digest"])


def test_a_shell_step_that_stops_on_an_error_is_never_learned_as_a_pass(capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path):
    """bash -e run for real: 3,000 lines of build noise, then `cp` fails. No recognizer knows it and no CI framing
    says the step failed, yet the run must not teach its own failure to the job as normal."""
    script = "set -e\nfor i in $(seq 1 3000); do echo \"compiling module_$i\"; done\necho 'Running migrations'\n" \
             "cp /nonexistent/config.yaml /tmp/\necho done\n"
    done = subprocess.run(["bash", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    assert done.returncode == 1
    log, index = tmp_path / "build.log", tmp_path / "index.json"
    log.write_bytes(done.stdout)
    for _ in range(2):
        summary = digest(capsys, log, "--index", str(index), "--job", "build", "--budget", "2000")[1]
    assert summary["digest"].startswith("# CI log digest: 1 error")
    assert "cp: cannot stat '/nonexistent/config.yaml': No such file or directory" in summary["digest"]
    assert "passing runs print too" not in summary["digest"]
    assert [run["outcome"] for run in json.loads(index.read_text())["jobs"][0]["runs"]] == ["failed", "failed"]
