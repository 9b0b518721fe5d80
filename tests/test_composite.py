"""The composite action's own steps, run with bash the way the runner runs them: each step's `run:` script with
its `env:`, the `${{ … }}` expressions in it resolved as the runner would (inputs with their declared defaults,
the action's path, the runner's temp folder, earlier steps' outputs)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from runner_side import runner_env_file
from support import FIXTURES, ROOT

COMPOSITE = ROOT / "composite"
ACTION = yaml.safe_load((COMPOSITE / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def step(step_id: str) -> dict[str, Any]:
    return next(s for s in ACTION["runs"]["steps"] if s.get("id") == step_id)


def resolve(text: str, context: dict[str, str]) -> str:
    """``${{ name }}`` and ``${{ name || 'fallback' }}``, the only expression forms the action's env uses."""
    def value(found: re.Match[str]) -> str:
        name, _, fallback = found.group(1).partition("||")
        if name.strip() not in context:
            raise AssertionError(f"an expression the test does not know: {found.group(0)}")
        return context[name.strip()] or fallback.strip().strip("'")
    return EXPRESSION.sub(value, text)


def run_step(step_id: str, context: dict[str, str], runner_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    declared = step(step_id)
    env = {**runner_env, **{key: resolve(str(value), context) for key, value in declared.get("env", {}).items()}}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", resolve(declared["run"], context)],
                          env=env, capture_output=True, text=True, timeout=600, check=False)


def runner(tmp_path: Path) -> dict[str, str]:
    """The environment the runner gives a step: a workspace, RUNNER_TEMP, the file-command files."""
    for name in ("workspace", "temp"):
        (tmp_path / name).mkdir(exist_ok=True)
    for name in ("output", "summary.md"):
        (tmp_path / name).write_text("")
    return {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "RUNNER_TEMP": str(tmp_path / "temp"),
            "GITHUB_WORKSPACE": str(tmp_path / "workspace"), "GITHUB_OUTPUT": str(tmp_path / "output"),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "GITHUB_REPOSITORY": "octo-org/octo-repo",
            "GITHUB_EVENT_PATH": str(tmp_path / "no-event.json")}


def context(tmp_path: Path, python: str, found: str = "", **inputs: str) -> dict[str, str]:
    """What the expressions resolve to: ``inputs`` over the declared defaults; ``python`` is the install step's
    interpreter, ``found`` the Python the first step found."""
    values = {f"inputs.{name}": str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    values.update({f"inputs.{name.replace('_', '-')}": value for name, value in inputs.items()})
    values.update({"inputs.github-token": "", "inputs.repository": "octo-org/octo-repo",
                   "github.action_path": str(COMPOSITE), "runner.temp": str(tmp_path / "temp"),
                   "steps.install.outputs.python": python, "steps.python.outputs.command": found})
    return values


def test_the_digest_step_runs_the_entry_point_with_the_inputs(tmp_path: Path) -> None:
    env = runner(tmp_path)
    shutil.copy(FIXTURES / "pytest" / "failures.log", tmp_path / "workspace" / "test_output.log")
    done = run_step("digest", context(tmp_path, sys.executable, log_files="test_output.log", token_budget="900"), env)
    assert done.returncode == 1, done.stdout + done.stderr  # fail-on: critical, the action's default
    outputs = runner_env_file((tmp_path / "output").read_text())
    assert outputs["conclusion"] == "failure" and int(outputs["tokens"]) <= 900
    assert (tmp_path / "workspace" / outputs["digest-path"]).is_file()
    assert "test_total_with_discount" in (tmp_path / "summary.md").read_text()


def test_the_python_step_finds_a_python_or_asks_for_one(tmp_path: Path) -> None:
    env = runner(tmp_path)
    assert run_step("python", context(tmp_path, ""), env).returncode == 0
    assert runner_env_file((tmp_path / "output").read_text())["command"] in ("python3", "python")
    (tmp_path / "output").write_text("")
    empty = tmp_path / "no-python"
    empty.mkdir()
    for tool in ("bash", "cat"):
        (empty / tool).symlink_to(shutil.which(tool) or tool)
    done = run_step("python", context(tmp_path, ""), {**env, "PATH": str(empty)})
    assert done.returncode == 0 and (tmp_path / "output").read_text() == "" and "setting one up" in done.stdout


def test_the_install_step_installs_from_the_actions_folder(tmp_path: Path) -> None:
    # the action as the runner checks it out, in a folder of its own (pip builds in it)
    checkout = tmp_path / "action"
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(".*", "node_modules", "build", "*.egg-info",
                                                                  "__pycache__", "tests", "bench", "docs", "logs"))
    env = runner(tmp_path)
    paths = context(tmp_path, "", found=sys.executable)
    paths["github.action_path"] = str(checkout / "composite")
    done = run_step("install", paths, env)
    assert done.returncode == 0, done.stdout + done.stderr
    python = runner_env_file((tmp_path / "output").read_text())["python"]
    version = subprocess.run([python, "-c", "import tiktoken, tokenopt; print(tiktoken.__version__)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    pinned = re.search(r"^tiktoken==(\S+)$", (ROOT / "requirements-docker.txt").read_text(), re.MULTILINE)
    assert pinned is not None and version == pinned.group(1)
