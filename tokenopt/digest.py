"""The digest: the collected patterns and the failing steps' last lines fitted to the budget and rendered, or
the whole log when it fits (a digest of a small log can only lose what the log says)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from . import profiles
from .budget import FULL, LINE, Fitted, Item, Omitted, Tail, TokenBudgetManager
from .fingerprint import error_type
from .layout import best_layout
from .model import RESULT_KINDS, Collected, Line, Pattern, Priority
from .render import DIGEST_TEMPLATES, Facts, digest_context, load_template, render
from .settings import Settings
from .tokens import Counter

if TYPE_CHECKING:
    from jinja2 import Template

Drawer = Callable[[list[Item], dict[Priority, Omitted], list[Tail], list[Line] | None], str]

GLANCE_LINES = 40  # a whole log this short is read at a glance: naming its failures above it repeats them
MAX_TAILS = 3  # inputs whose failing step's last lines are shown (a matrix of 12 names its first three)


def digest(collected: Collected, settings: Settings, counter: Counter, fixed: list[str] | None = None) -> Fitted:
    """Fit the collected patterns and the failing steps' last lines to the budget and render them with the
    chosen template; the whole log instead when it fits."""
    profile = profiles.get(collected.profile)
    shown = (p for p in collected.patterns if p.priority in profile.shown)
    patterns = sorted(shown, key=lambda p: (-p.priority, p.order))
    template = load_template(settings.template, DIGEST_TEMPLATES[settings.format])
    facts = Facts(headline=headline(collected), sources=collected.sources, input_lines=collected.input_lines,
                  input_tokens=collected.input_tokens, input_tokens_exact=collected.input_tokens_exact,
                  budget=settings.budget, encoding=settings.encoding, counts_exact=counter.exact,
                  profile=collected.profile, notes=collected.notes, error_types=error_types(collected),
                  fixed=fixed or [], labels=collected.labels)
    draw = _drawer(template, facts)
    if collected.whole is not None:
        fitted = whole_log(collected.whole, patterns, settings.budget, draw, counter)
        if fitted is not None:
            return fitted
    manager = TokenBudgetManager(effective_budget(collected, settings.budget), settings.reserve_percentage, counter)
    manager.labels = collected.labels
    fitted = best_layout(manager, patterns, draw, tails_of(collected))
    if fitted.cut or not _names_a_failure(fitted, patterns):  # the figures and types give way to the failures
        fitted = best_layout(manager, patterns, _drawer(template, replace(facts, compact=True)), tails_of(collected))
    return fitted


def _drawer(template: Template, facts: Facts) -> Drawer:
    def draw(items: list[Item], omitted: dict[Priority, Omitted], tails: list[Tail], whole: list[Line] | None = None
             ) -> str:
        return render(template, digest_context(items, omitted, facts, tails, whole))

    return draw


def _names_a_failure(fitted: Fitted, patterns: list[Pattern]) -> bool:
    """Whether the digest names a failure, when there is one to name."""
    failures = [p for p in patterns if p.priority == Priority.CRITICAL]
    return not failures or any(item.pattern.priority == Priority.CRITICAL for item in fitted.items)


def whole_log(whole: list[Line], patterns: list[Pattern], budget: int, draw: Drawer, counter: Counter
              ) -> Fitted | None:
    """The log itself when it fits the budget: with the digest's heading and its failures and errors named
    above it while that still fits (above a log short enough to read at a glance, only the failures that have a
    history to tell), else with the heading alone, else bare. None when the log does not fit."""
    named = [Item(p, LINE, show_history=True) for p in patterns if p.priority >= Priority.HIGH
             and (len(whole) > GLANCE_LINES or p.history and p.priority == Priority.CRITICAL)]
    for items in (named, []):
        text = draw(items, {}, [], whole)
        tokens = counter.count(text)
        if tokens <= budget:
            return Fitted(text, tokens, [Item(p, FULL) for p in patterns], whole=True)
    text = "".join(line.text + "\n" for line in whole)
    tokens = counter.count(text)
    return Fitted(text, tokens, [Item(p, FULL) for p in patterns], whole=True) if tokens <= budget else None


def tails_of(collected: Collected) -> list[Tail]:
    """The last lines of each input's failing step (of inputs with failures first), else of the last input."""
    failed = {p.event.source for p in collected.patterns
              if p.priority >= Priority.HIGH and p.event.kind not in RESULT_KINDS}
    chosen = [f for f in collected.framings if f.tail and (f.failing is not None or f.source in failed)]
    chosen = chosen[:MAX_TAILS] or [f for f in collected.framings if f.tail][-1:]
    return [Tail(framing.label_parts[0], framing.source, framing.tail, step=framing.label_parts[1])
            for framing in chosen]


SMALL_LOG_FLOOR = 400  # below this a digest may outgrow its log: headline, sections and locations cost tokens


def effective_budget(collected: Collected, budget: int) -> int:
    """The budget, but never more than the log itself (a digest longer than its log helps no one)."""
    return min(budget, max(collected.input_tokens, SMALL_LOG_FLOOR))


def headline(collected: Collected) -> str:
    """What failed, in a few words: the first thing a reader needs."""
    names = {"failed_test": "failed test", "test_error": "test error", "compile_error": "compile error",
             "exception": "uncaught exception", "crash": "crash", "fatal": "fatal error", "error": "error",
             "warning": "warning"}
    counts: dict[str, int] = {}
    for pattern in collected.patterns:
        kind = pattern.event.kind
        if pattern.priority == Priority.CRITICAL:
            counts[kind] = counts.get(kind, 0) + 1
        elif kind in ("error", "warning"):
            counts[kind] = counts.get(kind, 0) + pattern.count
    parts = [_plural(n, names.get(kind, kind.replace("_", " "))) for kind, n in counts.items()]
    if not parts and collected.nothing_read:
        return f"nothing could be read ({_plural(len(collected.unread), 'input')} skipped: see the notes)"
    return ", ".join(parts) if parts else "no failures or errors found"


def error_types(collected: Collected, most: int = 8) -> list[tuple[str, int]]:
    """Failures and errors by type (exception class, compiler or linter code), commonest first."""
    counts: dict[str, int] = {}
    for pattern in collected.patterns:
        if pattern.priority >= Priority.HIGH:
            kind = error_type(pattern.event.message)
            if kind:
                counts[kind] = counts.get(kind, 0) + pattern.count
    return sorted(counts.items(), key=lambda item: -item[1])[:most]


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun if count == 1 else plural(noun)}"


def plural(noun: str) -> str:
    return noun + ("es" if noun.endswith(("sh", "ch", "s", "x")) else "s")
