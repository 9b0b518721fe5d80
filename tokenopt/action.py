"""The GitHub Action: INPUT_* → Settings; run the pipeline; write the job summary, outputs, annotations and
the PR comment; exit 1 when ``fail-on`` is met, after everything else was written.

Nothing here prints log text raw: every line to stdout goes through ``github``'s escaping, because the
runner executes workflow commands found in a step's output.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import github, matrix, workflow
from .errors import EncodingUnavailableError, NoInputError, TokenoptError, UsageError
from .locations import go_file, go_packages, repository_path
from .model import Priority
from .optimizer import EnhancedTokenOptimizer, Result
from .origins import run_url
from .output import summary_json
from .reports import Report
from .runs import Access
from .settings import Settings
from .tokens import KNOWN_ENCODINGS, load_counter

# Inputs that are Settings, by the Settings field they set; the rest are the action's own options.
SETTING_INPUTS = {
    "log-files": "log_file", "run-id": "run", "repository": "repository", "jobs": "jobs",
    "token-budget": "budget", "reserve-percentage": "reserve_percentage", "profile": "profile", "encoding": "encoding",
    "fail-on": "fail_on", "ignore-flaky": "ignore_flaky", "job-status": "outcome", "index-path": "index",
    "digest-path": "out",
}
CHOICES = {
    "mode": ("digest", "collect", "merge"), "if-no-files-found": ("warn", "error", "ignore"),
    "summary": ("always", "on-failure", "off"),
    "annotations": ("true", "false"), "comment": ("off", "always", "on-failure", "on-change"),
}
OPTION_INPUTS = (*CHOICES, "comment-title", "pull-request", "github-token", "template", "job-key", "matrix",
                 "collect-dir")
DEFAULTS = {"mode": "digest", "collect-dir": "tokenopt-collected",
            "jobs": "failed", "fail-on": "critical", "digest-path": "tokenopt-digest.md", "if-no-files-found": "warn",
            "summary": "always", "annotations": "true", "comment": "off", "comment-title": "CI log digest"}
OUTPUTS = ("digest-path", "json-path", "tokens", "input-tokens", "compression-ratio", "critical-count", "new-count",
           "regression-count", "flaky-count", "fixed-count", "conclusion")
ANNOTATIONS_PER_KIND = 10


@dataclass(frozen=True)
class Options:
    """The action's own inputs: where results go, not how the digest is made."""

    if_no_files_found: str = "warn"
    summary: str = "always"
    annotations: bool = True
    comment: str = "off"
    comment_title: str = "CI log digest"
    pull_request: int | None = None
    github_token: str = ""
    template: str = ""
    mode: str = "digest"
    collect_dir: str = "tokenopt-collected"
    job_name: str = ""  # how a collected job is named in the merged digest


def read_inputs(environ: Mapping[str, str]) -> tuple[Settings, Options]:
    """Inputs as the runner passes them to a Docker action: ``INPUT_`` + the id upper-cased, hyphens kept."""
    raw = {name: environ.get(f"INPUT_{name.upper()}", "").strip() or DEFAULTS.get(name, "")
           for name in (*SETTING_INPUTS, *OPTION_INPUTS)}
    if "INPUT_INDEX-PATH" in environ and not environ["INPUT_INDEX-PATH"].strip():
        raw["index-path"] = ""
    if not raw["log-files"] and not raw["run-id"] and raw["mode"].lower() != "merge":
        raise UsageError("neither log-files nor run-id is set",
                         "set log-files to the logs to digest, or run-id to a workflow run whose job logs to read")
    raw["repository"] = raw["repository"] or environ.get("GITHUB_REPOSITORY", "")
    values: dict[str, Any] = {name: raw[name] for name in SETTING_INPUTS if raw[name]}
    values["format"] = "markdown"
    if "INPUT_INDEX-PATH" in environ and not raw["index-path"]:
        values["index-path"] = ""  # the runner passes declared defaults, so an empty value was asked for
    # The image bakes the encodings in; the runner's environment says where.
    values["encoding_dir"] = [environ[n] for n in ("TOKENOPT_ENCODINGS_DIR", "TIKTOKEN_CACHE_DIR") if environ.get(n)]
    values["job"] = job_of(environ, raw["job-key"], raw["matrix"])
    values["commit"] = environ.get("GITHUB_SHA", "")
    settings = Settings.from_mapping(values, origin="input {name}", aliases=SETTING_INPUTS)
    _check_encoding(settings)
    for name, accepted in CHOICES.items():
        if raw[name].lower() not in accepted:
            raise UsageError(f"input {name}={raw[name]!r} is not accepted", f"use one of: {', '.join(accepted)}")
    pull_request = raw["pull-request"].lstrip("#")
    if pull_request and not pull_request.isdigit():
        raise UsageError(f"input pull-request={raw['pull-request']!r} is not a number", "give the PR number, e.g. 42")
    options = Options(raw["if-no-files-found"].lower(), raw["summary"].lower(), raw["annotations"].lower() == "true",
                      raw["comment"].lower(), raw["comment-title"], int(pull_request) if pull_request else None,
                      raw["github-token"], raw["template"], raw["mode"].lower(), raw["collect-dir"],
                      job_name(environ, raw["job-key"], raw["matrix"]))
    return settings, options


