"""A small emulator of how four CI systems frame a job log around the real output of its steps.

The steps run for real (common.Job.run); only the framing is written here, following each system's
documented markers: GitHub Actions (timestamped lines, ``##[group]Run`` … ``##[endgroup]``, ``##[error]``,
post-job cleanup), GitLab CI (``section_start:<epoch>:<name>\\r\\x1b[0K``, ``ERROR: Job failed``), Travis CI
(``travis_fold``/``travis_time``, ``The command "…" exited with N.``) and Jenkins pipelines (``[Pipeline]``
lines, ``+ command`` traces, ``Finished: FAILURE``). The runner preambles are short, fixed and the
emulator's own; the verdict lines are the ones each system documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from gen.common import Job, Step, fact

ESC = "\x1b"


def _epoch(stamp: str) -> float:
    """The runner stamp common.Job recorded for a line (``2026-11-24T14:03:32.3830710Z ``) as seconds."""
    when = dt.datetime.strptime(stamp.strip()[:26], "%Y-%m-%dT%H:%M:%S.%f")
    return when.replace(tzinfo=dt.timezone.utc).timestamp()


def _start(step: Step) -> float:
    return _epoch(step.lines[0][0]) if step.lines else dt.datetime.now(dt.timezone.utc).timestamp()


def _stamp(seconds: float) -> str:
    when = dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond * 10:07d}Z "


@dataclass
class FramedJob(Job):
    """A job whose log is framed as `system` writes it: github, gitlab, travis or jenkins.

    `after` steps (run with always=True) are the system's after-failure part: GitHub's post steps,
    GitLab's after_script, Travis's after_failure, Jenkins's post block. `skipped` names the stages a
    failure skipped, which only Jenkins prints."""

    system: str = "github"
    after: set[int] = field(default_factory=set)
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def run_after(self, title: str, command: str, cwd, **kwargs) -> Step:  # type: ignore[no-untyped-def]
        step = self.run(title, command, cwd, always=True, **kwargs)
        self.after.add(len(self.steps) - 1)
        return step

    def skip(self, title: str) -> None:
        self.skipped.append((len(self.steps), title))

    def exit_code(self) -> int:
        return next((s.code for s in self.steps if s.code != 0), 0)

    def verdict_facts(self) -> list[dict]:
        """The lines in which the system says the job failed (high: the CI verdict)."""
        code = self.exit_code()
        failing = next((s for i, s in enumerate(self.steps) if s.code != 0 and i not in self.after), None)
        if not code or failing is None:
            return []
        lines = {
            "github": [f"##[error]Process completed with exit code {failing.code}."],
            "gitlab": [f"ERROR: Job failed: exit code {code}"],
            "travis": [
                f'The command "{failing.command.splitlines()[0]}" exited with {failing.code}.',
                "Done. Your build exited with 1.",
            ],
            "jenkins": [f"ERROR: script returned exit code {code}", "Finished: FAILURE"],
        }[self.system]
        return [
            fact("high", "summary", [line], f"{self.system} job verdict (the emulator's framing)") for line in lines
        ]

    def text(self) -> str:
        frame = {"github": self._github, "gitlab": self._gitlab, "travis": self._travis, "jenkins": self._jenkins}[
            self.system
        ]
        return "\n".join(frame()) + "\n"

    def _github(self) -> list[str]:
        first = _start(self.steps[0]) - 2.0
        out = [
            _stamp(first) + line
            for line in (
                "Current runner version: '2.321.0'",
                "##[group]Operating System",
                "Debian GNU/Linux",
                "12",
                "##[endgroup]",
                "##[group]Runner Image",
                "Image: debian-12",
                "##[endgroup]",
                "Secret source: Actions",
                "Prepare workflow directory",
                "Prepare all required actions",
                "Complete job name: build",
            )
        ]
        posted = False
        for index, step in enumerate(self.steps):
            stamp = _stamp(_start(step))
            if index in self.after and not posted:
                out.append(f"{stamp}Post job cleanup.")
                posted = True
            out.append(f"{stamp}##[group]Run {step.command.splitlines()[0]}")
            out.extend(f"{stamp}{line}" for line in step.command.splitlines())
            out += [f"{stamp}shell: /usr/bin/bash -e {{0}}", f"{stamp}##[endgroup]"]
            out.extend(s + line for s, line in step.lines)
            if step.code != 0:
                last = step.lines[-1][0] if step.lines else stamp
                out.append(f"{last}##[error]Process completed with exit code {step.code}.")
        end = _stamp(_start(self.steps[-1]) + self.steps[-1].seconds + 0.05)
        return out + [f"{end}Cleaning up orphan processes"]

    def _gitlab(self) -> list[str]:
        def section(name: str, at: float, header: str) -> str:
            return f"section_start:{int(at)}:{name}\r{ESC}[0K{ESC}[0K{ESC}[36;1m{header}{ESC}[0;m{ESC}[0;m"

        def end(name: str, at: float) -> str:
            return f"section_end:{int(at)}:{name}\r{ESC}[0K"

        t0 = _start(self.steps[0]) - 3.0
        out = [
            f"{ESC}[0KRunning with gitlab-runner 16.11.0 (91a27b2a){ESC}[0;m",
            f"{ESC}[0K  on holdout-shell-runner t2_HoLd0ut, system ID: s_0d1e2f3a4b5c{ESC}[0;m",
            section("prepare_executor", t0, 'Preparing the "shell" executor'),
            f"{ESC}[0KUsing Shell (bash) executor...{ESC}[0;m",
            end("prepare_executor", t0),
            section("prepare_script", t0, "Preparing environment"),
            "Running on holdout-runner...",
            end("prepare_script", t0),
        ]
        names = {0: ("get_sources", "Getting source from Git repository")}
        script, after_open = False, False
        for index, step in enumerate(self.steps):
            at = _start(step)
            if index == 0:
                out.append(section(*names[0][:1], at, names[0][1]))
            elif index in self.after and not after_open:
                out.append(end("step_script", at))
                out += [
                    section("after_script", at, "Running after_script"),
                    f"{ESC}[32;1mRunning after script...{ESC}[0;m",
                ]
                script, after_open = False, True
            elif not script and not after_open:
                out.append(section("step_script", at, 'Executing "step_script" stage of the job script'))
                script = True
            out += [f"{ESC}[32;1m$ {line}{ESC}[0;m" for line in step.command.splitlines()]
            out += [line for _, line in step.lines]
            if index == 0:
                out.append(end("get_sources", at + step.seconds))
        last = _start(self.steps[-1]) + self.steps[-1].seconds
        out.append(end("after_script" if after_open else "step_script", last))
        out += [
            section("cleanup_file_variables", last, "Cleaning up project directory and file based variables"),
            end("cleanup_file_variables", last),
        ]
        code = self.exit_code()
        out += (
            [f"{ESC}[31;1mERROR: Job failed: exit code {code}", f"{ESC}[0;m"]
            if code
            else [f"{ESC}[32;1mJob succeeded{ESC}[0;m"]
        )
        return out

    def _travis(self) -> list[str]:
        out = [
            f"travis_fold:start:worker_info\r{ESC}[0K{ESC}[33;1mWorker information{ESC}[0m",
            "hostname: holdout-worker",
            "version: v6.2.22",
            "travis_fold:end:worker_info\r" + ESC + "[0K",
        ]
        verdict = 0
        for index, step in enumerate(self.steps):
            start = _start(step)
            timer = hashlib.sha1(f"{index}{step.command}".encode()).hexdigest()[:8]
            fold = step.title.lower().replace(" ", "_")
            phase = index == 0 or step.title.lower().startswith(("install", "before"))
            if index in self.after and index - 1 not in self.after:
                out.append(f"travis_fold:start:after_failure\r{ESC}[0K")
            if phase:
                out.append(
                    f"travis_fold:start:{fold}\r{ESC}[0K"
                    + f"travis_time:start:{timer}\r{ESC}[0K$ "
                    + step.command.splitlines()[0]
                )
            else:
                out.append(f"travis_time:start:{timer}\r{ESC}[0K$ " + step.command.splitlines()[0])
            out += [line for _, line in step.lines]
            finish = start + step.seconds
            out.append(
                f"\ntravis_time:end:{timer}:start={int(start * 1e9)},finish={int(finish * 1e9)},"
                f"duration={int(step.seconds * 1e9)},event={'checkout' if index == 0 else 'script'}"
                f"\r{ESC}[0K"
            )
            if phase:
                out.append(f"travis_fold:end:{fold}\r{ESC}[0K")
            if step.code != 0 and index not in self.after:
                verdict = 1
                out.append(f'{ESC}[31;1mThe command "{step.command.splitlines()[0]}" exited with {step.code}.{ESC}[0m')
            if index in self.after and index + 1 not in self.after:
                out.append(f"travis_fold:end:after_failure\r{ESC}[0K")
        return out + ["", "", f"Done. Your build exited with {verdict}."]

    def _jenkins(self) -> list[str]:
        out = [
            "Started by user CI Bot",
            "[Pipeline] Start of Pipeline",
            "[Pipeline] node",
            f"Running on built-in node in /var/lib/jenkins/workspace/{self.case}",
            "[Pipeline] {",
        ]
        skipped = dict(self.skipped)

        def stage(title: str, body: list[str]) -> None:
            out.extend(["[Pipeline] stage", f"[Pipeline] {{ ({title})", *body, "[Pipeline] }", "[Pipeline] // stage"])

        post: list[str] = []
        for index, step in enumerate(self.steps):
            body = ["[Pipeline] sh", *(f"+ {line}" for line in step.command.splitlines())]
            body += [line for _, line in step.lines]
            if index in self.after:
                post += body
            else:
                stage(step.title, body)
            if index + 1 in skipped:
                stage(skipped[index + 1], [f'Stage "{skipped[index + 1]}" skipped due to earlier failure(s)'])
        if post:
            stage("Declarative: Post Actions", post)
        out += ["[Pipeline] }", "[Pipeline] // node", "[Pipeline] End of Pipeline"]
        code = self.exit_code()
        return out + (
            [f"ERROR: script returned exit code {code}", "Finished: FAILURE"] if code else ["Finished: SUCCESS"]
        )
