"""Credentials out of every line before anything is kept.

Only shapes that say "credential" on their own are matched: fixed prefixes (``ghp_``, ``AKIA``, ``xoxb-``),
explicit assignments whose value looks like a secret, URL userinfo, ``Authorization`` headers and PEM
private-key blocks. Generic entropy rules are left out on purpose: they flag hashes, ids and base64 that
are facts in a build log. Markers name the kind, never the value, and redacting twice changes nothing.

A line holding JSON string escapes is also read decoded (``escapes.views``: ``\\u0026sig=``, a ``\\n`` before
``Authorization:``, JSON nested in a JSON string): the rules run on every view, the most decoded first,
and what they find is replaced in the raw line, escapes and all, so the rest of the line keeps its own
characters and a JSON record still decodes.

Cost: one regex search over the lower-cased line decides whether any rule can apply (``_TRIGGERS``); only
the rules whose trigger was found then run, so a line without any costs a lower() and that one search. A
line with escapes is decoded only when it has a trigger or an escape that could spell one (``_REVEALING``),
and a decoded view is searched only around its decoded escapes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from .credentials import BY_KIND, KINDS, LABELS, MARKER, ORDER, TRIGGER, TRIGGER_NAMES, find_trigger
from .escapes import ESCAPE, View, aligned_span, views
from .model import Event

__all__ = ["KINDS", "Redactor"]

# At a line start the command masks the rest of the line, as the runner does; elsewhere (an echoed or
# quoted command) only the word after it, so a message that merely mentions the command keeps its text.
_MASK_COMMAND = re.compile(r"^\s*::add-mask::(.+)$|::add-mask::(\S+)")
_PEM_BEGIN = re.compile(r"-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_PEM_END = re.compile(r"-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_PEM_MATERIAL = re.compile(r"\s*(?:\\r)?(?:\\n)?[\"']?[A-Za-z0-9+/=]{16,}")
_PEM_HEADER = re.compile(r"(?:Proc-Type|DEK-Info|Comment|Version):")
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/]+=*")
_TRAILING_BASE64 = re.compile(r"[A-Za-z0-9+/=]*(?:\\n)?$")
_DIGIT = re.compile(r"\d")
PEM_MAX_LINES = 400  # a 16k-bit RSA key is ~200 lines; an unterminated block must not eat the log
PEM_MAX_GAP = 5  # other output interleaved in a block (parallel steps) before it counts as ended
_MASKED, _PRIVATE_KEY = ORDER["masked"], ORDER["private-key"]
# Escapes that can make a trigger the raw line lacks: any ``\\uXXXX``, ``\\/`` (``webhooks/``), ``\\\\`` (a
# deeper view). The others decode to a control character or a quote, which no trigger fragment holds and
# none needs to be absent (no fragment has a negative lookbehind): they can break a trigger, never make one.
_REVEALING = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[\\/])")

Span = tuple[int, int, int]  # start, end in the raw line, and the kind's place in ORDER
_NOT_QUOTED = {"kind", "source", "key"}  # an event's own labels: a kind, an input's name, its fold key


@dataclass
class _Pem:
    """An open private-key block: the shape of the text before BEGIN, so prefixed body lines are recognised."""

    prefix_shape: str
    lines: int = 0
    gap: int = 0
    full_lines: int = 0


@dataclass(slots=True)
class Redactor:
    """Redacts known credential shapes plus values registered at run time (``::add-mask::``, user values).

    Called once per line, in order: a PEM private key spans lines, so the redactor remembers an open block.
    ``count`` is the number of values replaced so far.
    """

    extra_values: list[str] = field(default_factory=list)
    count: int = 0
    _pem: _Pem | None = field(default=None, init=False, repr=False)

    def reset(self) -> None:
        """A new input starts: a key block left open by the last one does not go on into it."""
        self._pem = None

    @property
    def in_key_block(self) -> bool:
        """A private key's block is open: the lines that follow are its material until its END line."""
        return self._pem is not None

    def detached(self) -> Redactor:
        """A redactor for text made from this one's lines (a decoded record, a composed message): it masks
        the same registered values, present and future, and keeps its own key-block state."""
        return Redactor(self.extra_values)

    def register(self, value: str) -> None:
        """Mask ``value`` wherever it appears from now on (values under 4 characters would mask words)."""
        value = value.strip()
        if len(value) >= 4 and value not in self.extra_values and not MARKER.search(value):
            self.extra_values.append(value)
            self.extra_values.sort(key=len, reverse=True)

    def __call__(self, text: str) -> str:
        if self._pem is not None:
            inside = self._pem_line(self._pem, text)
            if inside is not None:
                return inside
        low = text.lower()
        found = find_trigger(low)
        escaped = "\\" in text and ESCAPE.search(text) is not None
        if found is None and "ASIA" not in text and not self.extra_values and \
                (not escaped or _REVEALING.search(text) is None):
            return text
        kinds = _triggered(low, text, found)
        spans = self._spans(View(text), low, kinds)
        if escaped:
            spans = self._decoded_spans(text, spans, kinds)
        if spans:
            text = self._replace(text, spans)
        if "-----BEGIN" in text:
            text = self._pem_begin(text)
        return text

    def redact_event(self, event: Event) -> None:
        """Every text a kept event quotes (its message, excerpt, location, test and step, whatever fields it
        grows), once more, each on its own; see ``StreamLogProcessor``."""
        for name in (f.name for f in fields(event) if f.name not in _NOT_QUOTED):
            value = getattr(event, name)
            if isinstance(value, str):
                setattr(event, name, self._alone(value))
            elif isinstance(value, tuple):
                setattr(event, name, tuple(self._alone(v) if isinstance(v, str) else v for v in value))

    def _alone(self, text: str) -> str:
        self._pem = None
        return self(text)

    def _decoded_spans(self, text: str, raw: list[Span], kinds: set[str]) -> list[Span]:
        """Spans found in every view of a line with escapes (``raw``: those of the line as it is, whose rules
        were triggered by ``kinds``), the most decoded first. In a line with JSON strings a shallower view
        only adds what no deeper one found there, its span never cutting an escape in two: it reads
        ``\\u0026`` or ``\\n"}`` as part of a value and would take the next field, or the record's end, with it.
        A line without a quote holds no JSON string: its backslashes are its own characters, and every
        view's spans count."""
        literal = '"' not in text
        by_view: list[list[Span]] = []
        for view in views(text)[1:]:
            low = view.text.lower()
            kinds = kinds | _near_escapes(view, low)
            by_view.append(self._spans(view, low, kinds))
        spans: list[Span] = []
        for found in reversed(by_view):
            spans += found if literal else [span for span in found if not _overlaps(span, spans)]
        if literal:
            return spans + raw
        raw = [(*aligned_span(text, start, end), order) for start, end, order in raw]
        return spans + [span for span in raw if not _overlaps(span, spans)]

    def _spans(self, view: View, low: str, kinds: set[str]) -> list[Span]:
        """What the rules of ``kinds`` (and the registered values) find in one view of the line (``low``:
        its text lower-cased), as spans of the raw line."""
        if not kinds and not self.extra_values:
            return []
        text = view.text
        if "masked" in kinds:  # before masking known values, which could hide part of the new one
            self._register_mask(text)
        found = self._registered(text) if self.extra_values else []
        if "private-key" in kinds:
            found += _pem_inline(text)
        for kind in kinds - {"masked", "private-key"}:
            order = ORDER[kind]
            found += [(start, end, order) for rule in BY_KIND[kind] for start, end in rule.spans(text, low)]
        if view.parent is None:
            return found
        return [(*view.raw_span(start, end), order) for start, end, order in found]

    def _replace(self, text: str, spans: list[Span]) -> str:
        """Each run of overlapping spans becomes one marker, named for the first kind in ORDER among them. A
        span that starts inside the span of a more specific kind is the generic rule reading that value (and
        what follows it: ``token:ghs_…@github.com``), as it would see a marker there: it is left out."""
        kept: list[Span] = []
        for span in sorted(spans, key=lambda span: (span[2], span[0])):
            if not any(order < span[2] and start <= span[0] < end for start, end, order in kept):
                kept.append(span)
        kept.sort()
        pieces: list[str] = []
        done = 0
        start, end, order = kept[0]
        for next_start, next_end, next_order in kept[1:]:
            if next_start < end:
                end, order = max(end, next_end), min(order, next_order)
                continue
            pieces += (text[done:start], LABELS[order])
            done, (start, end, order) = end, (next_start, next_end, next_order)
        pieces += (text[done:start], LABELS[order], text[end:])
        self.count += len(pieces) // 2
        return "".join(pieces)

    def _registered(self, text: str) -> list[Span]:
        """Registered values, never inside a marker: a registered "ACTED" must not make the output a
        moving target."""
        markers = [m.span() for m in MARKER.finditer(text)] if "[REDACTED:" in text else []
        found: list[Span] = []
        for value in self.extra_values:
            at = text.find(value)
            while at >= 0:
                end = at + len(value)
                if not any(start < end and at < stop for start, stop in markers):
                    found.append((at, end, _MASKED))
                at = text.find(value, end)
        return found

    def _register_mask(self, text: str) -> None:
        command = _MASK_COMMAND.search(text)
        if command:
            value = (command.group(1) or command.group(2)).strip().strip("\"'")
            if not value.startswith("$"):  # an echoed command line shows the variable, not its value
                self.register(value)

    def _pem_begin(self, text: str) -> str:
        """A header left in the line (no key after it on this line) opens a block, even a quoted one:
        ``set -x`` echoes. A header alone is redacted with the block; one quoted in code or prose is kept."""
        begin = _PEM_BEGIN.search(text)
        if begin is None:
            return text
        self._pem = _Pem(_DIGIT.sub("0", text[: begin.start()]))
        if text[begin.end():].replace("\\n", "").strip():
            return text
        self.count += 1
        return text[: begin.start()] + LABELS[_PRIVATE_KEY]

    def _pem_line(self, pem: _Pem, text: str) -> str | None:
        """The line with its key material redacted while a block is open; None for any other line (it is
        redacted as usual), and the block is given up after too many of those or too many lines."""
        label = LABELS[_PRIVATE_KEY]
        pem.lines += 1
        end = _PEM_END.search(text)
        if end is not None:
            self._pem = None
            self.count += 1
            return _TRAILING_BASE64.sub("", text[: end.start()], count=1) + label + text[end.end():]
        body = None if _PEM_BEGIN.search(text) else _pem_body(text, pem)
        if body is None:
            pem.gap += 1
            if pem.gap > PEM_MAX_GAP or pem.lines > PEM_MAX_LINES or _PEM_BEGIN.search(text):
                self._pem = None
            return None
        pem.gap = 0
        if not body:
            return text
        self.count += 1
        return text[: text.rfind(body)] + label