def job_of(environ: Mapping[str, str], job_key: str, matrix: str) -> str:
    """The job a run's history belongs to: the workflow and job, and the matrix values (``job-key``, else a hash
    of ``matrix: ${{ toJSON(matrix) }}``), so each leg of a matrix compares only with itself."""
    legs = job_key or (hashlib.sha1(" ".join(matrix.split()).encode()).hexdigest()[:10] if matrix.strip() else "")
    return "/".join(part for part in (environ.get("GITHUB_WORKFLOW", ""), environ.get("GITHUB_JOB", ""), legs) if part)


def job_name(environ: Mapping[str, str], job_key: str, matrix: str) -> str:
    """A matrix job's name as GitHub shows it, ``test (3.12, ubuntu-latest)``: the job id and the matrix values
    (or ``job-key``)."""
    job = environ.get("GITHUB_JOB", "") or "job"
    if job_key:
        return f"{job} ({job_key})"
    try:
        values = json.loads(matrix) if matrix.strip() else None
    except ValueError:
        values = None
    if isinstance(values, dict) and values:
        return f"{job} ({', '.join(str(value) for value in values.values())})"
    return job


def _check_encoding(settings: Settings) -> None:
    """Refuse an encoding this action cannot count with now, before any log is read or downloaded."""
    if settings.encoding not in KNOWN_ENCODINGS:
        raise UsageError(f"input encoding={settings.encoding!r} is not accepted",
                         f"use one of: {', '.join(KNOWN_ENCODINGS)}")
    try:
        load_counter(settings.encoding, settings.encoding_dir)
    except EncodingUnavailableError:
        raise UsageError(f"input encoding={settings.encoding!r}: this copy of the action has no verified "
                         f"{settings.encoding} tokenizer file (an image built without network, or a runner that "
                         "could not download it)", "use encoding: cl100k_base, which every copy carries, or the "
                         "published image, which carries both") from None


def run(environ: Mapping[str, str]) -> int:
    """The whole step; the one error boundary of the action."""
    try:
        settings, options = read_inputs(environ)
        workspace = environ.get("GITHUB_WORKSPACE")
        if workspace and Path(workspace).is_dir():
            os.chdir(workspace)
        return _run(settings, options, environ)
    except TokenoptError as error:
        print(workflow.command("error", error.one_line(), title="tokenopt"))
        return error.exit_code
    except Exception as error:  # never a traceback in the job log: one line, and the fix
        print(workflow.command("error", f"internal error: {type(error).__name__}: {error} — please report it",
                             title="tokenopt"))
        return 3


def _run(settings: Settings, options: Options, environ: Mapping[str, str]) -> int:
    try:
        access = Access(options.github_token, environ.get("GITHUB_SERVER_URL") or "https://github.com",
                        environ.get("GITHUB_API_URL", ""))
        here = run_url(access.server_url, environ.get("GITHUB_REPOSITORY", ""), environ.get("GITHUB_RUN_ID", ""))
        if options.mode == "merge":
            result = matrix.merge(settings, [options.collect_dir])
        else:
            result = EnhancedTokenOptimizer(settings=settings).run(access=access, run_page=here)
        if options.mode == "collect":
            matrix.collect(result, options.collect_dir, options.job_name)
    except NoInputError as error:
        return _no_logs(error, options, environ)
    report = Report(result, options.comment_title, os.getcwd())
    for warning in result.warnings:  # an index that could not be used: the run's own outputs still follow
        print(workflow.command("warning", warning, title="tokenopt: state file not used"))
    json_path = _write_json(Path(settings.out).with_suffix(".json"), result)
    failed = result.fails(settings.fail_on, settings.ignore_flaky)
    if result.collected.nothing_read:
        print(workflow.command("error" if failed else "warning", f"nothing could be read from the inputs: "
                               f"{'; '.join(result.collected.notes)[:2000]}", title="tokenopt: nothing readable"))
    if options.summary == "always" or (options.summary == "on-failure" and failed):
        _write_summary(report, options, environ)
    if options.annotations:
        for line in annotation_commands(result):
            print(line)
    _write_outputs(environ, {
        "digest-path": settings.out, "json-path": json_path, "tokens": str(result.fitted.tokens),
        "input-tokens": str(result.collected.input_tokens), "compression-ratio": f"{result.compression_ratio:.6f}",
        "critical-count": str(report.critical_count),
        **{f"{name}-count": str(count) for name, count in result.memory.counts().items()},
        "conclusion": "unreadable" if result.collected.nothing_read else "failure" if failed else "success",
    })
    _comment(report, options, environ, failed)
    print(workflow.safe_line(f"tokenopt: {report.headline} — digest {result.fitted.tokens:,} tokens "
                           f"(budget {settings.budget:,}) in {settings.out}"))
    return 1 if failed else 0


