"""The Jinja environment (StrictUndefined) and the filters that keep log text inert in Markdown.

Log text goes into Markdown only inside code: ``code`` (one line, an inline span), ``cell`` (a span in a
table cell) and ``fence`` (lines, a fenced block). Inside code nothing is live and every character is the
log's own, so the Markdown digest quotes the log exactly. ``md`` escapes text that is not log text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from .budget import Item, Omitted, Tail
from .errors import UsageError
from .locations import repository_path
from .model import Line, Link, Pattern, Priority

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
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # CommonMark's line endings: a bare \r ends a line too
LINE_MARK = "\u23ce"  # ⏎ where one-line text had a line break
_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|~$&:@]")
_LINKED_LATER = re.compile(r"(?<=[@#:])(?=\w)|(?<=\bGH-)(?=\d)", re.IGNORECASE)  # mentions, #1, GH-1, :emoji:
_WORD_JOINER = "\u2060"


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
    labels: dict[str, str] = field(default_factory=dict)  # each input's job, as the digest names it
    compact: bool = False  # a budget too small for the figures and the types: the headline, then the failures


def code(text: str) -> str:
    """One-line log text as an inline code span, in its own characters: no Markdown, HTML, mention or
    reference inside a span is live. The delimiter is longer than any backtick run inside; a space pads
    text that starts or ends with a backtick, or with a space at both ends (CommonMark strips one pair).
    A line break cannot stay (the next line could start a heading or a fence): it shows as ⏎."""
    text = LINE_BREAK.sub(LINE_MARK, str(text))
    if not text:
        return ""
    ticks = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = text[0] == "`" or text[-1] == "`" or (text[0] == text[-1] == " " and text.strip(" ") != "")
    pad = " " if padded else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def cell(text: str) -> str:
    """A code span inside a GFM table cell: the table splits cells at every unescaped ``|`` before it reads
    code spans, and turns each ``\\|`` back into ``|`` inside them, so the reader sees the text unchanged."""
    return code(text).replace("|", "\\|")


def lines(text: str) -> list[str]:
    """Text split where CommonMark sees line breaks."""
    return LINE_BREAK.split(str(text))


def fence(text: str | list[str], indent: int = 0) -> str:
    """Multi-line log text as a fenced code block, each line ``indent`` spaces in (inside a list item). The
    fence is of backticks, longer than any backtick run inside, so no line of the text can close it; a
    tilde line cannot close a backtick fence either."""
    rows = [row for line in ([text] if isinstance(text, str) else text) for row in lines(line)]
    marker = "`" * max(3, max((len(run) for row in rows for run in _BACKTICKS.findall(row)), default=0) + 1)
    margin = " " * indent
    return "\n".join(margin + row if row else row for row in [marker, *rows, marker])


def history(text: str, short: bool = False, in_table: bool = False) -> str:
    """A pattern's history ("seen in 7 of the last 10 runs since 2026-11-01") as Markdown: our own words as
    text, the date from the index (which a restored cache can hand back edited) quoted like log text.
    ``short``: "7/10 runs since …", for a table column."""
    seen, _, since = str(text).partition(" since ")
    if short:
        seen = seen.replace("seen in ", "").replace(" of the last ", "/")
    return md(seen) + (f" since {(cell if in_table else code)(since)}" if since else "")


def md(text: str) -> str:
    """Text that is not log text (a comment title from the workflow, our own headline) as plain Markdown
    text on one line: backslashes keep its punctuation from being markup, and a word joiner (invisible)
    keeps GitHub from turning ``@name``, ``#1``, ``GH-1`` or ``:emoji:`` into pings, links or pictures."""
    text = LINE_BREAK.sub(" ", str(text))
    text = _LINKED_LATER.sub(_WORD_JOINER, text)
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def demote(markdown: str, levels: int = 3) -> str:
    """Headings ``levels`` deeper (never past six), outside code fences: a digest inside a summary or a
    comment must not shout over the page's own title."""
    kept, open_fence = [], ""
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if open_fence:
            open_fence = "" if stripped.startswith(open_fence) and not stripped.strip("`") else open_fence
        elif stripped.startswith("```"):
            open_fence = stripped[: len(stripped) - len(stripped.lstrip("`"))]
        elif line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            line = "#" * min(6, hashes + levels) + line[hashes:]
        kept.append(line)
    return "\n".join(kept)


MAX_NAMED_JOBS = 4  # a pattern's jobs are named up to this many; beyond, counted ("6 of 12 jobs")


def jobs(pattern: Pattern, labels: dict[str, str], markdown: bool = True, links: bool = False,
         column: bool = False) -> str:
    """The jobs a pattern occurred in, when the digest has several: ``fails on: `a`, `b` `` (a failure) or
    ``on: …``, or ``fails on 6 of 12 jobs``. Job names are quoted as code; ``links``: each name links to the
    pattern's first line in that job's log (a URL built from validated numbers only). ``column``: the names
    alone, for a table cell, even of a single job."""
    if not pattern.sources or (len(labels) < 2 and not column):
        return ""
    verb = "" if column else "fails on" if pattern.priority == Priority.CRITICAL else "on"
    if len(pattern.sources) > MAX_NAMED_JOBS:
        return f"{verb} {len(pattern.sources)} of {len(labels)} jobs".strip()
    quote = cell if column else code if markdown else str
    names = [linked(quote(labels.get(source, source)), seen.link if links and markdown else None)
             for source, seen in pattern.sources.items()]
    return f"{verb}: {', '.join(names)}" if verb else ", ".join(names)


def first_link(pattern: Pattern) -> Link | None:
    """The link to the pattern's first line in the first job it occurred in."""
    return next((seen.link for seen in pattern.sources.values() if seen.link is not None), None)


def linked(text: str, link: Link | None) -> str:
    """Markdown ``text`` (already inert) as a link to ``link``'s URL, built from validated numbers only."""
    return f"[{text}]({link.url})" if link is not None else text


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
    env.filters.update(code=code, cell=cell, lines=lines, fence=fence, history=history, md=md, thousands=thousands,
                       demote=demote, jobs=jobs, linked=linked, first_link=first_link, repository_path=repository_path)
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
    shown_tails = [{"label": t.label, "step": t.step, "source": facts.labels.get(t.source, t.source),
                    "first_line": t.first_line, "lines": t.text}
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
