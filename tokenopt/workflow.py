"""Workflow commands and the runner's environment files: how tokenopt talks to the runner through stdout,
``$GITHUB_OUTPUT`` and ``$GITHUB_STEP_SUMMARY`` without ever letting log text run a command.

The runner executes ``::command`` at a line start and ``##[command]`` anywhere in a line, on stdout and
stderr: every line tokenopt prints goes through ``safe_line`` or is built by ``command``. Nothing here
reads the environment: callers pass the file paths.
"""
from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Mapping
from functools import partial
from typing import Any

from .errors import GitHubError

SUMMARY_LIMIT_BYTES = 1_048_576  # per step; a larger summary is dropped whole by the runner
_INERT = "\u200b"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the runner's line reader splits on all three
_LEADING_BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\u180e\ufeff\u200b"
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_PROPERTY_NAMES = {"end_line": "endLine", "end_column": "endColumn"}


# --- workflow commands -------------------------------------------------------------------------------------

def escape_data(text: str) -> str:
    """A command's message, escaped so the runner reads back exactly ``text``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command property: ``:`` would end the command and ``,`` the property, so both are escaped too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str = "", **properties: object) -> str:
    """One workflow command line, e.g. ``command("error", msg, file="a.py", line=3, title="x")``.

    Properties that are None or empty are left out; ``end_line``/``end_column`` may be spelled the runner's
    way (``endLine``) or Python's. Raises ValueError for a command or property name the runner cannot parse.
    """
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a workflow command name: {name!r}")
    pairs = []
    for key, value in properties.items():
        if not _NAME.fullmatch(key):
            raise ValueError(f"not a workflow command property: {key!r}")
        if value is not None and str(value) != "":
            pairs.append(f"{_PROPERTY_NAMES.get(key, key)}={escape_property(str(value))}")
    head = f"{name} {','.join(pairs)}" if pairs else name
    return f"::{head}::{escape_data(message)}"


# Annotations take file, line, col, end_line, end_column and title: error("msg", file="a.py", line=3).
error = partial(command, "error")
warning = partial(command, "warning")
notice = partial(command, "notice")
group = partial(command, "group")
endgroup = partial(command, "endgroup")


def add_mask(secret: str) -> str:
    """Lines that mask ``secret``; the runner masks line by line, so each line of a multi-line one is added."""
    return "\n".join(command("add-mask", part) for part in _LINE_BREAK.split(secret) if part.strip())


def safe_line(text: str) -> str:
    """Any text made safe to print: no line the runner would run as ``::command`` nor ``##[command]``; every
    line break becomes ``\\n``. It reads the same to a person."""
    text = text.replace("##[", f"#{_INERT}#[")
    return "\n".join(_defuse(line) for line in _LINE_BREAK.split(text))


def _defuse(line: str) -> str:
    body = line.lstrip(_LEADING_BLANKS)
    if not body.startswith("::"):
        return line
    cut = len(line) - len(body) + 1
    return line[:cut] + _INERT + line[cut:]


def stop_token(text: str = "") -> str:
    """A random token for ``::stop-commands::`` that ``text`` does not contain in any letter case."""
    folded = text.lower()
    while True:
        token = secrets.token_hex(16)
        if token not in folded:
            return token


def verbatim_block(text: str) -> str:
    """``text`` between ``::stop-commands::`` and its resume line: shown as is, no command in it runs."""
    token = stop_token(text)
    return f"::stop-commands::{token}\n{text}\n::{token}::"


# --- environment files ----------------------------------------------------------------------------------------

def heredoc_delimiter(value: str) -> str:
    """A random delimiter that occurs nowhere in ``value``, so no line of it can end the value early."""
    while True:
        delimiter = f"ghadelimiter_{secrets.token_hex(16)}"
        if delimiter not in value:
            return delimiter


def write_outputs(path: str | os.PathLike[str], values: Mapping[str, object]) -> None:
    """Append ``values`` to an environment file ($GITHUB_OUTPUT, $GITHUB_ENV), each as a ``name<<DELIM`` block
    with its own random delimiter. Raises ValueError for a name the runner would misread."""
    blocks = []
    for name, raw in values.items():
        value = str(raw)
        if not name or any(bad in name for bad in ("=", "<<", "\n", "\r")):
            raise ValueError(f"not a valid output name: {name!r}")
        delimiter = heredoc_delimiter(value)
        blocks.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    # newline="" keeps a \r inside a value: the runner splits this file on \n only.
    with open(path, "a", encoding="utf-8", newline="") as stream:
        stream.write("".join(blocks))


def append_summary(path: str | os.PathLike[str], markdown: str) -> None:
    """Append Markdown to $GITHUB_STEP_SUMMARY; raises GitHubError instead of passing the 1 MiB step limit."""
    text = markdown if markdown.endswith("\n") else markdown + "\n"
    existing = os.path.getsize(path) if os.path.exists(path) else 0
    size = existing + len(text.encode("utf-8"))
    if size > SUMMARY_LIMIT_BYTES:
        raise GitHubError(f"the job summary would be {size:,} bytes, over GitHub's {SUMMARY_LIMIT_BYTES:,} per step",
                          "shorten it: GitHub drops a larger summary whole")
    with open(path, "a", encoding="utf-8", newline="") as stream:
        stream.write(text)


# --- the event payload ----------------------------------------------------------------------------------------

def pull_request_number(event_path: str | os.PathLike[str] | None) -> int | None:
    """The PR of this run from the event payload ($GITHUB_EVENT_PATH): ``pull_request.number`` (also for
    pull_request_target), ``workflow_run.pull_requests[0]`` (empty for a fork's PR: pass the number with the
    artifacts), ``issue.number`` (issue_comment). An unreadable file is "no PR": the comment is optional."""
    if not event_path:
        return None
    try:
        with open(event_path, encoding="utf-8") as stream:
            event = json.load(stream)
    except (OSError, ValueError):
        return None
    if not isinstance(event, dict):
        return None
    runs = _dig(event, "workflow_run", "pull_requests")
    for candidate in (_dig(event, "pull_request", "number"),
                      _dig(runs[0], "number") if isinstance(runs, list) and runs else None,
                      _dig(event, "issue", "number")):
        if isinstance(candidate, int) and not isinstance(candidate, bool) and candidate > 0:
            return candidate
    return None


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data
