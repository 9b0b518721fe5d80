"""Shared machinery of the corpus generators: copy a project, mutate it, run real tools as job steps,
write job.log / facts.json / cmd.txt, and check every fact string against the normalised log."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
PROJECTS = CORPUS / "projects"
CASES = Path(os.environ.get("CORPUS_CASES", CORPUS / "cases"))  # another folder for re-runs (bench/stability.py)
TOOLS = CORPUS / "tools"
WORK = Path(os.environ.get("CORPUS_WORK", "/tmp/ci-work"))
REPO_ROOT = CORPUS.parent.parent
GZIP_OVER = 300 * 1024
# CORPUS_PASSING=1: the passing twin of every case (same project, steps and tools, none of its bugs), for the
# passing-run baseline (bench/quality.py --passing): mutations are skipped, failing steps are not required to
# fail and the log is written without facts.
PASSING = os.environ.get("CORPUS_PASSING") == "1"



def _load_normalise():  # type: ignore[no-untyped-def]
    """tokenopt.reader.normalise (how tokenopt reads a line), loaded without the package's __init__
    so that a half-edited recognizer elsewhere in tokenopt cannot stop the corpus build."""
    import importlib
    import types

    package = types.ModuleType("_tokenopt_for_corpus")
    package.__path__ = [str(REPO_ROOT / "tokenopt")]  # type: ignore[attr-defined]
    sys.modules.setdefault("_tokenopt_for_corpus", package)
    return importlib.import_module("_tokenopt_for_corpus.reader").normalise


normalise = _load_normalise()


class CorpusError(Exception):
    """A generator could not build a faithful case: say which and why, loudly."""


def copy_project(ecosystem: str, project: str, case: str) -> Path:
    """A fresh copy of a clean project under the work dir, as a git repository (for a real checkout)."""
    dest = WORK / case / "origin" / project
    if dest.parent.exists():
        shutil.rmtree(dest.parent)
    shutil.copytree(PROJECTS / ecosystem / project, dest,
                    ignore=shutil.ignore_patterns("node_modules", "target", "__pycache__", ".pytest_cache",
                                                  "build", "*.class", ".mypy_cache", ".ruff_cache"))
    return dest


def commit(repo: Path, message: str) -> None:
    git = ["git", "-c", "user.name=CI Bot", "-c", "user.email=ci@example.invalid", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], cwd=repo, check=True)


def mutate(root: Path, path: str, old: str, new: str, count: int = 1) -> None:
    """Apply one named bug: replace `old` by `new` in a file; the original text must be there."""
    if PASSING:
        return
    file = root / path
    text = file.read_text()
    found = text.count(old)
    if found < count:
        raise CorpusError(f"mutation target not found in {path}: {old!r}")
    file.write_text(text.replace(old, new, count))


def runner_stamp() -> str:
    now = dt.datetime.now(dt.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond * 10:07d}Z "


@dataclass
class Step:
    title: str
    command: str
    lines: list[tuple[str, str]]  # (runner timestamp, raw line without newline)
    code: int
    seconds: float
    started: float = 0.0  # epoch seconds when the step began (CI framings print it)
    always: bool = False  # run after a failure (if: always(), after_script, post actions)


@dataclass
class Job:
    """One CI job: steps run for real, their merged stdout/stderr recorded line by line."""

    case: str
    runner: bool = False
    env: dict[str, str] = field(default_factory=dict)
    frame: str = ""  # a CI system's log framing from gen/ci_framing.py ("gitlab", "travis", ...)
    skipped: list[str] = field(default_factory=list)  # stages a CI shows as skipped after the failure
    steps: list[Step] = field(default_factory=list)
    failed: bool = False

    def run(self, title: str, command: str, cwd: Path, env: dict[str, str] | None = None,
            always: bool = False, expect_fail: bool | None = None, show: bool = True) -> Step:
        """Run `command` with bash in `cwd`; `always` runs it even after a failed step (if: always())."""
        if self.failed and not always:
            raise CorpusError(f"{self.case}: step {title!r} would be skipped after a failure")
        overrides = {**self.env, **(env or {})}
        full_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "CLICOLOR_FORCE")}
        full_env.update({"CI": "true", "TERM": "dumb", **overrides})
        start = time.monotonic()
        started = time.time()
        proc = subprocess.Popen(["bash", "-eo", "pipefail", "-c", command], cwd=cwd, env=full_env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        lines = []
        assert proc.stdout is not None
        for raw in proc.stdout:
            lines.append((runner_stamp(), raw.decode("utf-8", "replace").rstrip("\n")))
        code = proc.wait()
        step = Step(title, command, lines, code, time.monotonic() - start, started, always)
        if expect_fail is True and code == 0 and not PASSING:
            raise CorpusError(f"{self.case}: step {title!r} was expected to fail but passed:\n"
                              + "\n".join(line for _, line in lines[-30:]))
        if expect_fail is False and code != 0:
            raise CorpusError(f"{self.case}: step {title!r} failed unexpectedly ({code}):\n"
                              + "\n".join(line for _, line in lines[-30:]))
        if show:
            self.steps.append(step)
            if code != 0:
                self.failed = True
        return step

    def checkout(self, origin: Path, cwd: Path) -> Path:
        """A real clone of the mutated project, the way the job's first step gets its sources."""
        commit(origin, "Apply change under test")
        target = cwd / origin.name
        if target.exists():
            shutil.rmtree(target)
        self.run("Checkout", f"git clone --progress file://{origin} {origin.name} && "
                 f"git -C {origin.name} log -1 --format='HEAD is now at %h %s'", cwd)
        return target

    def text(self) -> str:
        if self.frame:
            from gen.ci_framing import FRAMES
            return FRAMES[self.frame](self)
        out: list[str] = []
        for step in self.steps:
            if self.runner:
                stamp = step.lines[0][0] if step.lines else runner_stamp()
                out.append(f"{stamp}##[group]Run {step.command.splitlines()[0]}")
                for command_line in step.command.splitlines():
                    out.append(f"{stamp}{command_line}")
                out.append(f"{stamp}shell: /usr/bin/bash -e {{0}}")
                out.append(f"{stamp}##[endgroup]")
                out.extend(f"{s}{line}" for s, line in step.lines)
                if step.code != 0:
                    last = step.lines[-1][0] if step.lines else stamp
                    out.append(f"{last}##[error]Process completed with exit code {step.code}.")
            else:
                out.append(f"$ {step.command}")
                out.extend(line for _, line in step.lines)
        return "\n".join(out) + "\n"


