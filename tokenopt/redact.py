"""Credentials out of every line before anything is kept.

Only shapes that say "credential" on their own are matched: fixed prefixes (``ghp_``, ``AKIA``, ``xoxb-``),
explicit assignments whose value looks like a secret, URL userinfo, ``Authorization`` headers and PEM
private-key blocks. Generic entropy rules are left out on purpose: they flag hashes, ids and base64 that
are facts in a build log. Markers name the kind, never the value, and redacting twice changes nothing.

Cost: one regex search over the lower-cased line decides whether any rule can apply (``_TRIGGERS``); only
the rules whose trigger was found then run, so a line without any costs a lower() and that one search.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .credentials import BY_KIND, KINDS, LABEL, MARKER, MARKER_SPLIT, ORDER, TRIGGER, TRIGGER_NAMES, find_trigger

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
        if found is None and "ASIA" not in text:
            return self._mask_registered(text) if self.extra_values else text
        kinds = self._triggered(low, found)
        if "ASIA" in text:  # no rare letter in "asia": one plain substring test instead
            kinds.add("aws-access-key-id")
        if "masked" in kinds:  # before masking known values, which could hide part of the new one
            self._register_mask(text)
        if self.extra_values:
            text = self._mask_registered(text)
        if "private-key" in kinds:
            text = self._pem_begin(text)
        for kind in sorted(kinds - {"masked", "private-key"}, key=ORDER.__getitem__):
            for rule in BY_KIND[kind]:
                text, hits = rule.sub(text)
                self.count += hits
        return text

    @staticmethod
    def _triggered(low: str, found: re.Match[str] | None) -> set[str]:
        kinds: set[str] = set()
        while found is not None:
            kinds.update(TRIGGER_NAMES[found.lastgroup or ""])
            found = TRIGGER.search(low, found.start() + 1)
        return kinds

    def _mask_registered(self, text: str) -> str:
        label = LABEL.format("masked")
        for value in self.extra_values:
            if value not in text:
                continue
            # never inside a marker: a registered "ACTED" must not turn the output into a moving target
            pieces = MARKER_SPLIT.split(text)  # odd items are the markers
            self.count += sum(piece.count(value) for piece in pieces[::2])
            pieces[::2] = [piece.replace(value, label) for piece in pieces[::2]]
            text = "".join(pieces)
        return text

    def _register_mask(self, text: str) -> None:
        command = _MASK_COMMAND.search(text)
        if command:
            value = (command.group(1) or command.group(2)).strip().strip("\"'")
            if not value.startswith("$"):  # an echoed command line shows the variable, not its value
                self.register(value)

    def _pem_begin(self, text: str) -> str:
        """Redacts a key given on one line; a header opens a block (even a quoted one: ``set -x`` echoes)."""
        label = LABEL.format("private-key")
        text = self._pem_inline(text, label)
        begin = _PEM_BEGIN.search(text)
        if begin is None:
            return text
        rest = text[begin.end():]
        if _PEM_MATERIAL.match(rest):  # a key on one line, cut short (line cap) before its END
            self.count += 1
            return text[: begin.start()] + label
        self._pem = _Pem(_DIGIT.sub("0", text[: begin.start()]))
        if rest.replace("\\n", "").strip():
            return text  # the header quoted in code or prose: nothing secret on this line
        self.count += 1
        return text[: begin.start()] + label

    def _pem_inline(self, text: str, label: str) -> str:
        """Keys with BEGIN and END on one line (JSON with ``\\n``). Each BEGIN looks for the next END once, so
        a line of many headers and no END stays linear."""
        pieces: list[str] = []
        done = 0
        for begin in _PEM_BEGIN.finditer(text):
            if begin.start() < done:
                continue
            end = _PEM_END.search(text, begin.end())
            if end is None:
                break
            pieces += (text[done:begin.start()], label)
            done = end.end()
        self.count += len(pieces) // 2
        return "".join(pieces) + text[done:] if pieces else text

    def _pem_line(self, pem: _Pem, text: str) -> str | None:
        """The line with its key material redacted while a block is open; None for any other line (it is
        redacted as usual), and the block is given up after too many of those or too many lines."""
        label = LABEL.format("private-key")
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
