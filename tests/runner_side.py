"""The runner's side, ported from actions/runner: how it reads workflow commands from a step's output and
the environment files, so tests check tokenopt's output the way the runner will read it."""
from __future__ import annotations

import re

RUNNER_LINES = re.compile(r"\r\n|\r|\n")


def unescape(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for escaped, plain in pairs:
        text = text.replace(escaped, plain)
    return text


DATA_PAIRS = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
PROPERTY_PAIRS = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def runner_command(line: str) -> tuple[str, dict[str, str], str] | None:
    """How the runner reads a ``::name props::data`` line (ActionCommand.TryParseV2)."""
    line = line.lstrip()
    end = line.find("::", 2)
    if not line.startswith("::") or end < 0:
        return None
    name, _, listed = line[2:end].partition(" ")
    properties = {}
    for pair in listed.strip().split(","):
        key, _, value = pair.partition("=")
        if key and value:
            properties[key] = unescape(value, PROPERTY_PAIRS)
    return name, properties, unescape(line[end + 2:], DATA_PAIRS)


def runner_env_file(text: str) -> dict[str, str]:
    """How the runner reads $GITHUB_OUTPUT on Linux: lines split on \\n only, NAME=VALUE or NAME<<DELIM."""
    lines, values, index = text.split("\n"), {}, 0
    while index < len(lines):
        line, index = lines[index], index + 1
        if not line:
            continue
        if "=" in line and ("<<" not in line or line.index("=") < line.index("<<")):
            name, _, values[name] = line.partition("=")
            continue
        name, _, delimiter = line.partition("<<")
        end = lines.index(delimiter, index)  # ValueError: "Matching delimiter not found"
        values[name], index = "\n".join(lines[index:end]), end + 1
    return values
