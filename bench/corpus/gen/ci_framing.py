"""How seven CI systems frame a job's log, as small emulators of each system's log writer.

The steps' output is real (a Job's steps, run by gen/common.py); only the frame around it is written
here: each system's documented markers for a step or section, its command echo, its verdict lines and
the runner's own lines before and after the job's steps. The sources each emulator follows are listed
in bench/corpus/README.md ("CI framings"). Runner-side text that carries no fact (runner versions, image
names, cleanup chatter) is fixed; times come from the steps' real start times and durations.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gen.common import Job, Step

ESC = "\x1b"
REPO = "acme/app"


def _git_version() -> str:
    return subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()


def _id(step: Step, size: int = 8) -> str:
    return hashlib.sha1(f"{step.title}{step.started}".encode()).hexdigest()[:size]


def _stamp(epoch: float) -> str:
    """The runner timestamp of GitHub Actions and Azure Pipelines raw logs (7 fractional digits)."""
    when = dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond * 10:07d}Z "


def _end(step: Step) -> float:
    return step.started + step.seconds


def _failed_exit(job: Job) -> int:
    return next((s.code for s in job.steps if s.code != 0), 0)


# --- GitHub Actions -----------------------------------------------------------------------------------

GHA_PREAMBLE = """Current runner version: '2.321.0'
##[group]Operating System
Ubuntu
24.04.1
LTS
##[endgroup]
##[group]Runner Image
Image: ubuntu-24.04
Version: 20241201.1.0
Included Software: https://github.com/actions/runner-images/blob/ubuntu24/20241201.1/images/ubuntu/Ubuntu2404-Readme.md
Image Release: https://github.com/actions/runner-images/releases/tag/ubuntu24%2F20241201.1
##[endgroup]
##[group]Runner Image Provisioner
2.0.391.1
##[endgroup]
##[group]GITHUB_TOKEN Permissions
Contents: read
Metadata: read
##[endgroup]
Secret source: Actions
Prepare workflow directory
Prepare all required actions
Getting action download info
Download action repository 'actions/checkout@v4' (SHA:11bd71901bbe5b1630ceea73d27597364c9af683)
Download action repository 'actions/upload-artifact@v4' (SHA:b4b15b8c7c6ac21ea08fcf65892d2ee8c75cf882)
Complete job name: test"""


def github(job: Job) -> str:
    """A GitHub Actions raw job log: runner stamps on every line, `##[group]Run …` headers, the
    `##[error]Process completed with exit code N.` of a failing step, then `Post job cleanup.`."""
    out: list[str] = []
    first = job.steps[0].started
    out += [_stamp(first - 2) + line for line in GHA_PREAMBLE.splitlines()]
    for step in job.steps:
        t = _stamp(step.started)
        if step.title == "Checkout":
            header = ["##[group]Run actions/checkout@v4", "with:", f"  repository: {REPO}", "  token: ***",
                      "  ssh-strict: true", "  persist-credentials: true", "  clean: true", "  fetch-depth: 1",
                      "##[endgroup]"]
        else:
            header = [f"##[group]Run {step.command.splitlines()[0]}", *step.command.splitlines(),
                      "shell: /usr/bin/bash -e {0}", "##[endgroup]"]
        out += [t + line for line in header]
        out += [s + line for s, line in step.lines]
        if step.code != 0:
            out.append(_stamp(_end(step)) + f"##[error]Process completed with exit code {step.code}.")
    t = _stamp(_end(job.steps[-1]) + 0.5)
    workspace = f"/home/runner/work/{REPO.split('/')[1]}/{REPO.split('/')[1]}"
    cleanup = ["Post job cleanup.", "[command]/usr/bin/git version", _git_version(),
               "Temporarily overriding HOME='/home/runner/work/_temp/5d6f2c1e-3b8a-4c1f-9e0d-7a2b3c4d5e6f' before making"
               " global git config changes",
               "Adding repository directory to the temporary git global config as a safe directory",
               f"[command]/usr/bin/git config --global --add safe.directory {workspace}",
               "[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand",
               "[command]/usr/bin/git submodule foreach --recursive sh -c \"git config --local --name-only "
               "--get-regexp 'core\\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :\"",
               "[command]/usr/bin/git config --local --name-only --get-regexp http\\.https\\:\\/\\/github\\.com\\/\\.extraheader",
               "http.https://github.com/.extraheader",
               "[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader",
               "Cleaning up orphan processes"]
    out += [t + line for line in cleanup]
    return "\n".join(out) + "\n"


# --- GitLab CI ----------------------------------------------------------------------------------------

def _gl_section(name: str, when: float, header: str) -> str:
    return f"section_start:{int(when)}:{name}\r{ESC}[0K{ESC}[0K{ESC}[36;1m{header}{ESC}[0;m{ESC}[0;m"


def _gl_end(name: str, when: float) -> str:
    return f"section_end:{int(when)}:{name}\r{ESC}[0K"


def _gl_script(name: str, header: str, steps: list[Step], first: str) -> list[str]:
    """One script section: its header, a runner line, then each command echoed in green with its output."""
    if not steps:
        return []
    out = [_gl_section(name, steps[0].started, header), first]
    for step in steps:
        out += [f"{ESC}[32;1m$ {line}{ESC}[0;m" for line in step.command.splitlines()]
        out += [line for _, line in step.lines]
    return out + [_gl_end(name, _end(steps[-1]))]


def gitlab(job: Job) -> str:
    """A GitLab CI job trace: runner sections (`section_start:<ts>:<name>\\r\\e[0K<header>` …
    `section_end:<ts>:<name>\\r\\e[0K`), green `$ command` echoes in step_script and after_script,
    and `ERROR: Job failed: exit code N` in red at the end."""
    green, reset = f"{ESC}[32;1m", f"{ESC}[0;m"
    steps = [s for s in job.steps if s.title != "Checkout"]
    checkout = next((s for s in job.steps if s.title == "Checkout"), None)
    t0 = job.steps[0].started
    out = [f"{ESC}[0KRunning with gitlab-runner 17.6.0 (374d34fd){reset}",
           f"{ESC}[0K  on docker-shared-2 t2_Zq7xKp, system ID: s_8e4c2b1d9f30{reset}",
           _gl_section("prepare_executor", t0 - 20, 'Preparing the "docker" executor'),
           f"{ESC}[0KUsing Docker executor with image ruby:3.1 ...{reset}",
           f"{ESC}[0KPulling docker image ruby:3.1 ...{reset}",
           f"{ESC}[0KUsing docker image sha256:5e1d3b0f6a7c for ruby:3.1 with digest ruby@sha256:9b4c2e8d ...{reset}",
           _gl_end("prepare_executor", t0 - 12),
           _gl_section("prepare_script", t0 - 12, "Preparing environment"),
           "Running on runner-t2zq7xkp-project-4242-concurrent-0 via docker-shared-2...",
           _gl_end("prepare_script", t0 - 11),
           _gl_section("get_sources", t0 - 11, "Getting source from Git repository"),
           f"{green}Fetching changes with git depth set to 20...{reset}"]
    if checkout:
        out += [line for _, line in checkout.lines]
    out += [f"{green}Skipping Git submodules setup{reset}", _gl_end("get_sources", t0)]
    out += _gl_script("step_script", 'Executing "step_script" stage of the job script', [s for s in steps if not s.always],
                      f"{ESC}[0KUsing docker image sha256:5e1d3b0f6a7c for ruby:3.1 with digest ruby@sha256:9b4c2e8d ...{reset}")
    out += _gl_script("after_script", "Running after_script", [s for s in steps if s.always],
                      f"{green}Running after script...{reset}")
    last = _end(job.steps[-1])
    out += [_gl_section("cleanup_file_variables", last, "Cleaning up project directory and file based variables"),
            _gl_end("cleanup_file_variables", last + 1)]
    code = _failed_exit(job)
    out += [f"{ESC}[31;1mERROR: Job failed: exit code {code}", reset] if code else [f"{green}Job succeeded{reset}"]
    return "\n".join(out) + "\n"


# --- Travis CI ----------------------------------------------------------------------------------------

def travis(job: Job) -> str:
    """A Travis CI job log: `travis_fold:start:<name>` / `travis_fold:end:<name>` around setup phases,
    `travis_time:start:<id>` / `travis_time:end:<id>:start=…,finish=…,duration=…,event=<phase>` around
    each command (`$ command` echoed), `The command "…" exited with N.` after each script command (the
    script phase runs every command even after one fails), then `Done. Your build exited with N.`."""
    clear = f"\r{ESC}[0K"
    out = [f"travis_fold:start:worker_info{clear}{ESC}[33;1mWorker information{ESC}[0m",
           "hostname: 6c1b2e4f-1d2a-4b8e-a0c3-5f9d8e7a6b4c@1.worker-com-7f9b7c6d8-x2k4p.gce-production-3",
           "version: v6.2.22 https://github.com/travis-ci/worker/tree/2b1e5e7c0fd1e0a0b3c8d2f4e6a9b1c3d5e7f9a1",
           "instance: travis-job-4d6e8f0a-2b4c-4d6e-8f0a-2b4c6d8e0f1a travis-ci-ubuntu-2204-1699999999-4f5e6d7 (via amqp)",
           "startup: 6.214876952s",
           f"travis_fold:end:worker_info{clear}"]
    phase_of = {"Checkout": "git.checkout"}
    folds: dict[str, int] = {}
    for step in job.steps:
        scripted = "Test" in step.title or "Build" in step.title
        phase = phase_of.get(step.title, "script" if scripted else "after_failure" if step.always else "install")
        folded = phase not in ("script",)
        tid = _id(step)
        if folded:
            folds[phase] = folds.get(phase, 0) + 1
            out.append(f"travis_fold:start:{phase}.{folds[phase]}{clear}" + f"travis_time:start:{tid}{clear}"
                       + f"$ {step.command}")
        else:
            out.append(f"travis_time:start:{tid}{clear}$ {step.command}")
        out += [line for _, line in step.lines]
        start, finish = int(step.started * 1e9), int(_end(step) * 1e9)
        end = f"travis_time:end:{tid}:start={start},finish={finish},duration={finish - start},event={phase}{clear}"
        if folded:
            out.append(end + f"travis_fold:end:{phase}.{folds[phase]}{clear}")
        else:
            colour = "32;1" if step.code == 0 else "31;1"
            out.append(end + f"{ESC}[{colour}mThe command \"{step.command}\" exited with {step.code}.{ESC}[0m")
    code = _failed_exit(job)
    out += ["", "", f"Done. Your build exited with {1 if code else 0}."]
    return "\n".join(out) + "\n"


# --- Jenkins ------------------------------------------------------------------------------------------

def jenkins_pipeline(job: Job) -> str:
    """The console of a Jenkins declarative pipeline: `[Pipeline]` step lines, one stage per step
    (`[Pipeline] { (Build)`), `+ command` from sh's set -x, later stages skipped after a failure, the
    post actions, then `ERROR: script returned exit code N` and `Finished: FAILURE`."""
    workspace = "/var/jenkins_home/workspace/app_main"
    out = ["Started by user CI Admin", "[Pipeline] Start of Pipeline", "[Pipeline] node",
           f"Running on Jenkins in {workspace}", "[Pipeline] {"]
    posts = [s for s in job.steps if s.always]
    for step in [s for s in job.steps if not s.always]:
        stage = "Declarative: Checkout SCM" if step.title == "Checkout" else step.title
        out += ["[Pipeline] stage", f"[Pipeline] {{ ({stage})"]
        if step.title == "Checkout":
            out.append("[Pipeline] checkout")
        else:
            out += ["[Pipeline] sh"] + [f"+ {line}" for line in step.command.splitlines()]
        out += [line for _, line in step.lines]
        out += ["[Pipeline] }", "[Pipeline] // stage"]
    for skipped in job.skipped:
        out += ["[Pipeline] stage", f"[Pipeline] {{ ({skipped})", f"Stage \"{skipped}\" skipped due to earlier failure(s)",
                "[Pipeline] }", "[Pipeline] // stage"]
    if posts:
        out += ["[Pipeline] stage", "[Pipeline] { (Declarative: Post Actions)"]
        for step in posts:
            out += ["[Pipeline] sh"] + [f"+ {line}" for line in step.command.splitlines()]
            out += [line for _, line in step.lines]
        out += ["[Pipeline] }", "[Pipeline] // stage"]
    out += ["[Pipeline] }", "[Pipeline] // node", "[Pipeline] End of Pipeline"]
    code = _failed_exit(job)
    out += [f"ERROR: script returned exit code {code}", "Finished: FAILURE"] if code else ["Finished: SUCCESS"]
    return "\n".join(out) + "\n"


def jenkins_freestyle(job: Job) -> str:
    """The console of a Jenkins freestyle job: SCM checkout lines, `[app] $ <command>` for each build
    step, `Build step 'Invoke top-level Maven targets' marked build as failure`, `Finished: FAILURE`."""
    out = ["Started by an SCM change", "Running as SYSTEM", "Building in workspace /var/jenkins_home/workspace/app"]
    for step in job.steps:
        if step.title == "Checkout":
            out += ["The recommended git tool is: NONE", "No credentials specified"]
            out += [line for _, line in step.lines]
            continue
        out.append(f"[app] $ {step.command}")
        out += [line for _, line in step.lines]
        if step.code != 0:
            kind = "Invoke top-level Maven targets" if "mvn" in step.command else "Execute shell"
            out.append(f"Build step '{kind}' marked build as failure")
            break
    out.append("Finished: FAILURE" if _failed_exit(job) else "Finished: SUCCESS")
    return "\n".join(out) + "\n"


# --- Buildkite ----------------------------------------------------------------------------------------

def buildkite(job: Job) -> str:
    """A Buildkite job log as the agent writes it: each line starts with the agent's timestamp escape
    (`ESC _bk;t=<ms> BEL`), `~~~` collapsed agent sections, the command's own `---`/`+++` groups, then
    `^^^ +++`, `🚨 Error: The command exited with status N` and `user command error: exit status N`."""
    build_dir = "/var/lib/buildkite-agent/builds/ci-agent-3/acme/app"
    out: list[tuple[float, str]] = []
    t0 = job.steps[0].started
    out += [(t0 - 1, "~~~ Running global environment hook"), (t0 - 1, "$ /etc/buildkite-agent/hooks/environment"),
            (t0 - 1, "~~~ Preparing working directory"), (t0 - 1, f"$ cd {build_dir}")]
    for step in job.steps:
        if step.title == "Checkout":
            out += [(step.started, f"$ {step.command}")] + [(step.started, line) for _, line in step.lines]
            continue
        if step is _first_command(job):
            out += [(step.started, "~~~ Running commands")]
        if step.always:
            out.append((step.started, "~~~ Running global pre-exit hook"))
        out += [(step.started, f"$ {step.command}")]
        out += [(_parse_stamp(s) or step.started, line) for s, line in step.lines]
        if step.code != 0:
            end = _end(step)
            out += [(end, "^^^ +++"), (end, f"{ESC}[31m🚨 Error: The command exited with status {step.code}{ESC}[0m"),
                    (end, "^^^ +++"), (end, f"user command error: exit status {step.code}")]
    return "".join(f"{ESC}_bk;t={int(t * 1000)}\x07{line}\n" for t, line in out)


def _first_command(job: Job) -> Step | None:
    return next((s for s in job.steps if s.title != "Checkout"), None)


def _parse_stamp(stamp: str) -> float:
    try:
        return dt.datetime.strptime(stamp.strip()[:26], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=dt.timezone.utc).timestamp()
    except ValueError:
        return 0.0


# --- Azure Pipelines ----------------------------------------------------------------------------------

AZURE_CMDLINE = """==============================================================================
Task         : Command line
Description  : Run a command line script using Bash on Linux and macOS and cmd.exe on Windows
Version      : 2.250.1
Author       : Microsoft Corporation
Help         : https://docs.microsoft.com/azure/devops/pipelines/tasks/utility/command-line
=============================================================================="""


def azure(job: Job) -> str:
    """An Azure Pipelines step log set, concatenated: runner stamps, `##[section]Starting: <step>`, the
    task banner, `##[command]/usr/bin/bash --noprofile --norc <script>`, the output (a script's
    `##vso[task.logissue type=error]msg` logging command is consumed by the agent and shown as
    `##[error]msg`), `##[error]Bash exited with code 'N'.` and `##[section]Finishing: <step>`."""
    out: list[str] = []
    t0 = job.steps[0].started
    out += [_stamp(t0 - 3) + line for line in (
        "##[section]Starting: Initialize job", "Agent name: 'Azure Pipelines 4'", "Agent machine name: 'fv-az1234-567'",
        "Current agent version: '4.248.0'", "Operating System", "Ubuntu", "24.04.1", "LTS",
        "Runner Image", "Image: ubuntu-24.04", "Version: 20241201.1.0", "##[section]Finishing: Initialize job")]
    for step in job.steps:
        t = _stamp(step.started)
        name = f"Checkout {REPO}@main to s" if step.title == "Checkout" else step.title
        out.append(t + f"##[section]Starting: {name}")
        if step.title != "Checkout":
            script = f"/home/vsts/work/_temp/{_id(step, 8)}-{_id(step, 4)}-4c1e-9a7b-{_id(step, 12)}.sh"
            out += [t + line for line in AZURE_CMDLINE.splitlines()]
            out += [t + "Generating script.", t + "Script contents:"] + [t + line for line in step.command.splitlines()]
            out += [t + "========================== Starting Command Output ===========================",
                    t + f"##[command]/usr/bin/bash --noprofile --norc {script}"]
        for s, line in step.lines:
            if line.startswith("##vso[task.logissue type=error]"):
                line = "##[error]" + line.split("]", 1)[1]
            elif line.startswith("##vso["):
                continue
            out.append(s + line)
        end = _stamp(_end(step))
        if step.code != 0:
            out.append(end + f"##[error]Bash exited with code '{step.code}'.")
        out.append(end + f"##[section]Finishing: {name}")
    end = _stamp(_end(job.steps[-1]) + 1)
    out += [end + line for line in ("##[section]Starting: Finalize Job", "Cleaning up task key",
                                    "Start cleaning up orphan processes.", "##[section]Finishing: Finalize Job")]
    return "\n".join(out) + "\n"


# --- CircleCI -----------------------------------------------------------------------------------------

def circleci(job: Job) -> str:
    """A CircleCI job's steps in order, each under its name as the UI shows it: a run step's output
    opens with `#!/bin/bash -eo pipefail` and the command, and a failing one ends with
    `Exited with code exit status N`; `when: always` steps still run."""
    out = ["Spin up environment", "Build-agent version 1.0.274683-9b2b4f0e (2024-12-02T15:21:17+0000)",
           "System information:", " Server Version: 24.0.9", " Storage Driver: overlay2", "  Backing Filesystem: xfs",
           " Cgroup Driver: cgroupfs", " Cgroup Version: 1", " Kernel Version: 5.15.0-1057-aws",
           " Operating System: Ubuntu 20.04.6 LTS", " OSType: linux", " Architecture: x86_64",
           "Starting container cimg/node:20.18", "cimg/node:20.18: using image cimg/node@sha256:1b7a9c3e", "",
           "Preparing environment variables", "Using build environment variables:", "  BASH_ENV=/tmp/.bash_env-6751f1e2",
           "  CI=true", "  CIRCLECI=true", "  CIRCLE_BRANCH=main", "  CIRCLE_JOB=test", ""]
    for step in job.steps:
        out.append("Checkout code" if step.title == "Checkout" else step.title)
        out += ["#!/bin/bash -eo pipefail", *step.command.splitlines()]
        out += [line for _, line in step.lines]
        if step.code != 0:
            out += ["", f"Exited with code exit status {step.code}"]
        out.append("")
    return "\n".join(out) + "\n"


FRAMES: dict[str, Callable[[Job], str]] = {
    "github": github, "gitlab": gitlab, "travis": travis, "jenkins": jenkins_pipeline,
    "jenkins-freestyle": jenkins_freestyle, "buildkite": buildkite, "azure": azure, "circleci": circleci,
}
