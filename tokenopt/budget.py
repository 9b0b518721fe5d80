"""TokenBudgetManager: fill a token budget tier by tier, trimming before dropping, and prove the fit.

Costs of single items are estimated by counting their text; the rendered digest (template included)
is then counted exactly, and the plan shrinks until the exact count fits. The last resort is a cut at
a token boundary, so the promise holds for any budget.
"""
from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .dedup import variants_note
from .formats.details import tidy
from .model import Line, Pattern, Priority
from .tokens import Counter, fit_to_tokens, load_counter

DROPPED, NAME, SHORT, LINE, TRIMMED, FULL = 0, 1, 2, 3, 4, 5
TRIM_KEEP, TRIM_HEAD = 10, 2
LINE_CHARS, SHORT_CHARS, NAME_CHARS = 400, 160, 64  # NAME: about what a test id needs
_CHARS_AT = {NAME: NAME_CHARS, SHORT: SHORT_CHARS}
ITEM_OVERHEAD = 6  # bullet, count, location markup per item
CUT_MARKER = "\n…[digest cut to fit the token budget]"
MIN_CUT_TEXT = 12  # below this many tokens of digest text, a marker at the end would say nothing
TAIL_SHARE = 0.15  # of the budget, always held by the last lines of the failing step (or of the log)
GROW_MIN = 12  # spare tokens worth growing the tails by


@dataclass
class Item:
    """A pattern at the level of detail the budget allows."""

    pattern: Pattern
    level: int = FULL
    show_history: bool = False  # the pattern's history note: the lowest tier, shown only in what is left over

    @property
    def history(self) -> str:
        return self.pattern.history if self.show_history else ""

    @property
    def message(self) -> str:
        text = self.pattern.event.message
        limit = _CHARS_AT.get(self.level, LINE_CHARS)
        return text if len(text) <= limit or self.level == FULL else text[:limit] + " …"

    @property
    def excerpt(self) -> list[str]:
        lines = list(self.pattern.event.excerpt)
        if self.level <= LINE or not lines:
            return []
        if self.level == TRIMMED and len(lines) > TRIM_KEEP + 1:
            return key_lines(lines)
        return lines

    @property
    def detail(self) -> list[str]:
        """The lines under the message from LINE up: what explains it (unless the excerpt shows it) and what
        differs between the occurrences a fold counts."""
        if self.level < LINE:
            return []
        shown = {line.strip() for line in self.excerpt}
        return [line for line in self.pattern.event.detail if line not in shown] + variants_note(self.pattern)

    @property
    def repeats(self) -> int:
        """The count a digest shows: none for a failure that occurred once in each of the jobs it lists."""
        sources = len(self.pattern.sources)
        return 1 if sources > 1 and self.pattern.count == sources else self.pattern.count

    @property
    def names_jobs(self) -> bool:
        """Whether it names the jobs it occurred in (when there are several): from LINE up, so a tight budget
        names every failure before it says where each one was."""
        return self.level >= LINE

    @property
    def differs(self) -> list[tuple[str, tuple[str, ...]]]:
        """From LINE up, per input (job) where it differs, what it said that the shown event does not."""
        if self.level < LINE:
            return []
        return [(source, seen.differs) for source, seen in self.pattern.sources.items() if seen.differs]

    @property
    def variants(self) -> list[str]:
        """What the fold's one message hides (the other messages, or the values that differ): shown even where
        the detail is not, so a folded line never reads as if its values were all equal."""
        return variants_note(self.pattern) if self.level >= LINE else []

    @property
    def top_level(self) -> int:
        return FULL if self.pattern.event.excerpt else LINE

    def plain(self) -> str:
        differs = (line for _, lines in self.differs for line in lines)
        return "\n".join([self.message, *self.detail, *self.excerpt, *differs])


