"""One frozen Settings, built and validated from plain strings (argv, INPUT_*, a saved YAML config)."""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from .errors import UsageError
from .formats.families import FAMILIES
from .runs import JOBS, parse_target

DEFAULT_BUDGET = 76_659
PROFILES = ("auto", "test_logs", "error_logs", "info_logs")
FORMATS = ("text", "markdown", "json")
FAIL_ON = ("critical", "high", "new", "regression", "never")
PASSED, FAILED = ("passed", "success"), ("failed", "failure", "cancelled")  # ours, then GitHub's job.status
OUTCOMES = ("auto", *PASSED, *FAILED)
RECOGNIZERS = ("all", *(family.name for family in FAMILIES))
# A line is held in memory whole (bytes, then text) before it is clipped: above this, one line could take
# gigabytes (--max-line-bytes 1e9 took 10.4 GB).
MAX_LINE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Every option of a run. Field names are the CLI flags with ``-`` turned into ``_``."""

    log_file: tuple[str, ...] = ()
    budget: int = DEFAULT_BUDGET
    reserve_percentage: float = 10.0
    encoding: str = "cl100k_base"
    encoding_dir: tuple[str, ...] = ()
    allow_estimate: bool = False
    profile: str = "auto"
    chunk_size: int = 0  # 0 means "auto": tuned by input size
    max_line_bytes: int = 65_536
    out: str = ""
    log_dir: str = "logs"
    max_log_size_mb: float = 5.0
    max_logs: int = 10
    format: str = "text"
    template: str = ""
    fail_on: str = "never"
    config_dir: str = ".tokenopt/configs"
    track_usage: bool = False
    usage_file: str = ".tokenopt/usage.jsonl"
    compare_original: bool = False
    store_memory: bool = False
    index: str = ".tokenopt/index.json"  # "" (--index '') remembers nothing across runs
    memory_file: str = ""  # also write the summaries as an MCP memory-server knowledge graph (JSON lines)
    index_max_patterns: int = 5_000
    no_recognizer: tuple[str, ...] = ()  # recognizer families switched off ("all": the generic finder alone)
    workers: int = 0  # processes reading inputs in parallel; 0: one per core when the inputs are large
    job: str = ""  # the job a run belongs to, for its history ("" : a key of the inputs)
    commit: str = ""  # the commit the run built (a failure and a pass on one commit is flaky)
    ignore_flaky: bool = False  # flaky failures do not meet --fail-on
    # whether the job passed, for what its passing runs teach: auto (no failure or failing step in the log), or
    # what CI says (passed/failed, or GitHub's job.status: success, failure, cancelled)
    outcome: str = "auto"
    run: str = ""  # a workflow run (or job) to read the logs of: its URL, or its id in ``repository``
    repository: str = ""  # owner/name of the run given by id
    jobs: str = "failed"  # which of the run's jobs: failed or all

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], origin: str = "option",
                     aliases: Mapping[str, str] | None = None) -> "Settings":
        """Build Settings from plain values (strings or already-typed), naming ``origin`` in errors.

        ``aliases`` maps the caller's names to fields (the action's ``token-budget`` is ``budget``), so
        errors name what the user wrote."""
        known = {f.name for f in fields(cls)}
        aliases = aliases or {}
        kwargs: dict[str, Any] = {}
        for name, raw in values.items():
            key = aliases.get(name, name).replace("-", "_")
            if key not in known:
                raise UsageError(f"unknown {label(origin, name)}", f"use one of: {', '.join(sorted(known))}")
            kwargs[key] = _PARSERS.get(key, _text)(raw, name, origin)
        settings = cls(**kwargs)
        settings.validate(origin, {field.replace("_", "-"): name for name, field in aliases.items()})
        return settings

    def merged(self, overrides: Mapping[str, Any], origin: str = "option") -> "Settings":
        """A copy with ``overrides`` applied on top (later sources win)."""
        base = asdict(self)
        base.update({k.replace("-", "_"): v for k, v in overrides.items()})
        return Settings.from_mapping(base, origin)

    def to_mapping(self) -> dict[str, Any]:
        """Plain YAML/JSON-friendly values; ``from_mapping(to_mapping())`` is the identity."""
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        return data

    def validate(self, origin: str = "option", names: Mapping[str, str] | None = None) -> None:
        names = names or {}
        _choice(self.profile, PROFILES, names.get("profile", "profile"), origin)
        _choice(self.format, FORMATS, names.get("format", "format"), origin)
        _choice(self.fail_on, FAIL_ON, names.get("fail-on", "fail-on"), origin)
        _choice(self.outcome, OUTCOMES, names.get("outcome", "outcome"), origin)
        if (self.store_memory or self.memory_file) and not self.index:
            raise UsageError(f"{label(origin, names.get('store-memory', 'store-memory'))} needs an index, and "
                             f"{label(origin, names.get('index', 'index'))} is empty",
                             "give an index path (the memory is kept in it), or leave out --store-memory")
        for family in self.no_recognizer:
            _choice(family, RECOGNIZERS, names.get("no-recognizer", "no-recognizer"), origin)
        _choice(self.jobs, JOBS, names.get("jobs", "jobs"), origin)
        if self.run:  # a malformed run is refused here, before any file is read or any request made
            parse_target(self.run, self.repository, name=label(origin, names.get("run", "run")),
                         repository_name=label(origin, names.get("repository", "repository")))
        ranges = (
            ("budget", self.budget, 1 <= self.budget <= 10_000_000, "a whole number from 1 to 10000000"),
            ("reserve-percentage", self.reserve_percentage, 0 <= self.reserve_percentage <= 100, "0 to 100"),
            ("chunk-size", self.chunk_size, self.chunk_size >= 0, "a positive number, or auto"),
            ("max-line-bytes", self.max_line_bytes, 256 <= self.max_line_bytes <= MAX_LINE_BYTES,
             f"256 to {MAX_LINE_BYTES}"),
            ("max-logs", self.max_logs, self.max_logs >= 1, "1 or more"),
            ("max-log-size-mb", self.max_log_size_mb, self.max_log_size_mb > 0, "more than 0"),
            ("index-max-patterns", self.index_max_patterns, self.index_max_patterns >= 1, "1 or more"),
            ("workers", self.workers, 0 <= self.workers <= 256, "0 (one per core) to 256"),
        )
        for name, value, ok, expected in ranges:
            if not ok:
                raise UsageError(f"{label(origin, names.get(name, name))}={value} is out of range", f"give {expected}")


def label(origin: str, name: str) -> str:
    """How an error names a setting: ``--budget`` on the command line, ``input token-budget`` in the action."""
    name = name.replace("_", "-")
    return origin.format(name=name) if "{name}" in origin else f"{origin} {name}"


def _choice(value: str, allowed: tuple[str, ...], name: str, origin: str) -> None:
    if value not in allowed:
        raise UsageError(f"{label(origin, name)}='{value}' is not accepted", f"use one of: {', '.join(allowed)}")


def _invalid(raw: Any, name: str, origin: str, expected: str) -> UsageError:
    return UsageError(f"{label(origin, name)}={raw!r} is not {expected}", f"give {label(origin, name)} as {expected}")


def _text(raw: Any, name: str, origin: str) -> str:
    return "" if raw is None else str(raw)


def _integer(raw: Any, name: str, origin: str) -> int:
    if isinstance(raw, bool):
        raise _invalid(raw, name, origin, "a whole number")
    if name.replace("-", "_") == "chunk_size" and str(raw).strip().lower() in ("auto", ""):
        return 0
    try:
        return int(str(raw).strip().replace(",", "").replace("_", ""))
    except ValueError:
        raise _invalid(raw, name, origin, "a whole number") from None


def _number(raw: Any, name: str, origin: str) -> float:
    try:
        value = float(str(raw).strip().rstrip("%"))
    except ValueError:
        raise _invalid(raw, name, origin, "a number") from None
    if not math.isfinite(value):  # inf passes "more than 0" and then breaks int(); nan passes nothing
        raise _invalid(raw, name, origin, "a finite number")
    return value


def _flag(raw: Any, name: str, origin: str) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off", ""):
        return False
    raise _invalid(raw, name, origin, "true or false")


def _strings(raw: Any, name: str, origin: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        items = raw.splitlines()
    elif isinstance(raw, (list, tuple)):
        items = [str(item) for item in raw]
    else:
        raise _invalid(raw, name, origin, "a list")
    return tuple(item.strip() for item in items if item.strip())


_PARSERS: dict[str, Callable[[Any, str, str], Any]] = {
    "log_file": _strings,
    "encoding_dir": _strings,
    "no_recognizer": _strings,
    "budget": _integer,
    "chunk_size": _integer,
    "workers": _integer,
    "max_logs": _integer,
    "index_max_patterns": _integer,
    "max_line_bytes": _integer,
    "reserve_percentage": _number,
    "max_log_size_mb": _number,
    "allow_estimate": _flag,
    "track_usage": _flag,
    "compare_original": _flag,
    "store_memory": _flag,
    "ignore_flaky": _flag,
}
