"""CI framings: the step that failed and its last lines, in the log formats CI systems document."""
from __future__ import annotations

import pytest

from tokenopt.model import Line
from tokenopt.normalise import normalise
from tokenopt.steps import StepTracker, is_verdict


def framing(raw: list[str], failures: tuple[int, ...] = ()):
    tracker = StepTracker()
    for number, text in enumerate(raw, start=1):
        tracker.see(Line("job.log", number, normalise(text)))
        if number in failures:
            tracker.failure_seen()
    (found,) = tracker.framings()
    return found


def test_github_actions_the_failing_step_not_the_cleanup_after_it():
    log = ["2026-11-20T10:15:30.0000000Z ##[group]Run actions/checkout@v4", "Syncing repository", "##[endgroup]",
           "##[group]Run pytest -q", "pytest -q", "##[endgroup]", "F.", "FAILED t.py::test_a - assert 1 == 2",
           "##[error]Process completed with exit code 1.", "##[group]Run actions/upload-artifact@v4",
           *[f"uploaded file {n}" for n in range(300)], "Post job cleanup."]
    found = framing(log, failures=(8,))
    assert found.system == "github" and found.failing is not None and found.failing.name == "Run pytest -q"
    assert [line.text for line in found.tail][-2:] == ["FAILED t.py::test_a - assert 1 == 2",
                                                     "##[error]Process completed with exit code 1."]
    assert found.label == 'the failing step "Run pytest -q"'


def test_gitlab_sections_and_the_job_verdict():
    log = ["section_start:1700000000:prepare_script\r\x1b[0KPreparing environment", "Running on runner-1",
           "section_end:1700000001:prepare_script\r\x1b[0K",
           "section_start:1700000002:step_script\r\x1b[0KExecuting \"step_script\" stage", "$ make test",
           "make: *** [Makefile:3: test] Error 2", "section_end:1700000003:step_script\r\x1b[0K",
           "section_start:1700000004:after_script\r\x1b[0KRunning after_script", "$ echo done", "done",
           "section_end:1700000005:after_script\r\x1b[0K", "ERROR: Job failed: exit code 1"]
    found = framing(log, failures=(6,))
    assert found.system == "gitlab" and found.failing is not None and found.failing.name == "make test"
    assert found.verdicts == ["ERROR: Job failed: exit code 1"]


def test_travis_the_command_that_exited_non_zero():
    log = ["travis_fold:start:install\r\x1b[0K$ bundle install", "Bundle complete!", "travis_fold:end:install\r\x1b[0K",
           "$ bundle exec rake", "rspec ./spec/a_spec.rb:4 # A fails", "rake aborted!",
           "The command \"bundle exec rake\" exited with 1.", "Done. Your build exited with 1."]
    found = framing(log, failures=(6,))
    assert found.failing is not None and found.failing.failed and found.failing.name == "bundle exec rake"
    assert found.tail[-1].text == 'The command "bundle exec rake" exited with 1.'


@pytest.mark.parametrize("log, step", [
    (["[Pipeline] stage", "[Pipeline] { (Build)", "[Pipeline] sh", "+ make", "cc: error: x", "[Pipeline] }",
      "[Pipeline] // stage", "ERROR: script returned exit code 2", "Finished: FAILURE"], "Build"),
    (["~~~ Preparing working directory", "$ git clone", "--- :hammer: Build", "$ make", "error: x",
      "🚨 Error: The command exited with status 2"], "make"),
    (["##[section]Starting: Test", "##[command]/bin/bash test.sh", "error: x", "##[error]Bash exited with code '1'.",
      "##[section]Finishing: Test"], "Test"),
])
def test_jenkins_buildkite_and_azure(log: list[str], step: str):
    found = framing(log, failures=(5,) if "error: x" in log[4] else (3,))
    assert found.failing is not None and found.failing.name == step


def test_a_plain_log_is_one_step_and_its_tail_is_the_logs():
    found = framing([f"line {n}" for n in range(500)])
    assert found.failing is None and found.label == "the log" and found.tail[-1].text == "line 499"


@pytest.mark.parametrize("text", ["##[error]Process completed with exit code 1.", "ERROR: Job failed: exit code 1",
                                  'The command "ci/build.sh" exited with 124.', "Done. Your build exited with 1.",
                                  "Build step 'Invoke top-level Maven targets' marked build as failure",
                                  "Finished: FAILURE", "Exited with code exit status 1"])
def test_ci_verdicts(text: str):
    assert is_verdict(text)


def test_go_test_output_is_no_buildkite_step():
    found = framing(["--- FAIL: TestX (0.00s)", "--- PASS: TestY (0.00s)"])
    assert found.steps == [] or all(not s.name.startswith("FAIL") for s in found.steps)
