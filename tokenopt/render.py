"""The Jinja environment (StrictUndefined) and the filters that keep log text inert in Markdown."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from .budget import Item, Omitted, Tail
from .errors import UsageError
from .model import Line, Priority

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
DIGEST_TEMPLATES = {"text": "digest.txt.j2", "markdown": "digest.md.j2", "json": "digest.md.j2"}
SECTION_TITLES = {
    Priority.CRITICAL: "Failures and critical errors",
    Priority.HIGH: "Errors and results",
    Priority.MEDIUM: "Warnings",
    Priority.LOW: "Context",
    Priority.VERBOSE: "Debug",
}
_BACKTICKS = re.compile(r"`+")
_MENTION = re.compile(r"(?<![\w`])@(?=[A-Za-z0-9])")
_REFERENCE = re.compile(r"(?<![\w&#])#(?=\d)|(?<=\w)#(?=\d+\b)")  # #123 and owner/repo#123
_HTML = re.compile(r"[<>&]")


@dataclass(frozen=True)
class Facts:
    """What the digest says about the run besides its events."""

    headline: str
    sources: list[str]
    input_lines: int
    input_tokens: int
    input_tokens_exact: bool
    budget: int
    encoding: str
    counts_exact: bool
    profile: str
    notes: list[str]
    error_types: list[tuple[str, int]]  # the commonest types among failures and errors, with counts
    fixed: list[str] = field(default_factory=list)  # patterns of the last run that did not occur in this one


def fence(lines: list[str], info: str = "") -> str:
    """A fenced code block that no backtick run inside can close."""
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    marker = "`" * max(3, longest + 1)
    return "\n".join([marker + info, *lines, marker])


def inline_code(text: str) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def md_text(text: str) -> str:
    """Log text made inert for Markdown outside code: no raw HTML, no @mentions or #123 cross-references that
    would notify people or link issues, no images fetched from outside hosts, no table breaks."""
    text = _HTML.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}[m.group(0)], text)
    text = _MENTION.sub("@\u200b", text)
    text = _REFERENCE.sub("#\u200b", text)
    return text.replace("![", "!\\[").replace("|", "\\|")


def demote(markdown: str, levels: int = 3) -> str:
    """Headings ``levels`` deeper (never past six), outside code fences: a digest inside a summary or a
    comment must not shout over the page's own title."""
    lines, fence = [], ""
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if fence:
            fence = "" if stripped.startswith(fence) and not stripped.strip("`") else fence
        elif stripped.startswith("```"):
            fence = stripped[: len(stripped) - len(stripped.lstrip("`"))]
        elif line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            line = "#" * min(6, hashes + levels) + line[hashes:]
        lines.append(line)
    return "\n".join(lines)


def thousands(value: int | float) -> str:
    return f"{value:,}"


@lru_cache(maxsize=16)
def environment(user_dir: str = "") -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if user_dir:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
                             autoescape=False, keep_trailing_newline=False, trim_blocks=True,
                             lstrip_blocks=True)
    env.filters.update(fence=fence, code=inline_code, md=md_text, thousands=thousands, demote=demote)
    return env


def load_template(name_or_path: str, default: str) -> jinja2.Template:
    """The user's template file when given, else the bundled one named ``default``."""
    try:
        if name_or_path:
            path = Path(name_or_path)
            return environment(str(path.parent)).get_template(path.name)
        return environment().get_template(default)
    except jinja2.TemplateNotFound as error:
        raise UsageError(f"template '{error.name}' not found", "give the path of a Jinja template file") from None
    except jinja2.TemplateSyntaxError as error:
        raise UsageError(f"template {error.filename or error.name}:{error.lineno}: {error.message}",
                         "fix the Jinja syntax") from None


def digest_context(items: list[Item], omitted: dict[Priority, Omitted], facts: Facts, tails: list[Tail] | None = None,
                   whole: list[Line] | None = None) -> dict[str, Any]:
    """What the digest templates get: ``sections`` of kept items by priority, ``tails`` (the last lines of the
    failing steps: label, source, first_line, lines), ``whole`` (the log itself by source, when it fits)."""
    sections = []
    for priority, title in SECTION_TITLES.items():
        chosen = [item for item in items if item.pattern.priority == priority]
        if chosen:
            sections.append({"priority": priority.label, "title": title, "items": chosen})
    left_out = [{"priority": p.label, "patterns": o.patterns, "events": o.events, "trimmed": o.trimmed}
                for p, o in sorted(omitted.items(), reverse=True) if o.patterns or o.trimmed]
    shown_tails = [{"label": t.label, "source": t.source, "first_line": t.first_line, "lines": t.text}
                   for t in tails or [] if t.shown]
    by_source: dict[str, list[str]] = {}
    for line in whole or []:
        by_source.setdefault(line.source, []).append(line.text)
    return {"facts": facts, "sections": sections, "left_out": left_out, "tails": shown_tails,
            "whole": [{"source": source, "lines": lines} for source, lines in by_source.items()]}


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    try:
        return template.render(**context).strip() + "\n"
    except jinja2.UndefinedError as error:
        raise UsageError(f"template {template.name}: {error.message}", "use only the documented variables") from None
