"""Decoded views of a line that holds JSON string escapes, each position mapped back to the raw line.

A secret written as ``\\u0026sig=…``, behind a ``\\n`` or inside JSON nested in a JSON string is only
visible once the escapes are decoded. ``views`` decodes a line again and again (``\\\\\\"`` → ``\\"`` →
``"``) and keeps, for each decoded view, where each decoded character came from: a match found in any
view maps back to the exact raw characters to replace, so the rest of the line keeps its own text.

The whole line is decoded, inside strings or not: a view only serves to find secrets, it is never shown.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# A surrogate pair first, so the two halves decode to one character as a JSON parser reads them.
ESCAPE = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
                    r"|\\u([0-9a-fA-F]{4})|\\([\"\\/bfnrt])")
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
MAX_DEPTH = 4  # JSON in a JSON string in a JSON string, and one level more


@dataclass(slots=True)
class View:
    """A line's text at one decoding depth. Each escape decoded into this view is one character at
    ``places[i]``, read from the parent view up to ``ends[i]``; the text between escapes is copied."""

    text: str
    parent: View | None = None
    places: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the raw line that the span ``start``..``end`` of this view was decoded from."""
        view: View | None = self
        while view is not None and view.parent is not None:
            start, end = view._up(start), view._up(end)
            view = view.parent
        return start, end

    def _up(self, position: int) -> int:
        """A boundary in this view as a boundary in the parent: after the last escape before it, the
        text was copied one to one."""
        before = bisect_left(self.places, position)
        if not before:
            return position
        last = before - 1
        return self.ends[last] + position - self.places[last] - 1


def views(text: str) -> list[View]:
    """The raw line and each deeper decoding of it, while one still holds an escape (at most MAX_DEPTH)."""
    found = [View(text)]
    while len(found) <= MAX_DEPTH and "\\" in found[-1].text:
        deeper = _decode(found[-1])
        if deeper is None:
            break
        found.append(deeper)
    return found


def _decode(view: View) -> View | None:
    pieces: list[str] = []
    places: list[int] = []
    ends: list[int] = []
    done = size = 0
    for match in ESCAPE.finditer(view.text):
        high, low, code, simple = match.groups()
        if simple is not None:
            char = _SIMPLE[simple]
        elif code is not None:
            char = chr(int(code, 16))
        else:
            char = chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
        copied = view.text[done:match.start()]
        size += len(copied)
        pieces += (copied, char)
        places.append(size)
        ends.append(match.end())
        size += 1
        done = match.end()
    if not places:
        return None
    pieces.append(view.text[done:])
    return View("".join(pieces), view, tuple(places), tuple(ends))


def aligned_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` of ``text`` widened at its start and narrowed at its end to whole escapes: a
    value read as ``abc\\`` from ``abc\\"`` leaves the escaped quote in place."""
    for escape in ESCAPE.finditer(text, 0, end + 11):  # from the start: "\\\\n" is not "\\n"
        if escape.start() >= end:
            break
        if escape.start() < start < escape.end():
            start = escape.start()
        if escape.start() < end < escape.end():
            end = escape.start() if escape.start() > start else escape.end()
    return start, end