# Lines that explain a failure, strongest first: assertion, diff and compared values, the failing source
# line, panics and causes, a test's own messages; then anything naming an error. A trimmed excerpt keeps
# these before the rest, in their original order.
_STRONG_LINE = re.compile(
    r"^E\s|^>|^\s*>\s*\d+\s*\||^\s*(?:Expected|Received|left|right)\b|^\s*[-+] (?:Expected|Received)"
    r"|panicked|^\s*Caused by|^\s*=> |^\S+\.\w+:\d+: \w+$|^\s+\w+_test\.go:\d+:"
    r"|\(\S+\.(?:test|spec)\.[jt]sx?:\d+:\d+\)")
_WEAK_LINE = re.compile(r"assert|Error|Exception|\bexpected\b|\bactual\b|\bgot\b|\bwant\b|^\s*[-+?] ")


def _trimmed(count: int) -> str:
    return f"… {count} line{'' if count == 1 else 's'} trimmed …"


def key_lines(lines: list[str], keep: int = TRIM_KEEP) -> list[str]:
    """The first lines and the explaining ones, in order, with a marker where lines were left out."""
    chosen = set(range(min(TRIM_HEAD, len(lines))))
    for pattern in (_STRONG_LINE, _WEAK_LINE):
        for n, line in enumerate(lines):
            if len(chosen) >= keep:
                break
            if pattern.search(line):
                chosen.add(n)
    for n in range(len(lines) - 1, -1, -1):  # room left: the end (the innermost frames)
        if len(chosen) >= keep:
            break
        chosen.add(n)
    kept: list[str] = []
    previous = -1
    for n in sorted(chosen):
        if n > previous + 1:
            kept.append(_trimmed(n - previous - 1))
        kept.append(lines[n])
        previous = n
    if previous < len(lines) - 1:
        kept.append(_trimmed(len(lines) - 1 - previous))
    return kept


@dataclass
class Omitted:
    """What the budget left out of one priority."""

    patterns: int = 0
    events: int = 0
    trimmed: int = 0


@dataclass
class Tail:
    """The last lines of a failing step (or of a log, when no step is known), of which the plan shows ``shown``."""

    label: str  # our words: "the log", "the failing step", "step"
    source: str
    lines: list[Line]
    shown: int = 0
    step: str = ""  # the step's name, as the log gave it

    @property
    def text(self) -> list[str]:
        return [line.text for line in self.lines[len(self.lines) - self.shown:]]

    @property
    def first_line(self) -> int:
        return self.lines[len(self.lines) - self.shown].number if self.shown else 0


@dataclass
class Fitted:
    text: str
    tokens: int
    items: list[Item]
    omitted: dict[Priority, Omitted] = field(default_factory=dict)
    cut: bool = False
    tails: list[Tail] = field(default_factory=list)
    whole: bool = False  # the log itself, which fit the budget


# render(items, omitted) -> text; given tails, render(items, omitted, tails) -> text
Renderer = Callable[..., str]


