"""Online template mining for logs of no known format: one pass, each line joins or starts a template.

A line is first reduced to its *shape*: one regex pass replaces what is almost always a variable (runs
with digits, ``key=value`` values, host:port, clock dates, quantities with a unit, booleans) by ``<*>``.
Most lines of a log repeat a shape already seen, so the shape is looked up in a dict and that is the
whole per-line cost.

A new shape is split into tokens and placed among the templates with the same token count and first
token (the first token names the event far more often than it varies). It joins the most specific
template whose constant tokens all match; otherwise it starts a template of its own. Words that are
variables (user names, host names, states) cannot be told from the wording by their look, so the
miner waits for evidence: templates that differ at a single position form a family, and once a family
has shown enough distinct values at that position, the position becomes ``<*>`` and the family merges
into one template, which also absorbs any template it now covers.

The masking is this module's own rather than ``fingerprint.mask``: the miner needs untyped wildcards
(``<num>`` against ``<hex>`` would split one field into two templates), digit runs masked inside words
(``chunk_-5531907``, ``rack7-n03``), which fingerprints keep, and a single regex anchored at
sub-token starts, which measured about three times faster than the same alternation tried at every
character. Masking is most of the per-line cost (``bench/grouping.py`` prints its share).

A literal ``<*>`` in a message is taken for a wildcard.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

WILDCARD = "<*>"

# Characters that end a sub-token: a digit run is masked up to them, so ``uid=0`` keeps ``uid=`` and
# ``worker(pool)[4411]:`` keeps its name.
_DELIMITERS = r"\s=:,;()\[\]{}<>\"'|"
_SUB_TOKEN = rf"[^{_DELIMITERS}]"
_DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_UNITS = r"(?:[KMGT]?i?B|bytes|ms|us|ns|sec|secs|seconds|s|min|mins|minutes|h|hours)"
_QUANTITY = rf"\d+(?:\.\d+)?\s?{_UNITS}\b"
# Order matters where alternatives start at the same place: dates and quantities before the digit run,
# which would otherwise cut them into several wildcards.
_VARIABLES = (
    # A clock date spans several tokens whose count and words (weekday, month) vary.
    rf"(?:(?:{_DAYS})\s+)?(?:{_MONTHS})\s+\d{{1,2}}\s+\d\d?:\d\d:\d\d(?:\s+\d{{4}})?\b",
    # "1234 bytes (1.2 KB)", "<1 sec": one value, whatever the number of tokens it is printed with.
    rf"[<>~]?{_QUANTITY}(?:\s\([<>~]?{_QUANTITY}\))?",
    # A host with its port is one value; without this the host name would stay as a constant.
    r"[\w-]+\.[\w.-]+:\d+\b",
    r"(?:true|false|null)\b",
    r"(?<==)(?:\"[^\"]*\"|[^\s,;&)\]}]+)",
    rf"(?={_SUB_TOKEN}*\d){_SUB_TOKEN}+",
)
# Anchoring every alternative at a sub-token start lets the engine reject most positions with one
# look-behind instead of trying every alternative at every character.
_MASK = re.compile(rf"(?<![^{_DELIMITERS}])(?:{'|'.join(_VARIABLES)})")
_FAMILY_GAP = "\0"  # stands for the varying position in a family key; never produced by str.split


def mask(message: str) -> str:
    """``message`` with its likely variables replaced by ``<*>``: the shape the miner groups by."""
    return _MASK.sub(WILDCARD, message)


def tokenize(message: str) -> tuple[str, ...]:
    """The tokens a template is matched against: the masked message split on blanks."""
    return _collapse(mask(message).split())


@dataclass(frozen=True)
class MinerConfig:
    """How much evidence turns a word into a variable, and the bounds on the miner's memory.

    ``min_distinct_values``: distinct words seen at one position, the rest of the line being equal,
    before that position becomes ``<*>``. Capitalised words (HTTP methods, states such as ``Started``)
    are far more often wording than values, so they need ``min_distinct_capitalised``.
    ``max_templates``: once reached, a new shape widens the closest template with the same token count
    and first token, or joins one catch-all template, so memory stays bounded on any input.
    ``max_shapes``: the cache of masked lines already placed; it is emptied when full.
    ``max_family_tokens``: longer lines still match and start templates, but do not learn families
    (the bookkeeping is quadratic in the token count).
    """

    min_distinct_values: int = 3
    min_distinct_capitalised: int = 5
    max_templates: int = 10_000
    max_shapes: int = 100_000
    max_family_tokens: int = 64

    def __post_init__(self) -> None:
        for name in ("min_distinct_values", "min_distinct_capitalised", "max_templates", "max_shapes"):
            if getattr(self, name) < 2:
                raise ValueError(f"MinerConfig.{name} must be at least 2, got {getattr(self, name)}")
        if self.max_family_tokens < 1:
            raise ValueError(f"MinerConfig.max_family_tokens must be at least 1, got {self.max_family_tokens}")


@dataclass(eq=False, slots=True)
class Template:
    """A group of lines: constant tokens and ``<*>`` where the lines differ, with how many joined."""

    id: int
    tokens: tuple[str, ...]
    count: int = 0
    merged_into: Template | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def covers(self, tokens: Sequence[str]) -> bool:
        """Whether a line with these tokens (see ``tokenize``) fits this template."""
        return len(tokens) == len(self.tokens) and _covers(self.tokens, tokens)


class TemplateMiner:
    """Groups log messages into templates in one pass; see the module docstring for the method."""

    def __init__(self, config: MinerConfig | None = None) -> None:
        self.config = config or MinerConfig()
        self._shapes: dict[str, Template] = {}
        self._buckets: dict[tuple[int, str], list[Template]] = {}
        self._families: dict[tuple[str, ...], list[Template]] = {}
        self._live: dict[int, Template] = {}
        self._next_id = 0
        self._catch_all: Template | None = None

    def add(self, message: str) -> Template:
        """Add one message (the log line without its header); return the template it joined.

        Templates merge as evidence comes in, so the returned one may later be absorbed: ``resolve``
        gives the template that holds the line now.
        """
        shape = _MASK.sub(WILDCARD, message)
        template = self._shapes.get(shape)
        if template is None:
            template = self._add_shape(shape)
        elif template.merged_into is not None:
            template = self._shapes[shape] = self.resolve(template)
        template.count += 1
        return template

    def resolve(self, template: Template) -> Template:
        """The live template that ``template`` has been merged into (itself if it was not)."""
        while template.merged_into is not None:
            template = template.merged_into
        return template

    def templates(self) -> list[Template]:
        """The live templates, oldest first (the catch-all of a full miner last)."""
        live = list(self._live.values())
        if self._catch_all is not None:
            live.append(self._catch_all)
        return live

    def _add_shape(self, shape: str) -> Template:
        if len(self._shapes) >= self.config.max_shapes:
            self._shapes.clear()  # only a cache of decisions already taken: it refills as lines repeat
        template = self._place(_collapse(shape.split()))
        self._shapes[shape] = template
        return template

    def _place(self, tokens: tuple[str, ...]) -> Template:
        bucket = self._buckets.setdefault((len(tokens), _head(tokens)), [])
        best: Template | None = None
        for candidate in bucket:
            if _covers(candidate.tokens, tokens) and (
                best is None or candidate.tokens.count(WILDCARD) < best.tokens.count(WILDCARD)
            ):
                best = candidate
        if best is not None:
            return best
        if len(self._live) >= self.config.max_templates:
            return self._when_full(bucket, tokens)
        template = Template(self._next_id, tokens)
        self._next_id += 1
        self._live[template.id] = template
        bucket.append(template)
        if WILDCARD in tokens:
            self._absorb(template, bucket)
        return self._learn(template)

    def _when_full(self, bucket: list[Template], tokens: tuple[str, ...]) -> Template:
        """Memory stays bounded: the closest template of the bucket widens to take the line, else a catch-all."""
        if not bucket:
            if self._catch_all is None:
                self._catch_all = Template(-1, (WILDCARD,))
            return self._catch_all
        closest = max(bucket, key=lambda t: sum(a == b for a, b in zip(t.tokens, tokens, strict=True)))
        self._retoken(closest, tuple(a if a == b else WILDCARD for a, b in zip(closest.tokens, tokens, strict=True)))
        self._absorb(closest, self._bucket_of(closest))
        return self._learn(closest)

    def _learn(self, template: Template) -> Template:
        """Register ``template`` in its families; while one of them shows a variable position, merge it."""
        found = self._register(template)
        while found is not None:
            template = self._merge(*found)
            found = self._register(template)
        return template

    def _register(self, template: Template) -> tuple[list[Template], int] | None:
        tokens = template.tokens
        if len(tokens) > self.config.max_family_tokens:
            return None
        for position, token in enumerate(tokens):
            if token == WILDCARD:
                continue
            members = self._families.setdefault(_family_key(tokens, position), [])
            if template not in members:
                members.append(template)
            if self._is_variable({m.tokens[position] for m in members}, position):
                return list(members), position
        return None

    def _is_variable(self, values: set[str], position: int) -> bool:
        if len(values) < 2:
            return False
        if any(WILDCARD in v for v in values):
            stripped = (v.replace(WILDCARD, "") for v in values)
            if not any(ch.isalnum() for text in stripped for ch in text):
                return True  # "()" against "(<*>)": only punctuation is left besides a masked value
            if position > 0:
                return True  # a partly masked token that changes is a value that changes
        if position == 0:
            return False
        if all(_capitalised(v) for v in values):
            return len(values) >= self.config.min_distinct_capitalised
        return len(values) >= self.config.min_distinct_values

    def _merge(self, members: list[Template], position: int) -> Template:
        keep = members[0]
        self._retoken(keep, keep.tokens[:position] + (WILDCARD,) + keep.tokens[position + 1 :])
        for other in members[1:]:
            self._fold(other, keep)
        self._absorb(keep, self._bucket_of(keep))
        return keep

    def _absorb(self, keep: Template, bucket: list[Template]) -> None:
        for other in [t for t in bucket if t is not keep and _covers(keep.tokens, t.tokens)]:
            self._fold(other, keep)

    def _fold(self, other: Template, keep: Template) -> None:
        self._unregister(other)
        self._bucket_of(other).remove(other)
        del self._live[other.id]
        other.merged_into = keep
        keep.count += other.count

    def _retoken(self, template: Template, tokens: tuple[str, ...]) -> None:
        """Change a template's tokens; the caller registers it again (``_learn``) once it is settled."""
        self._unregister(template)
        self._bucket_of(template).remove(template)
        template.tokens = tokens
        self._bucket_of(template).append(template)

    def _unregister(self, template: Template) -> None:
        for position, token in enumerate(template.tokens):
            key = _family_key(template.tokens, position)
            members = self._families.get(key)
            if token == WILDCARD or members is None or template not in members:
                continue
            members.remove(template)
            if not members:
                del self._families[key]

    def _bucket_of(self, template: Template) -> list[Template]:
        return self._buckets.setdefault((len(template.tokens), _head(template.tokens)), [])


def _collapse(tokens: list[str]) -> tuple[str, ...]:
    """Adjacent wildcards become one: a list of values (node names, frames) varies in length."""
    out: list[str] = []
    for token in tokens:
        if token != WILDCARD or not out or out[-1] != WILDCARD:
            out.append(token)
    return tuple(out)


def _head(tokens: tuple[str, ...]) -> str:
    """The bucket of a line's first token: itself, or the wildcard when it is only a masked value."""
    if not tokens:
        return ""
    first = tokens[0]
    if WILDCARD in first and not any(ch.isalnum() for ch in first.replace(WILDCARD, "")):
        return WILDCARD
    return first


def _covers(template: Sequence[str], tokens: Sequence[str]) -> bool:
    return all(a == b or a == WILDCARD for a, b in zip(template, tokens, strict=True))


def _family_key(tokens: tuple[str, ...], position: int) -> tuple[str, ...]:
    return tokens[:position] + (_FAMILY_GAP,) + tokens[position + 1 :]


def _capitalised(value: str) -> bool:
    word = value.lstrip("\"'([{<")
    return word[:1].isupper()
