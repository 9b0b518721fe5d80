"""What a recognizer is made of: rules (which line starts which event, at which priority, how its block
continues) and the cheap signals that let most lines skip the rules altogether.

Rules are data, so a tool family adds its own without touching the engine. Across families the first
matching rule wins, so each family lists its specific shapes and the generic keyword fallbacks come last.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..model import Priority

C, H, M, L, V = Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM, Priority.LOW, Priority.VERBOSE

# How a block started by a rule goes on:
#   ""         a single line
#   "indent"   indented or blank lines (and the rule's own ``more`` shapes) belong to it
#   "trace"    like indent, and the first unindented line is its last (a Python exception line)
#   "section"  everything until a section boundary or another block starts
#   "gutter"   only lines of the rule's own ``more`` shape (rustc's ``-->`` and ``|`` gutter)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: Priority
    kind: str
    block: str = ""
    more: re.Pattern[str] | None = None
    title_lines: bool = False  # the test's title goes on over the block's first lines, up to one ending in ":"
    needs_body: bool = False  # without any line of its block, the start line was something else: context


def rule(name: str, regex: str, priority: Priority, kind: str, block: str = "", more: str = "",
         title_lines: bool = False, needs_body: bool = False) -> Rule:
    return Rule(name, re.compile(regex), priority, kind, block, re.compile(more) if more else None, title_lines,
                needs_body)


Rewriter = Callable[[str], str]


class Carrier(Protocol):
    """Remembers what a test printed before its failure line, to hand it over when the failure is reported."""

    def see(self, text: str) -> None: ...

    def take(self, test_id: str) -> list[str]: ...


@dataclass(frozen=True)
class Family:
    """One tool family's recognizer.

    ``signals`` are literal words searched in the lower-cased line and ``starts`` shapes matched at its start:
    a line that neither family signals is plain info and never reaches the rules. ``section_end`` and
    ``indent_end`` close open blocks; ``rewriter`` makes a fresh per-stream function that rewrites a
    line before classification (a JSON record to its message, a bare diagnostic to ``path:line``); events
    quote the rewritten text only when ``rewriter_quotes`` (a lossless decoding, as go test -json's output
    field), else the line as the log has it. ``carry`` makes a per-stream Carrier.
    """

    name: str
    rules: tuple[Rule, ...]
    signals: tuple[str, ...] = ()
    starts: str = ""
    section_end: str = ""
    indent_end: str = ""
    rewriter: Callable[[], Rewriter] | None = field(default=None, compare=False)
    rewriter_quotes: bool = False
    carry: Callable[[], Carrier] | None = field(default=None, compare=False)


def any_of(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One regex matching where any of ``rules`` would: a single search instead of one per rule."""
    plain = [re.sub(r"\(\?P<\w+>", "(?:", r.pattern.pattern) for r in rules]
    return re.compile("|".join(f"(?:{p})" for p in plain) or r"(?!)")


def alternation(fragments: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{f})" for f in fragments if f) or r"(?!)")


def word_search(words: list[str]) -> re.Pattern[str]:
    """A regex finding any of ``words`` (literals), factored by common prefixes.

    A flat alternation of dozens of words is tried word by word at every position of every line;
    factored, each position costs about one branch. Words containing a shorter word are dropped: the
    shorter one already finds them.
    """
    kept = sorted({w for w in words if not any(o != w and o in w for o in words)})
    return re.compile(_factor(kept) if kept else r"(?!)")


def _factor(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    branches = []
    for head, tails in sorted(groups.items()):
        if "" in tails:  # a word ends here; any longer one was dropped as redundant
            branches.append(re.escape(head))
        elif len(tails) == 1:
            branches.append(re.escape(head + tails[0]))
        else:
            branches.append(re.escape(head) + f"(?:{_factor(tails)})")
    return "|".join(branches)