class TokenBudgetManager:
    """Plans which patterns a digest shows, at which detail, so that the rendered text fits ``budget``."""

    def __init__(self, max_token_budget: int = 76_659, reserve_percentage: float = 10.0,
                 counter: Counter | None = None, encoding: str = "cl100k_base") -> None:
        self.budget = max_token_budget
        self.reserve = int(max_token_budget * reserve_percentage / 100)
        self.counter = counter or load_counter(encoding)
        self._costs: dict[tuple[str, int], int] = {}
        self.labels: dict[str, str] = {}  # each input's job: with several, each item names the jobs it occurred in

    def count(self, text: str) -> int:
        return self.counter.count(text)

    def fit(self, patterns: list[Pattern], render: Renderer, tails: list[Tail] | None = None,
            tail_share: float = TAIL_SHARE) -> Fitted:
        """The digest of ``patterns`` rendered by ``render`` within the budget, counted exactly.

        ``tails`` (the last lines of each failing step, or of the log) hold ``tail_share`` of the budget, so
        the digest never keeps less of the end than ``tail`` would; what the rest leaves over goes to them too.
        """
        if tails is None:
            return self.fit(patterns, lambda items, omitted, _tails: render(items, omitted), [])
        shell = self.count(render([], _all_omitted(patterns), []))
        available = self.budget - shell
        floor = self._size_tails(tails, int(max(available, 0) * tail_share))
        quoted = {tidy(text) for tail in tails for text in tail.text}
        patterns = [p for p in patterns if p.priority > Priority.LOW or p.event.message not in quoted]
        for _ in range(12):
            items = self.plan(patterns, available - floor, tails, floor)
            omitted = _omissions(patterns, items)
            text = render(items, omitted, tails)
            tokens = self.count(text)
            if tokens <= self.budget:
                return self._grow_tails(Fitted(text, tokens, items, omitted, tails=tails), render)
            available -= max(tokens - self.budget, available // 8, 1)
        room = self.budget - self.count(CUT_MARKER)
        if room >= MIN_CUT_TEXT:
            text = fit_to_tokens(text, room, self.counter) + CUT_MARKER
        else:  # too small for the digest's own shape: the marker leads, so what fits still says what it is
            text = fit_to_tokens(f"[digest cut to {self.budget} tokens] {text}", self.budget, self.counter)
        return Fitted(text, self.count(text), items, omitted, cut=True, tails=tails)

    def _size_tails(self, tails: list[Tail], room: int) -> int:
        """Show the last lines of each tail within an equal share of ``room``; the tokens they take."""
        used = 0
        for n, tail in enumerate(tails):
            share = (room - used) // (len(tails) - n)
            cost = 0
            tail.shown = 0
            for line in reversed(tail.lines):
                line_cost = self.count(line.text) + 1
                if cost + line_cost > share:
                    break
                cost += line_cost
                tail.shown += 1
            used += cost
        return used

    def _grow_tails(self, fitted: Fitted, render: Renderer) -> Fitted:
        """What the plan leaves unused lets the tails reach further back, while the whole still fits."""
        tails = fitted.tails
        spare = self.budget - fitted.tokens
        if not tails or spare < GROW_MIN or all(t.shown == len(t.lines) for t in tails):
            return fitted
        before = [t.shown for t in tails]
        self._size_tails(tails, sum(self._tail_cost(t) for t in tails) + spare - len(tails) * 4)
        text = render(fitted.items, fitted.omitted, tails)
        tokens = self.count(text)
        if tokens <= self.budget:
            return Fitted(text, tokens, fitted.items, fitted.omitted, tails=tails)
        for tail, shown in zip(tails, before, strict=True):
            tail.shown = shown
        return fitted

    def _tail_cost(self, tail: Tail) -> int:
        return sum(self.count(line.text) + 1 for line in tail.lines[len(tail.lines) - tail.shown:])

    def plan(self, patterns: list[Pattern], available: int, tails: list[Tail] | None = None, floor: int = 0
             ) -> list[Item]:
        """Items with levels: critical first (one line each, then detail), then tier by tier; within a tier the
        best-ranked stay longest (context: the log's start and end). ``tails`` hold ``floor`` tokens besides
        ``available`` and, after the warnings, grow into what is left before any context line gets room."""
        tiers: dict[Priority, list[Item]] = {p: [] for p in Priority}
        for pattern in sorted(patterns, key=lambda p: (-p.rank, p.order)):
            tiers[pattern.priority].append(Item(pattern, LINE))
        # Failures may go down to their name before any is dropped; other tiers stop at a short line.
        critical = self._fit_tier(tiers[Priority.CRITICAL], max(available, 0), floor=NAME)
        one_liners = self._total(critical)  # every failure named, maybe shortened: never traded for detail
        high_lines = sum(self._cost(i) for i in tiers[Priority.HIGH])
        detail_cap = max(self.reserve, available - high_lines)
        for item in critical:
            item.level = item.top_level
        critical = self._fit_tier(critical, max(min(detail_cap, available), one_liners), floor=NAME)
        # A lower tier only gets room once every item above it is in: never context before a failure.
        remaining = available - self._total(critical) if len(critical) == len(tiers[Priority.CRITICAL]) else 0
        kept = list(critical)
        for priority in (Priority.HIGH, Priority.MEDIUM, Priority.LOW, Priority.VERBOSE):
            if priority == Priority.LOW and tails and remaining > 0:
                remaining -= self._size_tails(tails, floor + remaining) - floor
            tier = tiers[priority]
            for item in tier:
                item.level = item.top_level
            if priority <= Priority.LOW:
                tier = _ends_first(sorted(tier, key=lambda i: i.pattern.order))
            fitted = self._fit_tier(tier, max(remaining, 0))
            remaining = remaining - self._total(fitted) if len(fitted) == len(tier) else 0
            kept += fitted
        kept.sort(key=lambda i: (-i.pattern.priority, i.pattern.order))
        self._add_history(kept, remaining if len(kept) == len(patterns) else 0)
        return kept

    def _add_history(self, items: list[Item], room: int) -> None:
        """History notes ("new", "3rd run", "flaky 4/10") get only what every item left: never a failure's
        room. The most severe items get theirs first."""
        for item in items:
            if item.pattern.history:
                cost = self.count(f" [{item.pattern.history}]")
                if cost > room:
                    return
                item.show_history, room = True, room - cost

    def _fit_tier(self, items: list[Item], cap: int, floor: int = SHORT) -> list[Item]:
        """Trim the largest items before dropping any, recurring ones (known from earlier runs) before new
        ones; drop from the end of ``items`` (they come best first)."""
        total = self._total(items)
        heap = [(bool(item.pattern.new), -self._cost(item), n) for n, item in enumerate(items) if item.level > floor]
        heapq.heapify(heap)
        while total > cap and heap:
            new, cost, n = heapq.heappop(heap)
            item = items[n]
            if -cost != self._cost(item):
                continue
            item.level -= 1
            total += self._cost(item) + cost
            if item.level > floor:
                heapq.heappush(heap, (new, -self._cost(item), n))
        kept = list(items)
        while kept and total > cap:
            total -= self._cost(kept.pop())
        return kept

    def _cost(self, item: Item, level: int | None = None) -> int:
        level = item.level if level is None else level
        key = (item.pattern.key, level)
        if key not in self._costs:
            saved, item.level = item.level, level
            self._costs[key] = self.count(item.plain()) + ITEM_OVERHEAD + 2 * len(item.excerpt) // 10
            if len(self.labels) > 1 and item.names_jobs:  # the jobs it occurred in, named after it
                names = (self.labels.get(source, source) for source in item.pattern.sources)
                self._costs[key] += self.count(" — fails on: " + ", ".join(f"`{name}`" for name in names))
            item.level = saved
        return self._costs[key]

    def _total(self, items: list[Item], level: int | None = None) -> int:
        return sum(self._cost(item, level) for item in items)


def _ends_first(items: list[Item]) -> list[Item]:
    """Context lines ranked so the start and the end of the log survive longest (its command and its result)."""
    n = len(items)
    return [items[i] for i in sorted(range(n), key=lambda i: (min(i, n - 1 - i), i))]


def _omissions(patterns: list[Pattern], items: list[Item]) -> dict[Priority, Omitted]:
    shown = {id(item.pattern): item for item in items}
    omitted = {priority: Omitted() for priority in Priority}
    for pattern in patterns:
        item = shown.get(id(pattern))
        if item is None:
            omitted[pattern.priority].patterns += 1
            omitted[pattern.priority].events += pattern.count
        elif item.level < item.top_level:
            omitted[pattern.priority].trimmed += 1
    return omitted


def _all_omitted(patterns: list[Pattern]) -> dict[Priority, Omitted]:
    return _omissions(patterns, [])