def _write_json(path: Path, result: Result) -> str:
    """The JSON summary beside the digest; one that cannot be written is a warning, and no json-path output."""
    try:
        path.write_text(summary_json(result), encoding="utf-8")
    except OSError as error:
        print(workflow.command("warning", f"{path}: cannot write the JSON summary ({error.strerror})",
                               title="tokenopt: JSON summary not written"))
        return ""
    return str(path)


def _no_logs(error: NoInputError, options: Options, environ: Mapping[str, str]) -> int:
    if options.if_no_files_found == "error":
        print(workflow.command("error", error.one_line(), title="tokenopt: no log files"))
    elif options.if_no_files_found == "warn":
        print(workflow.command("warning", error.one_line(), title="tokenopt: no log files"))
    _write_outputs(environ, {"conclusion": "no-logs", "critical-count": "0", "new-count": "0", "regression-count": "0",
                             "flaky-count": "0", "fixed-count": "0"})
    return 1 if options.if_no_files_found == "error" else 0


def _write_summary(report: Report, options: Options, environ: Mapping[str, str]) -> None:
    path = environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    workflow.append_summary(path, report.summary(options.template))


def _write_outputs(environ: Mapping[str, str], outputs: dict[str, str]) -> None:
    path = environ.get("GITHUB_OUTPUT")
    if path:
        workflow.write_outputs(path, outputs)


def annotation_commands(result: Result) -> list[str]:
    """Workflow commands for failure locations: the most important first, at most ten of each kind."""
    lines: list[str] = []
    counts = {"error": 0, "warning": 0}
    packages = go_packages((source, seen.line, p.event.message) for p in result.collected.patterns
                           for source, seen in p.sources.items())
    for item in sorted(result.fitted.items, key=lambda i: (-i.pattern.priority, not i.pattern.new, i.pattern.order)):
        event = item.pattern.event
        kind = "error" if event.priority >= Priority.HIGH else "warning" if event.priority == Priority.MEDIUM else ""
        if not kind or not event.location or counts[kind] >= ANNOTATIONS_PER_KIND:
            continue
        path, line, column = _split_location(event.location)
        if path.endswith(".go") and "/" not in path:  # go names a test's file bare: in its package's folder
            package = next((name for at, name in packages.get(event.source, []) if at > event.line), "")
            path = go_file(path, package, os.path.exists) if package else path
        counts[kind] += 1
        lines.append(workflow.command(kind, workflow.safe_line(event.message), file=path, line=line, col=column,
                                    title=f"{event.kind.replace('_', ' ')}"))
    return lines


def _split_location(location: str) -> tuple[str, str, str]:
    """``path:line[:col]``, the path relative to the workspace (the working directory): GitHub places
    annotations by repository path."""
    parts = location.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        path, line, column = parts
    else:
        path, _, line = location.rpartition(":")
        column = ""
    path = repository_path(path, os.getcwd())  # the workspace, or a hosted runner's checkout seen from a container
    if os.path.isabs(path):  # outside the repository (a temp dir, the toolchain): GitHub cannot anchor it
        return "", "", ""
    return path, line, column


def _comment(report: Report, options: Options, environ: Mapping[str, str], failed: bool) -> None:
    """Post or update the sticky comment; any GitHub failure is a warning, never the build's failure."""
    if options.comment == "off" or (options.comment == "on-failure" and not failed):
        return
    number = options.pull_request or workflow.pull_request_number(environ.get("GITHUB_EVENT_PATH", ""))
    if number is None:
        print(workflow.command("notice", "no pull request for this run: comment skipped (set input pull-request)"))
        return
    client = github.GitHubClient(options.github_token, environ.get("GITHUB_API_URL", "https://api.github.com"),
                                 environ.get("GITHUB_REPOSITORY", ""))
    try:
        if options.comment == "on-change" and not client.comment_changed(number, options.comment_title,
                                                                         report.fingerprint):
            return
        client.upsert_comment(number, report.comment(), options.comment_title, fingerprint=report.fingerprint)
    except github.GitHubError as error:
        print(workflow.command("warning", error.one_line(), title="tokenopt: PR comment not written"))

