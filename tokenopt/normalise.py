"""One raw line as a person reads it: no terminal escapes, no runner timestamp, the last progress frame.

Every ECMA-48 escape goes, not only colours: CSI (colours, cursor moves, private modes), OSC strings (an
OSC 8 hyperlink keeps its visible text), DCS/SOS/PM/APC strings, charset designations such as ``ESC ( B``
(which mypy, cargo and anything using terminfo print after every colour), two-byte escapes, and the
8-bit C1 forms. Logs saved with ``cat -v`` carry the same escapes as caret text (``^[[31m``); those go too.
What is left is the log's own text, character for character.
"""
from __future__ import annotations

import re

_ESC_STRING = r"(?:[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$))"  # up to BEL or ST, or the end of a clipped line
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"  # CSI, 7- and 8-bit
    rf"|\x1b[\]PX^_]{_ESC_STRING}|[\x9d\x90\x98\x9e\x9f]{_ESC_STRING}"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[ -/]+[0-~]"  # nF: charset designation (ESC ( B) and friends
    r"|\x1b[0-~]|\x1b$"  # two-byte escapes (ESC 7, ESC =, ESC M, ...), a lone trailing ESC
    r"|[\x80-\x9f]"  # other C1 controls
)
# cat -v spells ESC as "^[": only shapes that are unmistakably escapes (a regex like ^[[:space:]] stays).
_CARET_ESCAPES = re.compile(r"\^\[\[[0-9;?]*[A-HJKSTfhlmsu]|\^\[\][0-9]*;[^^]*(?:\^G|\^\[\\)|\^\[[()][0-9A-B]"
                            r"|\^M$")
_C1 = re.compile(r"[\x80-\x9f]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_RUNNER_STAMP = re.compile(r"^\ufeff?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?")
# CI markers that a carriage return hides from a terminal but not from the raw log (GitLab sections,
# Travis folds): the marker is kept, with the text shown after it.
_CI_MARKER = re.compile(r"^(?:section_(?:start|end):\d+:\S+|travis_(?:fold|time):\S+)")


def normalise(text: str) -> str:
    """One raw line as a person would read it: no line ending, last progress frame, no escapes, no stamp."""
    text = text.rstrip("\n")
    if "\x1b" in text or (not text.isascii() and _C1.search(text)):
        text = _ESCAPES.sub("", text)
    if "\r" in text:
        text = _last_frame(text)
    if "^[" in text or text.endswith("^M"):
        text = _CARET_ESCAPES.sub("", text)
    if text[:1].isdigit() or text[:1] == "\ufeff":
        text = _RUNNER_STAMP.sub("", text, count=1)
    if not text.isprintable() and _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    return text


def _last_frame(text: str) -> str:
    """What a terminal shows after carriage returns: the last non-empty frame (a progress bar's final state)."""
    frames = [frame for frame in text.split("\r") if frame]
    if not frames:
        return ""
    marker = _CI_MARKER.match(frames[0])
    if marker and len(frames) > 1:
        return f"{marker.group(0)} {frames[-1]}".rstrip()
    return frames[-1]