def _pem_body(text: str, pem: _Pem) -> str | None:
    """The key material on a line inside a block ('' for a blank line), or None for other output."""
    stripped = text.strip()
    if not stripped:
        return ""
    header = _PEM_HEADER.search(stripped)
    if header:
        return stripped[header.start():]
    last = stripped.split()[-1]
    token = last.strip("\"',").removesuffix("\\n").strip("\"',")
    if not _BASE64_LINE.fullmatch(token):
        return None
    prefix = text[: text.rfind(last)]
    if len(token) >= 40:
        pem.full_lines += 1
        return last
    # a short line is the tail of the base64 body, so only after full lines and with the same prefix
    if pem.full_lines and (not prefix.strip() or _DIGIT.sub("0", prefix) == pem.prefix_shape):
        return last
    return None


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end, _ in spans)


_TRIGGER_REACH = 40  # the longest text a trigger fragment reads, lookarounds included (twilio: sk + 32 hex)


def _near_escapes(view: View, low: str) -> set[str]:
    """The triggers a decoded view adds to its parent's: only text next to a decoded escape is new, so
    only windows around those are searched (a go test -json line: one window at its end)."""
    windows: list[list[int]] = []
    for place in view.places:
        start, end = max(0, place - _TRIGGER_REACH), place + _TRIGGER_REACH + 1
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    kinds: set[str] = set()
    for start, end in windows:
        found = TRIGGER.search(low, start, end)
        while found is not None:
            kinds.update(TRIGGER_NAMES[found.lastgroup or ""])
            found = TRIGGER.search(low, found.start() + 1, end)
        if "ASIA" in view.text[start:end]:
            kinds.add("aws-access-key-id")
    return kinds


def _triggered(low: str, text: str, found: re.Match[str] | None) -> set[str]:
    kinds: set[str] = set()
    while found is not None:
        kinds.update(TRIGGER_NAMES[found.lastgroup or ""])
        found = TRIGGER.search(low, found.start() + 1)
    if "ASIA" in text:  # no rare letter in "asia": one plain substring test instead
        kinds.add("aws-access-key-id")
    return kinds


def _pem_inline(text: str) -> list[Span]:
    """Keys with BEGIN and END on one line (JSON with ``\\n``), and a key on one line cut short (line cap)
    before its END. Each BEGIN looks for the next END once, so a line of many headers and no END stays linear."""
    found: list[Span] = []
    done = 0
    for begin in _PEM_BEGIN.finditer(text):
        if begin.start() < done:
            continue
        end = _PEM_END.search(text, begin.end())
        if end is None:
            if _PEM_MATERIAL.match(text, begin.end()):
                found.append((begin.start(), len(text), _PRIVATE_KEY))
            break
        found.append((begin.start(), end.end(), _PRIVATE_KEY))
        done = end.end()
    return found