def tool_version(command: str) -> str:
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
    return (proc.stdout.strip() or proc.stderr.strip()).splitlines()[0] if (proc.stdout or proc.stderr) else ""


def fact(priority: str, kind: str, all_of: list[str], source: str) -> dict:
    return {"priority": priority, "kind": kind, "all_of": [s for s in all_of if s], "source": source}


def dedupe(facts: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for f in facts:
        key = (f["priority"], tuple(f["all_of"]))
        if key not in seen and f["all_of"]:
            seen.add(key)
            kept.append(f)
    return kept


def write_case(job: Job, ecosystem: str, tool: str, facts: list[dict], versions: list[str],
               notes: str = "") -> Path:
    """Write job.log(.gz), facts.json and cmd.txt; fail loudly when a fact string is not in the log."""
    text = job.text()
    if PASSING:
        return _write_log(CASES / job.case, text, job)
    normalised = "\n".join(normalise(line) for line in text.split("\n"))
    facts = dedupe(facts)
    missing = [(f, s) for f in facts for s in f["all_of"] if s not in normalised]
    if missing:
        report = "\n".join(f"  [{f['priority']}/{f['kind']}] {s!r} (from {f['source']})" for f, s in missing)
        raise CorpusError(f"{job.case}: fact strings not found verbatim in the normalised log:\n{report}")
    for f in facts:
        for s in f["all_of"]:
            if "\n" in s:
                raise CorpusError(f"{job.case}: fact string spans lines: {s!r}")
    if not any(f["priority"] == "critical" for f in facts):
        raise CorpusError(f"{job.case}: no critical fact")
    folder = _write_log(CASES / job.case, text, job)
    data = text.encode()
    (folder / "facts.json").write_text(json.dumps(
        {"case": job.case, "ecosystem": ecosystem, "tool": tool, "facts": facts}, indent=2) + "\n")
    cmd = [f"# {job.case}: commands as run (cwd shown), then the tool versions", ""]
    for step in job.steps:
        cmd.append(f"# step: {step.title} (exit {step.code}, {step.seconds:.1f}s)")
        cmd.append(step.command)
    cmd += ["", "# versions"] + [v for v in versions if v]
    if notes:
        cmd += ["", "# notes", notes]
    (folder / "cmd.txt").write_text("\n".join(cmd) + "\n")
    size = len(data)
    counts = ", ".join(f"{p} {sum(f['priority'] == p for f in facts)}" for p in ("critical", "high", "medium", "low"))
    print(f"  {job.case}: {len(text.splitlines()):,} lines, {size / 1024:,.0f} KB, {len(facts)} facts ({counts})")
    return folder


def _write_log(folder: Path, text: str, job: Job) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    data = text.encode()
    if len(data) > GZIP_OVER:
        with gzip.GzipFile(folder / "job.log.gz", "wb", mtime=0) as handle:
            handle.write(data)
    else:
        (folder / "job.log").write_bytes(data)
    if PASSING:
        print(f"  {job.case} (passing twin): {len(text.splitlines()):,} lines, {len(data) / 1024:,.0f} KB"
              + (", but a step failed" if job.failed else ""))
    return folder


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def in_log(job: Job, s: str) -> bool:
    return s in "\n".join(normalise(line) for line in job.text().split("\n"))


def capture(command: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Standard output of a structured (second) run of a tool; not part of the job log."""
    full_env = {**os.environ, "CI": "true", **(env or {})}
    proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=full_env, capture_output=True, text=True)
    return proc.stdout


@dataclass
class JUnitCase:
    """One <testcase> of a JUnit XML report, whatever tool wrote it."""

    suite: str
    classname: str
    name: str
    file: str
    line: str
    outcome: str  # "passed", "failure", "error", "skipped"
    message: str
    type: str
    text: str
    out: str


def junit_cases(*paths: Path) -> list[JUnitCase]:
    """Every testcase of JUnit XML files (phpunit --log-junit, surefire, gradle, ct/eunit surefire,
    karma-junit-reporter, ctest --output-junit), nested <testsuite>s included."""
    import xml.etree.ElementTree as ET

    found = []
    for path in paths:
        root = ET.parse(path).getroot()
        for suite in root.iter("testsuite"):
            for case in suite.findall("testcase"):
                outcome, problem = "passed", None
                for tag in ("failure", "error", "skipped"):
                    problem = case.find(tag)
                    if problem is not None:
                        outcome = tag
                        break
                found.append(JUnitCase(
                    suite.get("name", ""), case.get("class") or case.get("classname", ""), case.get("name", ""),
                    case.get("file", ""), case.get("line", ""), outcome,
                    (problem.get("message", "") if problem is not None else ""),
                    (problem.get("type", "") if problem is not None else ""),
                    ((problem.text or "") if problem is not None else ""),
                    case.findtext("system-out") or ""))
    return found


def run_only(namespace: dict) -> bool:
    """``CORPUS_ONLY=case_fn,...`` runs just those generator functions of a module; True when it did."""
    only = os.environ.get("CORPUS_ONLY")
    for name in only.split(",") if only else ():
        namespace[name]()
    return bool(only)
